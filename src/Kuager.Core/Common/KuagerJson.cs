using System.Text.Json;
using System.Text.Json.Serialization;
using Kuager.Names;

namespace Kuager.Core;

/// <summary>The one JSON shape of records: stored data, revisions, the API and exports all use it.</summary>
public static class KuagerJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>A record's stored fields: as <see cref="Options"/> but without id and version, which live in their own columns.</summary>
    public static JsonSerializerOptions Data { get; } = Create(indented: false, withoutIdentity: true);

    private static JsonSerializerOptions Create(bool indented, bool withoutIdentity = false)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        if (withoutIdentity)
        {
            options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
            {
                Modifiers =
                {
                    info =>
                    {
                        if (typeof(IRecord).IsAssignableFrom(info.Type))
                        {
                            foreach (var property in info.Properties.Where(p => p.Name is "id" or "version").ToList())
                            {
                                info.Properties.Remove(property);
                            }
                        }
                    },
                },
            };
        }

        options.Converters.Add(new EnumConverterFactory());
        options.Converters.Add(new FuzzyDateConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Enums as wire codes; scripts as their BCP 47 tags; evidence levels as the numbers 0 to 4 people use.</summary>
    private sealed class EnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            typeToConvert == typeof(Script) ? new ScriptConverter()
            : typeToConvert == typeof(EvidenceLevel) ? new EvidenceLevelConverter()
            : (JsonConverter)Activator.CreateInstance(typeof(WireCodeConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class WireCodeConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var code = reader.GetString();
            return WireCode.TryParse<T>(code, out var value)
                ? value
                : throw new JsonException($"\"{code}\" is not one of {WireCode.Choices<T>()}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(WireCode.Of(value));
    }

    private sealed class ScriptConverter : JsonConverter<Script>
    {
        public override Script Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var code = reader.GetString();
            return Scripts.TryParse(code, out var script)
                ? script
                : throw new JsonException($"\"{code}\" is not a script; use one of {string.Join(" | ", Scripts.AllCodes)}");
        }

        public override void Write(Utf8JsonWriter writer, Script value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code());
    }

    private sealed class EvidenceLevelConverter : JsonConverter<EvidenceLevel>
    {
        public override EvidenceLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) && n is >= 0 and <= 4)
            {
                return (EvidenceLevel)n;
            }

            throw new JsonException("an evidence level is a number from 0 to 4");
        }

        public override void Write(Utf8JsonWriter writer, EvidenceLevel value, JsonSerializerOptions options) => writer.WriteNumberValue((int)value);
    }

    /// <summary>{"value": "2017-spring", "text": "in spring 2017"}: the canonical date and the source's own words.</summary>
    private sealed class FuzzyDateConverter : JsonConverter<FuzzyDate>
    {
        public override FuzzyDate? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return Parse(reader.GetString(), null);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("a date is a string such as \"2017-02-22\" or an object {\"value\": ..., \"text\": ...}");
            }

            string? value = null, text = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()?.ToLowerInvariant();
                reader.Read();
                switch (name)
                {
                    case "value": value = reader.GetString(); break;
                    case "text": text = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }

            return Parse(value, text);
        }

        private static FuzzyDate Parse(string? value, string? text)
        {
            if (!FuzzyDate.TryParseCanonical(value, out var date, out var error))
            {
                throw new JsonException(error);
            }

            return text is null ? date! : date! with { Text = text };
        }

        public override void Write(Utf8JsonWriter writer, FuzzyDate value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("value", value.ToCanonical());
            if (value.Text is not null)
            {
                writer.WriteString("text", value.Text);
            }

            writer.WriteEndObject();
        }
    }
}
