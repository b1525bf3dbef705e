using System.Text;

namespace Kuager.Storage;

/// <summary>
/// Reads RFC 4180 CSV strictly: UTF-8 only (a BOM is tolerated), quoted fields may hold commas, quotes and line
/// breaks, and every record must have as many fields as the header. Rows are numbered as a spreadsheet shows them.
/// </summary>
public static class CsvRows
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The header's column names (lower-cased) and the records after it. Structural problems throw <see cref="ImportFormatException"/>.</summary>
    public static (IReadOnlyList<string> Header, IEnumerable<(int Row, string[] Fields)> Records) Read(string path)
    {
        var first = ReadRecords(path).GetEnumerator();
        if (!first.MoveNext() || first.Current.Fields is [""])
        {
            first.Dispose();
            throw new ImportFormatException(new ImportError(1, null, "the file is empty; the first row must be a header naming the columns (external_id, name, ...)"));
        }

        var header = first.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        return (header, Rest(first, header.Length));
    }

    private static IEnumerable<(int Row, string[] Fields)> Rest(IEnumerator<(int Row, string[] Fields)> records, int width)
    {
        using (records)
        {
            while (records.MoveNext())
            {
                var (row, fields) = records.Current;
                if (fields.All(string.IsNullOrWhiteSpace))
                {
                    continue; // a blank line, or a spreadsheet's empty row of commas
                }

                if (fields.Length != width)
                {
                    throw new ImportFormatException(new ImportError(row, null,
                        $"has {fields.Length} field{(fields.Length == 1 ? "" : "s")} but the header has {width}" +
                        (fields.Length < width ? " (is the row cut short?)" : " (a comma inside a value must be in double quotes)")));
                }

                yield return (row, fields);
            }
        }
    }

    private static IEnumerable<(int Row, string[] Fields)> ReadRecords(string path)
    {
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var fields = new List<string>(16);
        var field = new StringBuilder(64);
        var row = 1;
        var quoted = false;
        var fieldStarted = false;
        var afterQuote = false;
        var first = true;
        while (true)
        {
            int c;
            try
            {
                c = reader.Read();
            }
            catch (DecoderFallbackException)
            {
                throw new ImportFormatException(Utf8Check.FirstInvalid(path, countQuotedLineBreaks: false));
            }

            if (first)
            {
                first = false;
                if (c == '\uFEFF')
                {
                    continue;
                }
            }

            if (quoted)
            {
                if (c == -1)
                {
                    throw new ImportFormatException(new ImportError(row, null, "a quoted value is never closed: the file ends inside it (is the file cut short?)"));
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case '"':
                    throw new ImportFormatException(new ImportError(row, null,
                        $"a double quote inside field {fields.Count + 1} must be doubled and the field enclosed in quotes"));
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = afterQuote = false;
                    break;
                case '\r' or '\n' or -1:
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    if (c == -1 && fields.Count == 0 && !fieldStarted && field.Length == 0)
                    {
                        yield break;
                    }

                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (row, fields.ToArray());
                    fields.Clear();
                    fieldStarted = afterQuote = false;
                    row++;
                    if (c == -1)
                    {
                        yield break;
                    }

                    break;
                default:
                    if (afterQuote)
                    {
                        throw new ImportFormatException(new ImportError(row, null,
                            $"field {fields.Count + 1} has text after its closing quote"));
                    }

                    field.Append((char)c);
                    fieldStarted = true;
                    break;
            }
        }
    }
}
