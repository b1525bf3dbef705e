using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Sources;

public sealed class SourceInput
{
    public int Version { get; set; }

    public string Kind { get; set; } = WireCode.Of(SourceKind.News);

    public string? Title { get; set; }

    public string? Publisher { get; set; }

    public string? Author { get; set; }

    public string? Url { get; set; }

    /// <summary>A canonical date ("2019-03", "2017-spring") or the source's own words ("in spring 2017").</summary>
    public string? Date { get; set; }

    public string? Language { get; set; }

    public string? Text { get; set; }

    public string Confidentiality { get; set; } = WireCode.Of(Core.Confidentiality.Restricted);

    public static SourceInput From(Source s) => new()
    {
        Version = s.Version,
        Kind = WireCode.Of(s.Kind),
        Title = s.Title,
        Publisher = s.Publisher,
        Author = s.Author,
        Url = s.Url,
        Date = DateText(s.Date),
        Language = s.Language,
        Text = s.Text,
        Confidentiality = WireCode.Of(s.Confidentiality),
    };

    /// <summary>How a date shows in the form: the source's words when there are some, else the canonical form.</summary>
    public static string? DateText(FuzzyDate? date) => date is null ? null : date.Text ?? date.ToCanonical();
}

/// <summary>The create and edit pages of a source share this: the form, its checks, and saving through the record store.</summary>
public abstract class SourceFormPage(RecordStore store, IStringLocalizer<TextLocalizer> texts) : PageModel
{
    [BindProperty]
    public SourceInput Input { get; set; } = new();

    public EditConflict? Conflict { get; protected set; }

    public abstract string FormAction { get; }

    protected RecordStore Store => store;

    /// <summary>Checks the form and saves; returns the saved source, or null when the page must be shown again.</summary>
    protected async Task<Source?> SaveAsync(Source? current, CancellationToken ct)
    {
        if (!WireCode.TryParse<SourceKind>(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", texts["places.NotAChoice"]);
        }

        if (!WireCode.TryParse<Confidentiality>(Input.Confidentiality, out var confidentiality))
        {
            ModelState.AddModelError("Input.Confidentiality", texts["places.NotAChoice"]);
        }

        var date = ParseDate(Input.Date, current?.Date);
        if (!ModelState.IsValid)
        {
            return null;
        }

        var title = Input.Title?.Trim() ?? "";
        var source = (current ?? new Source { Title = title }) with
        {
            Version = Input.Version,
            Kind = kind,
            Title = title,
            Publisher = Blank(Input.Publisher),
            Author = Blank(Input.Author),
            Url = Blank(Input.Url),
            Date = date,
            Language = Blank(Input.Language),
            // The text is kept as given (its hash identifies the content), only an empty one becomes none.
            Text = string.IsNullOrWhiteSpace(Input.Text) ? null : Input.Text.Replace("\r\n", "\n"),
            Confidentiality = confidentiality,
        };
        var (saved, conflict) = await store.SaveFormAsync(source, HttpContext, ModelState, null, ct);
        if (conflict is not null)
        {
            Conflict = conflict;
            Input.Version = conflict.CurrentVersion;
        }

        return saved;
    }

    private FuzzyDate? ParseDate(string? text, FuzzyDate? current)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Unchanged words keep the stored date, even words that needed a reference year to be read.
        if (current is not null && text.Trim() == SourceInput.DateText(current))
        {
            return current;
        }

        if (FuzzyDate.TryParseCanonical(text, out var canonical, out _))
        {
            return canonical;
        }

        if (FuzzyDate.TryParseText(text.Trim(), null, out var words))
        {
            return words;
        }

        ModelState.AddModelError("Input.Date", texts["sources.NotADate", text]);
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
