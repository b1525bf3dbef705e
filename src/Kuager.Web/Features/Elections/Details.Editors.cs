using System.Globalization;
using System.Text.RegularExpressions;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Kuager.Web.Features.Elections;

/// <summary>
/// The election page's editors: the election itself (name, kind, day, seats, threshold, observer limits), its stages,
/// its eligibility rules and its list quotas, each saved through <see cref="Kuager.Storage.ElectionStore.UpdateElectionAsync"/>
/// as the API's update-election is; and candidates' places on their lists. A refused edit comes back beside its form
/// with each error naming the row and field; an edit based on an older version is refused and the current one shown.
/// </summary>
public sealed partial class DetailsModel
{
    /// <summary>The version the editors' forms were read at.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public GeneralInput General { get; set; } = new();

    [BindProperty]
    public List<StageRow> StageRows { get; set; } = [];

    [BindProperty]
    public EligibilityInput Rules { get; set; } = new();

    [BindProperty]
    public List<QuotaRow> QuotaRows { get; set; } = [];

    [BindProperty]
    public long CandidateId { get; set; }

    [BindProperty]
    public int ToPosition { get; set; }

    /// <summary>The editor that was refused ("general", "stages", "eligibility", "quotas", "list") and why, each line naming row and field.</summary>
    public (string Editor, IReadOnlyList<string> Errors)? EditorRefusal { get; private set; }

    /// <summary>The refusal of one editor, for the alert beside its form; empty for the others.</summary>
    public IReadOnlyList<string> RefusalFor(string editor) => EditorRefusal is { } r && r.Editor == editor ? r.Errors : [];

    public Task<IActionResult> OnPostGeneralAsync(long id, CancellationToken ct) =>
        EditAsync(id, "general", "", e => e with
        {
            Name = General.Name ?? "", Kind = General.Kind, ElectionDay = General.ElectionDay ?? default, Seats = General.Seats, ThresholdPercent = General.ThresholdPercent,
            ThresholdOf = General.ThresholdOf, ObserverLimits = new ObserverLimits(General.PerRepresentedPerStation, General.PerOrganisationPerStation),
            BallotOf = General.BallotOf,
        }, ct);

    /// <summary>Saves the stage rows: a ticked row is removed, a blank one ignored; stored in date order.</summary>
    public Task<IActionResult> OnPostStagesAsync(long id, CancellationToken ct)
    {
        var kept = StageRows.Select((r, i) => (Row: r, Index: i)).Where(x => !x.Row.Remove && !x.Row.IsBlank).ToList();
        return EditAsync(id, "stages", "stages", e => e with
        {
            Stages = kept.Select(x => new ElectionStage(x.Row.Name ?? "", x.Row.Start ?? default, x.Row.End ?? default)).ToList(),
        }, ct, kept.Select(x => x.Index).ToList());
    }

    public Task<IActionResult> OnPostEligibilityAsync(long id, CancellationToken ct) =>
        EditAsync(id, "eligibility", "eligibility", e => e with
        {
            Eligibility = new EligibilityRules(Rules.RequireCitizen, Rules.MinimumAge, Rules.ResidenceYears, Rules.RequireNoConviction),
        }, ct);

    /// <summary>Saves the quota rows: each counts the groups ticked (and people under an age when one is given) together.</summary>
    public Task<IActionResult> OnPostQuotasAsync(long id, CancellationToken ct)
    {
        var kept = QuotaRows.Select((r, i) => (Row: r, Index: i)).Where(x => !x.Row.Remove && !x.Row.IsBlank).ToList();
        return EditAsync(id, "quotas", "quotas", e => e with { Quotas = kept.Select(x => x.Row.ToQuota()).ToList() }, ct, kept.Select(x => x.Index).ToList());
    }

    public Task<IActionResult> OnPostMoveCandidateAsync(long id, CancellationToken ct) =>
        ListEditAsync(id, () => store.MoveCandidateAsync(id, CandidateId, ToPosition, Editing.Actor(HttpContext), ct), ct);

    public Task<IActionResult> OnPostRemoveCandidateAsync(long id, CancellationToken ct) =>
        ListEditAsync(id, () => store.RemoveCandidateAsync(id, CandidateId, Editing.Actor(HttpContext), ct), ct);

