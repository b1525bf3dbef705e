using System.Security.Cryptography;
using System.Text;

namespace Kuager.Core;

public enum SourceKind
{
    News,
    Testimony,
    OfficialDocument,
    CourtRecord,
    SocialMedia,
    Other,
}

/// <summary>Where a fact comes from: an article, a testimony, a document. Its content hash tells copies apart from new material.</summary>
public sealed record Source : IRecord
{
    public long Id { get; init; }

    public int Version { get; init; }

    public SourceKind Kind { get; init; } = SourceKind.Other;

    public required string Title { get; init; }

    public string? Publisher { get; init; }

    public string? Author { get; init; }

    public string? Url { get; init; }

    public FuzzyDate? Date { get; init; }

    public string? Language { get; init; }

    public string? Text { get; init; }

    public StoredFile? File { get; init; }

    /// <summary>SHA-256 of the file when there is one, else of the text (UTF-8); null when neither.</summary>
    public string? ContentHash => File?.Sha256 ?? (Text is null ? null : HashText(Text));

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Restricted;

    /// <summary>Fields of this record marked confidential (JSON names): encrypted at rest and shown only to editors.</summary>
    public IReadOnlyList<string> ConfidentialFields { get; init; } = [];

    /// <summary>Only http and https: a javascript:, data: or file: link shown on a page would be an attack.</summary>
    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static string HashText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public IReadOnlyList<ValidationError> Validate()
    {
        var rules = new Rules()
            .Required("title", Title)
            .MaxLength("title", Title, 1_000)
            .MaxLength("publisher", Publisher, 300)
            .MaxLength("author", Author, 300)
            .MaxLength("url", Url, 2_000)
            .When(Url is not null && !IsWebAddress(Url), "url", "\"{0}\" is not a web address (http or https)", Url)
            .MaxLength("language", Language, 35);
        if (File is not null)
        {
            foreach (var e in File.Validate("file"))
            {
                rules.Add(e.Field, e.Message);
            }
        }

        return rules.Confidential(RecordKind.Source, ConfidentialFields).Errors;
    }
}
