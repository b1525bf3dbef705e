using System.Text.Json;
using System.Text.Json.Nodes;
using Kuager.Core;

namespace Kuager.Web.Api;

/// <summary>A request the API cannot read: unparseable JSON, a bad code or value, a bad query parameter. Nothing was written.</summary>
internal sealed class ApiInputException(string? field, string message) : Exception(message)
{
    /// <summary>The field or parameter at fault, when known ("gender", "names[0].script", "page").</summary>
    public string? Field { get; } = field;
}

/// <summary>Reads a record from a request body in the domain's JSON (<see cref="KuagerJson.Options"/>).</summary>
internal static class RecordBody
{
    // Stricter than stored data: a null where the record has no room for one is the client's error, named by its field.
    private static readonly JsonSerializerOptions Options = new(KuagerJson.Options) { RespectNullableAnnotations = true };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// The record in the body, with the id from the route (0 to create). An update keeps the body's "version", the
    /// version the edit is based on, and must have one; a creation ignores it.
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, long id, bool forUpdate, CancellationToken ct) where T : class, IRecord
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, NodeOptions, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new ApiInputException(null, "the body is not valid JSON: " + e.Message);
        }

        if (node is not JsonObject json)
        {
            throw new ApiInputException(null, "the body must be a JSON object with the record's fields");
        }

        // Missing and null fields are reported the way the domain reports them, all at once and by field.
        var rules = new Rules();
        foreach (var property in Options.GetTypeInfo(typeof(T)).Properties.Where(p => p.Set is not null))
        {
            var present = json.TryGetPropertyValue(property.Name, out var value);
            rules.When(property.IsRequired && (!present || value is null), property.Name, "is required")
                .When(!property.IsRequired && present && value is null && !property.IsSetNullable, property.Name, "cannot be null");
        }

        // No list in a record holds nulls; one would fail deep inside the rules instead of being named here.
        foreach (var path in NullItems(json, ""))
        {
            rules.Add(path, "cannot be null");
        }

        rules.When(forUpdate && json["version"]?.GetValueKind() != JsonValueKind.Number, "version", "is required");
        rules.ThrowIfAny();

        json["id"] = id;
        if (!forUpdate)
        {
            json["version"] = 0;
        }

        try
        {
            return json.Deserialize<T>(Options) ?? throw new ApiInputException(null, "the body must be a JSON object with the record's fields");
        }
        catch (JsonException e)
        {
            throw new ApiInputException(FieldOf(e.Path), e.Message);
        }
    }

    private static IEnumerable<string> NullItems(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => NullItems(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => item is null ? [$"{path}[{i}]"] : NullItems(item, $"{path}[{i}]")),
        _ => [],
    };

    /// <summary>"$.names[0].script" → "names[0].script", the domain's way of naming a field; null for the body as a whole.</summary>
    private static string? FieldOf(string? path) =>
        path is null || path.Length <= 2 || !path.StartsWith("$.", StringComparison.Ordinal) ? null : path[2..];
}
