using System.Globalization;
using System.Text.RegularExpressions;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Sources;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Citations;

public sealed class CitationInput
{
    public int Version { get; set; }

    public long SourceId { get; set; }

    public string TargetKind { get; set; } = WireCode.Of(RecordKind.Person);

    /// <summary>The record's number, or its address ("/persons/12"): the number at the end counts.</summary>
    public string? TargetId { get; set; }

    public int Level { get; set; }

    public string? Quote { get; set; }

    public string Confidentiality { get; set; } = WireCode.Of(Core.Confidentiality.Restricted);

    public static CitationInput From(Citation c) => new()
    {
        Version = c.Version,
        SourceId = c.SourceId,
        TargetKind = WireCode.Of(c.TargetKind),
        TargetId = c.TargetId.ToString(CultureInfo.InvariantCulture),
        Level = (int)c.Level,
        Quote = c.Quote,
        Confidentiality = WireCode.Of(c.Confidentiality),
    };
}

/// <summary>The create and edit pages of a citation share this: the form, its checks, and saving through the record store.</summary>
public abstract partial class CitationFormPage(RecordStore store, IStringLocalizer<TextLocalizer> texts) : PageModel
{
    [BindProperty]
    public CitationInput Input { get; set; } = new();

    public EditConflict? Conflict { get; protected set; }

    /// <summary>The title of the cited source, for the heading.</summary>
    public string SourceTitle { get; protected set; } = "";

    public abstract string FormAction { get; }

    protected RecordStore Store => store;

    /// <summary>Checks the form and saves; returns the saved citation, or null when the page must be shown again.</summary>
    protected async Task<Citation?> SaveAsync(Citation? current, CancellationToken ct)
    {
        if (!WireCode.TryParse<RecordKind>(Input.TargetKind, out var kind) || !Citation.CitableKinds.Contains(kind))
        {
            ModelState.AddModelError("Input.TargetKind", texts["places.NotAChoice"]);
        }

        var targetId = 0L;
        var number = TrailingNumber().Match(Input.TargetId ?? "");
        if (!number.Success || !long.TryParse(number.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out targetId) || targetId <= 0)
        {
            ModelState.AddModelError("Input.TargetId", texts["citations.NotANumber", Input.TargetId ?? ""]);
        }

        if (!WireCode.TryParse<Confidentiality>(Input.Confidentiality, out var confidentiality))
        {
            ModelState.AddModelError("Input.Confidentiality", texts["places.NotAChoice"]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var citation = (current ?? new Citation()) with
        {
            Version = Input.Version,
            SourceId = current?.SourceId ?? Input.SourceId,
            TargetKind = kind,
            TargetId = targetId,
            Level = (EvidenceLevel)Input.Level,
            Quote = string.IsNullOrWhiteSpace(Input.Quote) ? null : Input.Quote.Trim(),
            Confidentiality = confidentiality,
        };
        var (saved, conflict) = await store.SaveFormAsync(citation, HttpContext, ModelState, null, ct);
        if (conflict is not null)
        {
            Conflict = conflict;
            Input.Version = conflict.CurrentVersion;
        }

        return saved;
    }

    protected async Task<bool> LoadSourceAsync(long sourceId, CancellationToken ct)
    {
        SourceTitle = await SourceQueries.TitleAsync(store.Database, sourceId, ct) ?? "";
        return SourceTitle.Length > 0;
    }

    [GeneratedRegex(@"(\d+)\s*/?\s*$")]
    private static partial Regex TrailingNumber();
}
