using System.Text.Json.Nodes;
using Kuager.Core;
using Kuager.Names;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kuager.Web.Api;

/// <summary>
/// The OpenAPI document at /api/v1/openapi.json, generated from the endpoints' own metadata. Schemas are corrected
/// where the domain's JSON differs from what reflection sees: enums are kebab codes, scripts BCP 47 tags, evidence
/// levels numbers 0 to 4, and fuzzy dates {"value", "text"}.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";

    private static readonly HashSet<string> IntegerParameters = ["page", "pageSize", "limit", "version"];

    private static readonly HashSet<string> BooleanParameters = ["confirm"];

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Kuager API",
                Version = Name,
                Description = "The registry's records (persons, places, organizations, relationships, events, cases, testimonies, sources, " +
                    "citations) in the domain's JSON: camelCase fields, enums as kebab codes, scripts as BCP 47 tags (\"kk-Cyrl\"), dates as " +
                    "{\"value\", \"text\"}, evidence levels 0 to 4. Every change is a revision with history and undo; edits carry the version " +
                    "they are based on. Creating a person that may already be recorded answers 409 with the likely matches unless ?confirm=true; " +
                    "possible duplicates are reviewed, merged and unmerged under /duplicates and /merges. Errors are RFC 7807 problem details (application/problem+json).",
            };
            return Task.CompletedTask;
        });

        // Numbers in the query are read as text so a bad one gets a precise message; the document says what they are.
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In == ParameterLocation.Query && IntegerParameters.Contains(parameter.Name ?? ""))
                {
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
                }
                else if (parameter.In == ParameterLocation.Query && BooleanParameters.Contains(parameter.Name ?? ""))
                {
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean };
                }
            }

            return Task.CompletedTask;
        });

        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type == typeof(EvidenceLevel))
            {
                Replace(schema, JsonSchemaType.Integer, "0 unverified, 1 second-hand, 2 relative's testimony, 3 first-person testimony, 4 documented");
                schema.Minimum = "0";
                schema.Maximum = "4";
            }
            else if (type == typeof(Script))
            {
                Replace(schema, JsonSchemaType.String, "The script as a BCP 47 tag");
                schema.Enum = [.. Scripts.AllCodes.Select(c => (JsonNode)c)];
            }
            else if (type.IsEnum)
            {
                Replace(schema, JsonSchemaType.String, null);
                schema.Enum = [.. Codes(type).Select(c => (JsonNode)c)];
            }
            else if (type == typeof(FuzzyDate))
            {
                Replace(schema, JsonSchemaType.Object, "A date with its precision: value is canonical (\"2017-02-22\", \"2017-05\", \"2017-spring\", " +
                    "\"2016\", \"~2016\", \"2018-06/2018-07\"), text the source's own words. A plain string is read as the value.");
                schema.Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["value"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["text"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                };
                schema.Required = new HashSet<string> { "value" };
            }

            return Task.CompletedTask;
        });
    }

    private static void Replace(OpenApiSchema schema, JsonSchemaType type, string? description)
    {
        schema.Type = type;
        schema.Format = null;
        schema.Enum = null;
        schema.Properties = null;
        schema.Required = null;
        schema.Description = description ?? schema.Description;
    }

    private static IEnumerable<string> Codes(Type enumType) =>
        (IEnumerable<string>)typeof(WireCode).GetMethod(nameof(WireCode.All))!.MakeGenericMethod(enumType).Invoke(null, null)!;
}
