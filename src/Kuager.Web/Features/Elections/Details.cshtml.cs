using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Charts;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Elections;

/// <summary>
/// One election: its stages, parties and hierarchy; results tabulated from our observers' protocols with turnout and
/// votes by region (charts and tables), the comparison with official results, the seats, the parallel vote tabulation,
/// the share of observed counts assessed negatively by region (each with its n), coverage, eligibility and quotas.
/// Editors add units, parties and protocols here.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
[RequestSizeLimit(MaxUpload)]
public sealed partial class DetailsModel(ElectionStore store, RecordStore records, FileStore files, IStringLocalizer<TextLocalizer> texts) : PageModel
{
    /// <summary>An incident's files together: photos of a protocol, a short video.</summary>
    public const long MaxUpload = 512L * 1024 * 1024;

    public Election Election { get; private set; } = null!;

    public IReadOnlyList<ElectionParty> Parties { get; private set; } = [];

    public IReadOnlyList<ElectionUnit> Units { get; private set; } = [];

    /// <summary>What the ballot lists in order (parties, candidates or a referendum's options): the protocol form's vote lines.</summary>
    public IReadOnlyList<string> Ballot { get; private set; } = [];

    /// <summary>"party", "candidate" or "option": picks the words for the ballot's lines.</summary>
    public string BallotWord => WireCode.Of(Election.Ballot);

    public TallyNode Results { get; private set; } = null!;

    public IReadOnlyList<ResultDifference> Differences { get; private set; } = [];

    public SeatOutcome? Seats { get; private set; }

    public string? SeatsNote { get; private set; }

    public PvtEstimate? Pvt { get; private set; }

    public string? PvtNote { get; private set; }

    public IReadOnlyList<ObservedShare> Assessments { get; private set; } = [];

    public Coverage Coverage { get; private set; } = null!;

    public IReadOnlyList<EligibilityVerdict> Eligibility { get; private set; } = [];

    public IReadOnlyList<QuotaCheck> Quotas { get; private set; } = [];

    public IReadOnlyList<ObserverEvent> ObserverEvents { get; private set; } = [];

    public IReadOnlyList<StoredIncident> Incidents { get; private set; } = [];

    public RenderedChart TurnoutChart { get; private set; } = null!;

    public RenderedChart VotesChart { get; private set; } = null!;

    /// <summary>Each region's votes per choice as stacked bars, the choices in the election's order.</summary>
    public RenderedChart RegionResultsChart { get; private set; } = null!;

    public RenderedChart AssessmentChart { get; private set; } = null!;

    public RenderedChart CoverageChart { get; private set; } = null!;

    /// <summary>What the last protocol entry found (warnings after a save, errors after a refusal).</summary>
    public IReadOnlyList<string> ProtocolMessages { get; private set; } = [];

    [BindProperty]
    public UnitInput Unit { get; set; } = new();

    [BindProperty]
    public string? PartyName { get; set; }

    [BindProperty]
    public CandidateInput Candidate { get; set; } = new();

    /// <summary>The candidate form's refusal, each line naming its field.</summary>
    public IReadOnlyList<string> CandidateErrors { get; private set; } = [];

    public IReadOnlyList<ElectionCandidate> Candidates { get; private set; } = [];

    [BindProperty]
    public ProtocolInput Entry { get; set; } = new();

