using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Elections;

/// <summary>
/// An election's observers: accreditations per station and organisation (within the election's limits, a refusal
/// shown beside the form with the rule), observers refused, expelled or detained (a registry person gets the event),
/// the observation checklists for opening, voting, counting and tabulation, and the observations filled in at
/// stations. Signed-in readers see the lists; editors and admins also get the forms.
/// </summary>
public sealed class ObserversModel(ElectionStore store, RecordStore records, IStringLocalizer<TextLocalizer> texts) : PageModel
{
    public Election Election { get; private set; } = null!;

    public IReadOnlyList<ElectionUnit> Units { get; private set; } = [];

    public IReadOnlyList<ElectionUnit> Stations { get; private set; } = [];

    public IReadOnlyList<Accreditation> Accreditations { get; private set; } = [];

    public IReadOnlyList<ObserverEvent> Events { get; private set; } = [];

    public IReadOnlyList<(long Id, ObservationForm Form)> Checklists { get; private set; } = [];

    public IReadOnlyList<Observation> Observations { get; private set; } = [];

    /// <summary>The form whose submission was refused ("accredit", "event", "checklist", "observation-N"), to show its errors inside it.</summary>
    public string? Refused { get; private set; }

    [BindProperty]
    public AccreditationInput Accredit { get; set; } = new();

    [BindProperty]
    public ObserverEventInput Event { get; set; } = new();

    [BindProperty]
    public ChecklistInput Checklist { get; set; } = new();

