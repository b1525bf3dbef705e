namespace Kuager.Storage;

/// <summary>One problem in an import file, where a person would look for it: the row as a spreadsheet numbers it (header = 1) and the column.</summary>
public sealed record ImportError(int Row, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"row {Row}: {Message}" : $"row {Row}, column {Column}: {Message}";
}

/// <summary>What an import did: people created, people updated, and every error (when there are errors, nothing was written).</summary>
public sealed record ImportResult(int Imported, int Updated, IReadOnlyList<ImportError> Errors, int ErrorsNotShown = 0)
{
    public bool Ok => Errors.Count == 0;

    /// <summary>The ids of the people the import created (not those it updated), in file order.</summary>
    public IReadOnlyList<long> CreatedIds { get; init; } = [];
}

/// <summary>A record read from an import file before it is checked: raw values by lower-case column name.</summary>
public sealed class ImportRow(int row, IReadOnlyDictionary<string, int> columns, string?[] values, IReadOnlyList<string>? namesList = null)
{
    public int Row { get; } = row;

    public IEnumerable<string> Columns => columns.Keys;

    /// <summary>The `names` field when the file gave it as a list (JSON) rather than a `|`-separated string (CSV).</summary>
    public IReadOnlyList<string>? NamesList { get; } = namesList;

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The trimmed value, or null when the column is absent or blank.</summary>
    public string? this[string column] =>
        columns.TryGetValue(column, out var i) && values[i] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>Column name to position, shared by every row of a CSV file.</summary>
    public static IReadOnlyDictionary<string, int> IndexColumns(IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i], i);
        }

        return index;
    }
}

/// <summary>A file that cannot be read as a whole (not UTF-8, no header, broken JSON); reported as an import error.</summary>
public sealed class ImportFormatException(ImportError error) : Exception(error.ToString())
{
    public ImportError Error { get; } = error;
}