    private async Task<IActionResult> ListEditAsync<T>(long id, Func<Task<T>> edit, CancellationToken ct)
    {
        if (Editing.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        try
        {
            await edit();
            return Redirect($"/elections/{id}#candidates");
        }
        catch (ValidationException e)
        {
            EditorRefusal = ("list", e.Errors.Select(err => TextLocalizer.Shared.Localize(err)).ToList());
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (NotFoundException e)
        {
            EditorRefusal = ("list", [e.Message]);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>
    /// Applies one editor's change to the election as read at <see cref="Version"/>. <paramref name="rows"/> maps the
    /// rows sent to the store back to the form's rows, so an error names the row the editor sees.
    /// </summary>
    private async Task<IActionResult> EditAsync(long id, string editor, string anchor, Func<Election, Election> change, CancellationToken ct, IReadOnlyList<int>? rows = null)
    {
        if (Editing.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        try
        {
            var current = await store.GetElectionAsync(id, ct);
            await store.UpdateElectionAsync(change(current) with { Version = Version }, Editing.Actor(HttpContext), ct);
            return Redirect($"/elections/{id}" + (anchor.Length > 0 ? $"#{anchor}" : ""));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            EditorRefusal = (editor, e.Errors.Select(err => $"{FieldLabel(err.Field, rows)}: {TextLocalizer.Shared.Localize(err)}").ToList());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            // The refused editor keeps what was sent, to be corrected; the other editors show the stored election.
            var (general, stages, rules, quotas) = (General, StageRows, Rules, QuotaRows);
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            switch (editor)
            {
                case "general": General = general; break;
                case "stages": StageRows = stages; break;
                case "eligibility": Rules = rules; break;
                default: QuotaRows = quotas; break;
            }

            return Page();
        }
        catch (StaleElectionEditException e)
        {
            // Someone else saved first: the forms show their version, and the editor applies the change again.
            EditorRefusal = (editor, [texts["elections.StaleEdit", e.CurrentVersion, e.ExpectedVersion].Value]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    /// <summary>"Stage row 3 (stages[2].end)": the row as the form numbers it, and the field as the API names it.</summary>
    private string FieldLabel(string field, IReadOnlyList<int>? rows)
    {
        if (RowField().Match(field) is { Success: true } m)
        {
            var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var row = rows is not null && index < rows.Count ? rows[index] + 1 : index + 1;
            return texts[m.Groups[1].Value == "stages" ? "elections.StageRow" : "elections.QuotaRow", row, field].Value;
        }

        return texts["elections.field." + field] is { ResourceNotFound: false } label ? $"{label.Value} ({field})" : field;
    }

    [GeneratedRegex(@"^(stages|quotas)\[(\d+)\]")]
    private static partial Regex RowField();

    /// <summary>The editors' forms from the stored election, with one blank row to add a stage or a quota.</summary>
    private void FillEditors()
    {
        var e = Election;
        Version = e.Version;
        General = new GeneralInput
        {
            Name = e.Name, Kind = e.Kind, ElectionDay = e.ElectionDay, Seats = e.Seats, ThresholdPercent = e.ThresholdPercent, ThresholdOf = e.ThresholdOf,
            PerRepresentedPerStation = e.ObserverLimits.PerRepresentedPerStation, PerOrganisationPerStation = e.ObserverLimits.PerOrganisationPerStation,
            BallotOf = e.BallotOf,
        };
        StageRows = [.. e.Stages.Select(s => new StageRow { Name = s.Name, Start = s.Start, End = s.End }), new StageRow()];
        Rules = new EligibilityInput
        {
            RequireCitizen = e.Eligibility.RequireCitizen, MinimumAge = e.Eligibility.MinimumAge, ResidenceYears = e.Eligibility.ResidenceYears,
            RequireNoConviction = e.Eligibility.RequireNoConviction,
        };
        QuotaRows = [.. e.Quotas.Select(QuotaRow.Of), new QuotaRow()];
    }
}

/// <summary>The election's own fields.</summary>
public sealed class GeneralInput
{
    public string? Name { get; set; }

    public ElectionKind Kind { get; set; }

    public DateOnly? ElectionDay { get; set; }

    public int? Seats { get; set; }

    public decimal ThresholdPercent { get; set; }

    public ThresholdDenominator ThresholdOf { get; set; }

    public int? PerRepresentedPerStation { get; set; }

    public int? PerOrganisationPerStation { get; set; }

    /// <summary>What the ballot lists; empty for what the kind usually lists.</summary>
    public BallotChoice? BallotOf { get; set; }
}

/// <summary>One stage in the stages editor; a ticked row is removed.</summary>
public sealed class StageRow
{
    public string? Name { get; set; }

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }

    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && Start is null && End is null;
}

/// <summary>The eligibility editor: each rule the Core checks, off when left empty.</summary>
public sealed class EligibilityInput
{
    public bool RequireCitizen { get; set; }

    public int? MinimumAge { get; set; }

    public int? ResidenceYears { get; set; }

    public bool RequireNoConviction { get; set; }
}

/// <summary>One quota in the quotas editor: the groups counted together and the minimum share of each list.</summary>
public sealed class QuotaRow
{
    public string? Name { get; set; }

    public bool Women { get; set; }

    /// <summary>People not yet this age on election day ("under 29").</summary>
    public int? UnderAge { get; set; }

    public bool Disability { get; set; }

    public decimal? MinimumPercent { get; set; }

    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && !Women && UnderAge is null && !Disability && MinimumPercent is null;

    public ListQuota ToQuota()
    {
        var groups = new List<QuotaGroup>();
        if (Women)
        {
            groups.Add(new QuotaGroup.Women());
        }

        if (UnderAge is { } age)
        {
            groups.Add(new QuotaGroup.UnderAge(age));
        }

        if (Disability)
        {
            groups.Add(new QuotaGroup.WithDisability());
        }

        return new ListQuota(Name ?? "", groups, MinimumPercent ?? 0);
    }

    /// <summary>
    /// The row of a stored quota. A member counts when in any group, so "under 29 or under 35" is "under 35": the row
    /// keeps the oldest age and saving it back counts the same people.
    /// </summary>
    public static QuotaRow Of(ListQuota q) => new()
    {
        Name = q.Name, Women = q.Groups.OfType<QuotaGroup.Women>().Any(), UnderAge = q.Groups.OfType<QuotaGroup.UnderAge>().Select(g => (int?)g.Age).Max(),
        Disability = q.Groups.OfType<QuotaGroup.WithDisability>().Any(), MinimumPercent = q.MinimumPercent,
    };
}