    [BindProperty]
    public IncidentInput Incident { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (ElectionPages.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostUnitAsync(long id, CancellationToken ct) =>
        WriteAsync(id, "Unit", () => store.AddUnitAsync(id, Unit.ParentId, Unit.Level, Unit.Name ?? "", Unit.RegisteredVoters, Editing.Actor(HttpContext), Unit.InSample, ct), ct);

    public Task<IActionResult> OnPostPartyAsync(long id, CancellationToken ct) =>
        WriteAsync(id, "PartyName", () => store.AddPartyAsync(id, PartyName ?? "", Editing.Actor(HttpContext), ct), ct);

    /// <summary>Adds a candidate through the same store method as the API's add-candidate; refused values stay in the form.</summary>
    public async Task<IActionResult> OnPostCandidateAsync(long id, CancellationToken ct)
    {
        if (Editing.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        var c = Candidate;
        var facts = new CandidateFacts(c.Name ?? "", c.Citizen, c.BirthDate, c.ResidentSince, c.UnexpungedConviction, c.Gender, c.Disability);
        try
        {
            await store.AddCandidateAsync(id, c.PartyId, facts, Editing.Actor(HttpContext), c.PersonId, c.ListPosition, ct);
            return Redirect($"/elections/{id}#candidates");
        }
        catch (ValidationException e)
        {
            CandidateErrors = e.Errors.Select(err => $"{CandidateLabel(err.Field)}: {TextLocalizer.Shared.Localize(err)}").ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private string CandidateLabel(string field) => field switch
    {
        "name" => texts["Name"],
        "partyId" => texts["elections.Party"],
        "listPosition" => texts["elections.ListPosition"],
        _ => field,
    };

    public async Task<IActionResult> OnPostProtocolAsync(long id, CancellationToken ct)
    {
        if (Editing.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        // The vote lines are the ballot's, in its order: parties, candidates or options, as the form showed them.
        var ballot = await store.BallotAsync(id, ct);
        var protocol = new Protocol(Entry.RegisteredVoters, Entry.BallotsIssued, Entry.Valid, Entry.Invalid,
            ballot.Select((name, i) => new ChoiceVotes(name, i < Entry.Votes.Count ? Entry.Votes[i] : 0)).ToList(), Entry.AgainstAll);
        try
        {
            var findings = await store.SaveProtocolAsync(Entry.StationId, Entry.Source, protocol, Editing.Actor(HttpContext), Entry.KeepInconsistent, ct);
            if (findings.Count == 0)
            {
                return Redirect($"/elections/{id}#protocol");
            }

            ProtocolMessages = findings.Select(f => f.ToString()).ToList();
        }
        catch (ValidationException e)
        {
            // The figures stay in the form, with each line's message, so the entry can be corrected.
            ProtocolMessages = e.Errors.Select(err => $"{err.Field}: {TextLocalizer.Shared.Localize(err)}").ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostIncidentAsync(long id, CancellationToken ct)
    {
        var uploads = Incident.Files.Where(f => f.Length > 0).Select(f => new IncidentFile(f.FileName, f.ContentType, f.OpenReadStream())).ToList();
        try
        {
            return await WriteAsync(id, "Incident", () => store.ReportIncidentAsync(id,
                new IncidentReport(Incident.StationId, Incident.Kind ?? "", Incident.Day ?? default, Incident.Description ?? "", uploads,
                    string.IsNullOrWhiteSpace(Incident.DetainedObserver) ? null : Incident.DetainedObserver, Incident.DetainedPersonId),
                Editing.Actor(HttpContext), files, ct), ct);
        }
        finally
        {
            foreach (var u in uploads)
            {
                await u.Content.DisposeAsync();
            }
        }
    }

    private async Task<IActionResult> WriteAsync<T>(long id, string prefix, Func<Task<T>> write, CancellationToken ct)
    {
        if (Editing.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        try
        {
            await write();
            return Redirect($"/elections/{id}");
        }
        catch (ValidationException e)
        {
            e.AddTo(ModelState, prefix == "PartyName" ? "" : prefix, prefix == "PartyName" ? new Dictionary<string, string> { ["name"] = "PartyName" } : null);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        try
        {
            Election = await store.GetElectionAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Parties = await store.PartiesAsync(id, ct);
        Candidates = await store.CandidatesAsync(id, ct);
        Units = await store.UnitsAsync(id, ct);
        Ballot = await store.BallotAsync(id, ct);
        Results = await store.TabulateAsync(id, ProtocolSource.Observer, ct);
        Differences = await store.CompareWithOfficialAsync(id, ct);
        try
        {
            Seats = Election.Seats is null || Parties.Count == 0 ? null : await store.SeatsAsync(id, ProtocolSource.Observer, ct);
        }
        catch (ValidationException e)
        {
            SeatsNote = TextLocalizer.Shared.Localize(e.Errors[0]);
        }

        try
        {
            Pvt = await store.ParallelVoteTabulationAsync(id, ct);
        }
        catch (ValidationException e)
        {
            PvtNote = TextLocalizer.Shared.Localize(e.Errors[0]);
        }

        Assessments = await store.NegativeShareAsync(id, ObservationStage.Counting, ct);
        Coverage = await store.CoverageAsync(id, ct);
        Eligibility = await store.EligibilityAsync(id, ct);
        Quotas = await store.QuotasAsync(id, ct);
        ObserverEvents = await ElectionPrivacy.ForAsync(await store.ObserverEventsAsync(id, ct), records, HttpContext.Viewer(), ct);
        Incidents = await store.IncidentsAsync(id, ct);

        TurnoutChart = BarChart.Render(Text("elections.TurnoutByRegion", "elections.Region", "elections.TurnoutPercent"),
            Results.Children.Where(r => r.Totals.Turnout is not null).Select(r => new Bar(r.Name, Math.Round((double)r.Totals.Turnout!.Value * 100, 1))).ToList());
        VotesChart = BarChart.Render(Text($"elections.VotesBy.{BallotWord}", $"elections.choice.{BallotWord}", "elections.PercentOfValid"),
            Results.Totals.Valid == 0 ? [] : Results.Totals.Choices.Select(c => new Bar(c.Choice, Math.Round(c.Votes * 100.0 / Results.Totals.Valid, 1))).ToList());
        RegionResultsChart = Elections.RegionResultsChart.Render(Text("elections.ResultsByRegion", "elections.Region", "elections.PercentOfValid"), texts["elections.AgainstAll"],
            Results.Children.Select(r => new RegionVotes(r.Name, Results.Totals.Choices.Select(c => (c.Choice, r.Totals.VotesFor(c.Choice))).ToList(), r.Totals.AgainstAll)).ToList());
        AssessmentChart = BarChart.Render(Text("elections.NegativeCounts", "elections.Region", "elections.NegativePercent"),
            Assessments.Where(a => a.Region.Length > 0 && a.Share is not null)
                .Select(a => new Bar(texts["elections.RegionWithN", a.Region, a.Observations].Value, Math.Round(a.Share!.Value * 100, 1))).ToList());
        CoverageChart = BarChart.Render(Text("elections.CoverageByRegion", "elections.Region", "elections.StationsVisited"),
            Coverage.ByRegion.Select(r => new Bar(texts["elections.RegionOfStations", r.Region, r.Stations].Value, r.Visited)).ToList());
        FillEditors();
        return true;
    }

    private ChartText Text(string title, string category, string value) =>
        new(texts[title], texts[category], texts[value], texts["charts.NoData"], texts["charts.ShowTable"]);

    /// <summary>Each unit's path for the pickers: "North / N-1 / 101".</summary>
    public string PathOf(ElectionUnit unit) => ElectionPages.PathOf(Units, unit.Id);
}

/// <summary>The form that adds a region, district or station.</summary>
public sealed class UnitInput
{
    public TallyLevel Level { get; set; } = TallyLevel.Region;

    public string? Name { get; set; }

    public long? ParentId { get; set; }

    public long? RegisteredVoters { get; set; }

    public bool InSample { get; set; }
}

/// <summary>The candidate form: the API's add-candidate body; unknown facts are left empty (null).</summary>
public sealed class CandidateInput
{
    public string? Name { get; set; }

    public long? PartyId { get; set; }

    public bool? Citizen { get; set; }

    public DateOnly? BirthDate { get; set; }

    public DateOnly? ResidentSince { get; set; }

    public bool? UnexpungedConviction { get; set; }

    public Gender? Gender { get; set; }

    public bool Disability { get; set; }

    public long? PersonId { get; set; }

    /// <summary>The place on the party's list (the others move down); empty for the end.</summary>
    public int? ListPosition { get; set; }
}

/// <summary>The protocol entry form: the figures, then the votes of each registered party in registration order.</summary>
public sealed class ProtocolInput
{
    public long StationId { get; set; }

    public ProtocolSource Source { get; set; } = ProtocolSource.Observer;

    public long RegisteredVoters { get; set; }

    public long BallotsIssued { get; set; }

    public long Valid { get; set; }

    public long Invalid { get; set; }

    public long AgainstAll { get; set; }

    public List<long> Votes { get; set; } = [];

    public bool KeepInconsistent { get; set; }
}

/// <summary>The incident form: what happened, where and when, a detained observer if any, and files.</summary>
public sealed class IncidentInput
{
    public string? Kind { get; set; }

    public DateOnly? Day { get; set; }

    public string? Description { get; set; }

    public long? StationId { get; set; }

    public string? DetainedObserver { get; set; }

    public long? DetainedPersonId { get; set; }

    public List<IFormFile> Files { get; set; } = [];
}
