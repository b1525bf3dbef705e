using System.Globalization;
using Kuager.Core;
using Kuager.Ingestion;
using Kuager.Storage;
using Kuager.Storage.Ingestion;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Ingestion;

/// <summary>
/// Ingestion in the browser: paste a page or upload files (the same library and storage as `kuager ingest`), then the
/// review queue: accept or reject a selection (all or nothing), or change a proposal's name or type first.
/// </summary>
[EditorsOnly]
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class IndexModel(RecordStore store, IStringLocalizer<TextLocalizer> t) : PageModel
{
    public const int MaxUpload = 50 * 1024 * 1024;

    private const int Shown = 500;

    public IReadOnlyList<IngestProposal> Proposals { get; private set; } = [];

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string Format { get; set; } = "text";

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Publisher { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    /// <summary>What the text is (a TextKinds code): sets the evidence of what is accepted, and a testimony's confidentiality.</summary>
    [BindProperty]
    public string Kind { get; set; } = "news";

    /// <summary>The language the user says the text is in; empty to tell it from the page and its letters.</summary>
    [BindProperty]
    public string? Language { get; set; }

    public async Task OnGetAsync(string? notice, int? count, int? copies, CancellationToken ct)
    {
        ModelState.Clear();
        LocalizedString? text = notice switch
        {
            "ingested" => t["ingestion.Ingested", count ?? 0, copies ?? 0],
            "accepted" => t["ingestion.Accepted", count ?? 0],
            "rejected" => t["ingestion.Rejected", count ?? 0],
            "edited" => t["ingestion.Edited"],
            _ => null,
        };
        Notice = text?.Value;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostIngestAsync(List<IFormFile>? files, CancellationToken ct)
    {
        var pages = new List<IngestPage>();
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var format = Format switch { "markdown" => PageFormat.Markdown, "html" => PageFormat.Html, _ => PageFormat.Text };
            pages.Add(new IngestPage("pasted", Text, format));
        }

        foreach (var file in files ?? [])
        {
            if (!Article.IsReadable(file.FileName))
                return await FailAsync(t["ingestion.BadFile", Path.GetFileName(file.FileName)], ct);
            using var reader = new StreamReader(file.OpenReadStream());
            pages.Add(new IngestPage(Path.GetFileName(file.FileName), await reader.ReadToEndAsync(ct), Article.FormatOf(file.FileName)));
        }

        if (pages.Count == 0)
            return await FailAsync(t["ingestion.NothingGiven"], ct);
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (!DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return await FailAsync(t["ingestion.BadDate"], ct);
            date = d;
        }

        if (!string.IsNullOrWhiteSpace(Address) && !Source.IsWebAddress(Address.Trim()))
            return await FailAsync(t["ingestion.BadUrl"], ct);
        if (TextKinds.Parse(Kind) is not { } kind)
            return await FailAsync(t["ingestion.BadKind"], ct);
        var language = string.IsNullOrWhiteSpace(Language) ? null : Language.Trim().ToLowerInvariant();
        if (language is not null && !Languages.Known.Contains(language))
            return await FailAsync(t["ingestion.BadLanguage"], ct);
        var hints = new SourceHints
        {
            Url = string.IsNullOrWhiteSpace(Address) ? null : Address.Trim(),
            Publisher = string.IsNullOrWhiteSpace(Publisher) ? null : Publisher.Trim(),
            Date = date,
            Kind = kind,
            Language = language,
        };
        var articles = await new SourceIngestion(store.Database).IngestAsync(pages, hints, Editing.Actor(HttpContext), null, ct);
        return Redirect(string.Create(CultureInfo.InvariantCulture,
            $"/ingestion?notice=ingested&count={articles.Count}&copies={articles.Count(a => a.DuplicateOf is not null)}"));
    }

    public async Task<IActionResult> OnPostAcceptAsync(List<long>? ids, CancellationToken ct)
    {
        if (ids is not { Count: > 0 })
            return await FailAsync(t["ingestion.NoneSelected"], ct);
        try
        {
            var accepted = await new ProposalReview(store.Database).AcceptAsync(ids, Editing.Actor(HttpContext), ct);
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/ingestion?notice=accepted&count={accepted.Count}"));
        }
        catch (Exception e) when (e is ValidationException or NotFoundException or RevisionConflictException)
        {
            return await FailAsync(e.Message, ct);
        }
    }

    public async Task<IActionResult> OnPostRejectAsync(List<long>? ids, CancellationToken ct)
    {
        if (ids is not { Count: > 0 })
            return await FailAsync(t["ingestion.NoneSelected"], ct);
        var review = new ProposalReview(store.Database);
        try
        {
            foreach (var id in ids.Distinct())
                await review.RejectAsync(id, Editing.Actor(HttpContext), ct);
        }
        catch (Exception e) when (e is NotFoundException or RevisionConflictException)
        {
            return await FailAsync(e.Message, ct);
        }

        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/ingestion?notice=rejected&count={ids.Distinct().Count()}"));
    }

    public async Task<IActionResult> OnPostEditAsync(long id, string? label, CancellationToken ct)
    {
        try
        {
            await new ProposalReview(store.Database).EditAsync(id, label ?? string.Empty, Editing.Actor(HttpContext), ct);
        }
        catch (Exception e) when (e is ValidationException or NotFoundException or RevisionConflictException)
        {
            return await FailAsync(e.Message, ct);
        }

        return Redirect("/ingestion?notice=edited");
    }

    private async Task<IActionResult> FailAsync(string message, CancellationToken ct)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Proposals = await new ProposalReview(store.Database).ListAsync(ProposalReview.Proposed, null, Shown, ct);
}
