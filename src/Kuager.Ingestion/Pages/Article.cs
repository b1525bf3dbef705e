namespace Kuager.Ingestion;

/// <summary>The kind of text a page arrives as.</summary>
public enum PageFormat
{
    Text,
    Markdown,
    Html,
}

/// <summary>What the user says about a page; each given value wins over what the page says of itself.</summary>
public sealed record SourceHints
{
    public string? Url { get; init; }

    public string? Publisher { get; init; }

    public DateOnly? Date { get; init; }

    public string? Language { get; init; }

    public static SourceHints None { get; } = new();
}

/// <summary>One article found on a page: its metadata and its clean paragraphs (navigation and boilerplate removed).</summary>
public sealed record Article(string Title, string? Url, string? Publisher, DateOnly? Date, string Language, IReadOnlyList<string> Paragraphs)
{
    /// <summary>The clean text: paragraphs separated by blank lines.</summary>
    public string Text => string.Join("\n\n", Paragraphs);

    public static PageFormat FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".html" or ".htm" => PageFormat.Html,
        ".md" or ".markdown" => PageFormat.Markdown,
        _ => PageFormat.Text,
    };

    /// <summary>Whether a file is one ingestion reads (.html, .htm, .txt, .md).</summary>
    public static bool IsReadable(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".html" or ".htm" or ".txt" or ".md" or ".markdown";
}
