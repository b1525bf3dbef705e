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
}

/// <summary>A record read from an import file before it is checked: raw values by lower-case column name.</summary>
public sealed class ImportRow(int row, Dictionary<string, string?> values, IReadOnlyList<string>? namesList = null)
{
    public int Row { get; } = row;

    public Dictionary<string, string?> Values { get; } = values;

    /// <summary>The `names` field when the file gave it as a list (JSON) rather than a `|`-separated string (CSV).</summary>
    public IReadOnlyList<string>? NamesList { get; } = namesList;

    public bool Has(string column) => Values.ContainsKey(column);

    public string? this[string column] => Values.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>A file that cannot be read as a whole (not UTF-8, no header, broken JSON); reported as an import error.</summary>
public sealed class ImportFormatException(ImportError error) : Exception(error.ToString())
{
    public ImportError Error { get; } = error;
}