    [BindProperty]
    public ObservationInput Observation { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (ElectionPages.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAccreditAsync(long id, CancellationToken ct) =>
        WriteAsync(id, "accredit", "Accredit", async () =>
        {
            await RequireStationAsync(id, Accredit.StationId, "stationId", ct);
            await store.AccreditAsync(Accredit.StationId ?? 0, new Accreditation(Accredit.Observer ?? "", Accredit.Organisation ?? "", "",
                string.IsNullOrWhiteSpace(Accredit.Represents) ? null : Accredit.Represents.Trim()), Editing.Actor(HttpContext), Accredit.PersonId, ct);
        }, ct);

    public Task<IActionResult> OnPostEventAsync(long id, CancellationToken ct) =>
        WriteAsync(id, "event", "Event", async () =>
        {
            if (Event.Day is null)
            {
                throw new ValidationException([new ValidationError("day", "is required")]);
            }

            await store.RecordObserverEventAsync(id, Event.StationId, Event.Observer ?? "", Event.Kind, Event.Day.Value,
                string.IsNullOrWhiteSpace(Event.Description) ? null : Event.Description, Editing.Actor(HttpContext), Event.PersonId, ct);
        }, ct);

    public Task<IActionResult> OnPostChecklistAsync(long id, CancellationToken ct) =>
        WriteAsync(id, "checklist", "Checklist", () =>
            store.AddFormAsync(id, new ObservationForm(Checklist.Name ?? "", Checklist.Stage, ChecklistInput.ParseQuestions(Checklist.Questions)), Editing.Actor(HttpContext), ct), ct);

    public Task<IActionResult> OnPostObservationAsync(long id, CancellationToken ct) =>
        WriteAsync(id, $"observation-{Observation.FormId}", "Observation", async () =>
        {
            if ((await store.FormsAsync(id, ct)).All(f => f.Id != Observation.FormId))
            {
                throw new ValidationException([ValidationError.Of("formId", "checklist {0} is not one of this election's", Observation.FormId)]);
            }

            await RequireStationAsync(id, Observation.StationId, "stationId", ct);
            var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
            var rules = new Rules().When(Observation.Assessment is null, "assessment", "is required");
            foreach (var (code, answer) in Observation.Answers)
            {
                if (answer is "yes" or "no")
                {
                    answers[code] = answer == "yes";
                }
                else if (!string.IsNullOrEmpty(answer))
                {
                    rules.Add($"answers[{code}]", "answer yes or no");
                }
            }

            if (rules.Errors.Count > 0)
            {
                throw new ValidationException(rules.Errors);
            }

            await store.RecordObservationAsync(Observation.FormId, Observation.StationId ?? 0, Observation.Observer ?? "", Observation.Assessment!.Value, answers,
                Editing.Actor(HttpContext), ct);
        }, ct);

    private async Task RequireStationAsync(long electionId, long? stationId, string field, CancellationToken ct)
    {
        var units = await store.UnitsAsync(electionId, ct);
        if (stationId is not { } sid || !units.Any(u => u.Id == sid && u.Level == TallyLevel.Station))
        {
            throw new ValidationException([stationId is null
                ? new ValidationError(field, "is required")
                : ValidationError.Of(field, "unit {0} is not a polling station of this election", stationId)]);
        }
    }

    private async Task<IActionResult> WriteAsync<T>(long id, string form, string prefix, Func<Task<T>> write, CancellationToken ct)
    {
        if (Editing.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        try
        {
            await write();
            return Redirect($"/elections/{id}/observers#" + (form == "accredit" ? "accreditations" : form.StartsWith("observation", StringComparison.Ordinal) ? "observations" : form + "s"));
        }
        catch (ValidationException e)
        {
            e.AddTo(ModelState, prefix);
            Refused = form;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private Task<IActionResult> WriteAsync(long id, string form, string prefix, Func<Task> write, CancellationToken ct) =>
        WriteAsync(id, form, prefix, async () =>
        {
            await write();
            return true;
        }, ct);

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

        Units = await store.UnitsAsync(id, ct);
        Stations = Units.Where(u => u.Level == TallyLevel.Station).ToList();
        Accreditations = await store.AccreditationsAsync(id, ct);
        Events = await ElectionPrivacy.ForAsync(await store.ObserverEventsAsync(id, ct), records, HttpContext.Viewer(), ct);
        Checklists = await store.FormsAsync(id, ct);
        Observations = await store.ObservationsAsync(id, ct);
        return true;
    }

    /// <summary>The errors of one form, when it is the one refused.</summary>
    public IReadOnlyList<string> ErrorsOf(string form) =>
        Refused != form ? [] : ModelState.Where(e => e.Value is not null).SelectMany(e => e.Value!.Errors.Select(x => $"{Label(e.Key)}: {x.ErrorMessage}")).ToList();

    private string Label(string key) => key[(key.IndexOf('.') + 1)..] switch
    {
        "StationId" => texts["elections.Station"],
        "Observer" => texts["elections.Observer"],
        "Organisation" => texts["elections.Organisation"],
        "Represents" => texts["elections.Represents"],
        "Day" => texts["elections.EventDay"],
        "Name" => texts["Name"],
        "Questions" => texts["elections.Questions"],
        "Assessment" => texts["elections.Assessment"],
        var other => other,
    };

    /// <summary>Each unit's path: "North / N-1 / 101".</summary>
    public string PathOf(long unitId) => ElectionPages.PathOf(Units, unitId);
}

/// <summary>An observer to accredit at a station, by an organisation, on behalf of a candidate or party when they represent one.</summary>
public sealed class AccreditationInput
{
    public long? StationId { get; set; }

    public string? Observer { get; set; }

    public string? Organisation { get; set; }

    public string? Represents { get; set; }

    public long? PersonId { get; set; }
}

/// <summary>A refusal of accreditation or entry, an expulsion or a detention.</summary>
public sealed class ObserverEventInput
{
    public string? Observer { get; set; }

    public ObserverEventKind Kind { get; set; } = ObserverEventKind.AccreditationRefused;

    public DateOnly? Day { get; set; }

    public long? StationId { get; set; }

    public string? Description { get; set; }

    public long? PersonId { get; set; }
}

/// <summary>A checklist: its name, the stage it observes, and its questions one a line, "code | question" (add "| yes" when yes is the problem).</summary>
public sealed class ChecklistInput
{
    public string? Name { get; set; }

    public ObservationStage Stage { get; set; } = ObservationStage.Opening;

    public string? Questions { get; set; }

    /// <summary>The questions, one a line; a line that is not "code | question [| yes]" is refused with its number.</summary>
    public static IReadOnlyList<FormQuestion> ParseQuestions(string? text)
    {
        var questions = new List<FormQuestion>();
        var rules = new Rules();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length == 0 || (parts.Length == 3 && parts[2] is not ("yes" or "no")))
            {
                rules.Add("questions", "line {0}: write code | question, and | yes when the answer yes is the problem", i + 1);
                continue;
            }

            questions.Add(new FormQuestion(parts[0], parts[1], ProblemIfNo: parts.Length == 2 || parts[2] == "no"));
        }

        return rules.Errors.Count > 0 ? throw new ValidationException(rules.Errors) : questions;
    }
}

/// <summary>One checklist filled in at a station: every question answered yes or no, and the overall assessment.</summary>
public sealed class ObservationInput
{
    public long FormId { get; set; }

    public long? StationId { get; set; }

    public string? Observer { get; set; }

    public Assessment? Assessment { get; set; }

    public Dictionary<string, string> Answers { get; set; } = [];
}
