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

    /// <summary>What the text is: a news report unless the user says it is a testimony, a document or a post.</summary>
    public TextKind Kind { get; init; } = TextKind.News;

    public static SourceHints None { get; } = new();
}

/// <summary>
/// What an ingested text is, which sets its source's kind, the evidence its facts carry (domain.md, "Evidence") and
/// whether it is confidential: a testimony is, since a witness's words can be used against their family.
/// </summary>
public enum TextKind
{
    /// <summary>A news report: second-hand (1).</summary>
    News,

    /// <summary>A post on social media: second-hand (1).</summary>
    SocialMedia,

    /// <summary>A relative's or acquaintance's written testimony (2).</summary>
    Testimony,

    /// <summary>A testimony in the first person, by the one it happened to (3).</summary>
    FirstPersonTestimony,

    /// <summary>An official notice or letter (4).</summary>
    OfficialDocument,

    /// <summary>A verdict or other court record (4).</summary>
    CourtRecord,
}

public static class TextKinds
{
    /// <summary>The codes the CLI, the API and the page use, in the order offered.</summary>
    public static readonly IReadOnlyList<string> Codes = ["news", "social-media", "testimony", "first-person-testimony", "official-document", "court-record"];

    public static string Code(this TextKind kind) => Codes[(int)kind];

    public static TextKind? Parse(string? code) =>
        Codes.ToList().IndexOf(code?.Trim().ToLowerInvariant() ?? string.Empty) is var i and >= 0 ? (TextKind)i : null;

    public static Kuager.Core.SourceKind SourceKind(this TextKind kind) => kind switch
    {
        TextKind.SocialMedia => Kuager.Core.SourceKind.SocialMedia,
        TextKind.Testimony or TextKind.FirstPersonTestimony => Kuager.Core.SourceKind.Testimony,
        TextKind.OfficialDocument => Kuager.Core.SourceKind.OfficialDocument,
        TextKind.CourtRecord => Kuager.Core.SourceKind.CourtRecord,
        _ => Kuager.Core.SourceKind.News,
    };

    public static Kuager.Core.EvidenceLevel Evidence(this TextKind kind) => kind switch
    {
        TextKind.Testimony => Kuager.Core.EvidenceLevel.RelativeTestimony,
        TextKind.FirstPersonTestimony => Kuager.Core.EvidenceLevel.FirstPersonTestimony,
        TextKind.OfficialDocument or TextKind.CourtRecord => Kuager.Core.EvidenceLevel.Documented,
        _ => Kuager.Core.EvidenceLevel.SecondHand,
    };

    /// <summary>Testimonies are confidential from the start; other texts take the instance's default.</summary>
    public static bool IsConfidential(this TextKind kind) => kind is TextKind.Testimony or TextKind.FirstPersonTestimony;
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
