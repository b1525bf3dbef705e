using System.Text;
using System.Text.Json;

namespace Kuager.Storage;

/// <summary>Reads a JSON import file: an array of objects with the CSV's fields (`names` and `citizenship` may be arrays).</summary>
public static class JsonRows
{
    public static IEnumerable<ImportRow> Read(string path)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length == 0)
            {
                throw new ImportFormatException(new ImportError(1, null, "the file is empty; expected a JSON array of people"));
            }

            // System.Text.Json checks UTF-8 only when a string is read; check the whole file first to say where it breaks.
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                throw new ImportFormatException(Utf8Check.FirstInvalid(path, countQuotedLineBreaks: true));
            }

            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var message = e.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || e.InnerException is DecoderFallbackException
                ? "is not valid UTF-8; save the file as UTF-8"
                : $"is not valid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}";
            throw new ImportFormatException(new ImportError((int)(e.LineNumber ?? 0) + 1, null, message));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ImportFormatException(new ImportError(1, null, "expected a JSON array of people, [{\"external_id\": ..., \"name\": ...}, ...]"));
            }

            var row = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                row++;
                yield return ToRow(row, element);
            }
        }
    }

    private static ImportRow ToRow(int row, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ImportFormatException(new ImportError(row, null, $"item {row} is not an object"));
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        List<string>? names = null;
        foreach (var property in element.EnumerateObject())
        {
            var key = property.Name.Trim().ToLowerInvariant();
            if (values.ContainsKey(key))
            {
                throw new ImportFormatException(new ImportError(row, key, "the field appears twice"));
            }

            var value = property.Value;
            if (key == "names" && value.ValueKind == JsonValueKind.Array)
            {
                names = value.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.String
                    ? n.GetString()!
                    : throw new ImportFormatException(new ImportError(row, key, "each name is a string, optionally prefixed by its script (\"kk-Cyrl:Құнболат\")"))).ToList();
                values[key] = null;
                continue;
            }

            values[key] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => null,
                JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                    string.Join('|', value.EnumerateArray().Select(v => v.GetString())),
                _ => throw new ImportFormatException(new ImportError(row, key, $"expected text or a number, not {value.ValueKind.ToString().ToLowerInvariant()}")),
            };
        }

        var columns = ImportRow.IndexColumns(values.Keys.ToList());
        return new ImportRow(row, columns, values.Values.ToArray(), names);
    }
}
