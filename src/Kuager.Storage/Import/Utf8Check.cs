using System.Text;

namespace Kuager.Storage;

/// <summary>Says where a file stops being UTF-8, by the row a person would look at.</summary>
internal static class Utf8Check
{
    /// <summary>
    /// The error for the first byte that is not UTF-8. CSV rows are records (a line break inside quotes does not
    /// start a row); JSON is numbered by line.
    /// </summary>
    public static ImportError FirstInvalid(string path, bool countQuotedLineBreaks)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = 0;
        var row = 1;
        var quoted = false;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out var length) != System.Buffers.OperationStatus.Done)
            {
                return new ImportError(row, null, $"is not valid UTF-8 (byte 0x{bytes[offset]:X2} at offset {offset}); save the file as UTF-8");
            }

            if (bytes[offset] == '"' && !countQuotedLineBreaks)
            {
                quoted = !quoted;
            }
            else if (!quoted && (bytes[offset] == '\n' || (bytes[offset] == '\r' && (offset + 1 == bytes.Length || bytes[offset + 1] != '\n'))))
            {
                row++;
            }

            offset += length;
        }

        return new ImportError(row, null, "is not valid UTF-8; save the file as UTF-8");
    }
}
