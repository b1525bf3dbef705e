using System.Data.Common;
using System.Globalization;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Events;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Cases;

public sealed class PartyInput
{
    public string? Role { get; set; }

    public string? Person { get; set; }

    public string? Organization { get; set; }

    public bool IsBlank => FormValues.Trimmed(Person) is null && FormValues.Trimmed(Organization) is null;
}

public sealed class HearingInput
{
    public string? Date { get; set; }

    public string? Description { get; set; }

    /// <summary>Kept from the saved hearing (the form does not edit it), so saving does not lose it.</summary>
    public string? PlaceId { get; set; }

    public bool IsBlank => FormValues.Trimmed(Date) is null && FormValues.Trimmed(Description) is null;
}

public sealed class DeadlineInput
{
    public string? Due { get; set; }

    public string? Kind { get; set; }

    public string? Description { get; set; }

    public bool IsBlank => FormValues.Trimmed(Due) is null && FormValues.Trimmed(Description) is null;
}

public sealed class CaseInput
{
    public const int BlankRows = 3;

    public int Version { get; set; }

    public string? Title { get; set; }

    public string? Kind { get; set; }

    public string? Number { get; set; }

    public string? Status { get; set; }

    public string? Lawyer { get; set; }

    public string? Court { get; set; }

    public string? Outcome { get; set; }

    public string? Notes { get; set; }

    public string? Confidentiality { get; set; }

    public List<PartyInput> Parties { get; set; } = [];

    public List<HearingInput> Hearings { get; set; } = [];

    public List<DeadlineInput> Deadlines { get; set; } = [];

    public void AddBlankRows()
    {
        Pad(Parties, p => p.IsBlank, () => new PartyInput { Role = WireCode.Of(CasePartyRole.Applicant) });
        Pad(Hearings, h => h.IsBlank, () => new HearingInput());
        Pad(Deadlines, d => d.IsBlank, () => new DeadlineInput { Kind = WireCode.Of(DeadlineKind.AppealDue) });
    }

    private static void Pad<T>(List<T> rows, Func<T, bool> isBlank, Func<T> blank)
    {
        for (var i = rows.AsEnumerable().Reverse().TakeWhile(isBlank).Count(); i < BlankRows; i++)
        {
            rows.Add(blank());
        }
    }
}

public static class CaseForm
{
    public static async Task<CaseInput> FromAsync(DbConnection connection, Case c, Viewer viewer)
    {
        var persons = await RecordLinks.PersonsAsync(connection, c.Parties.Select(p => p.PersonId).Append(c.LawyerPersonId), viewer);
        string? Person(long? id) => id is { } v ? persons.TryGetValue(v, out var r) ? r.ExternalId : v.ToString(CultureInfo.InvariantCulture) : null;
        return new CaseInput
        {
            Version = c.Version,
            Title = c.Title,
            Kind = WireCode.Of(c.Kind),
            Number = c.Number,
            Status = WireCode.Of(c.Status),
            Lawyer = Person(c.LawyerPersonId),
            Court = c.CourtOrganizationId?.ToString(CultureInfo.InvariantCulture),
            Outcome = c.Outcome,
            Notes = c.Notes,
            Confidentiality = WireCode.Of(c.Confidentiality),
            Parties = c.Parties.Select(p => new PartyInput
            {
                Role = WireCode.Of(p.Role),
                Person = Person(p.PersonId),
                Organization = p.OrganizationId?.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            Hearings = c.Hearings.Select(h => new HearingInput
            {
                Date = FormValues.Day(h.Date),
                Description = h.Description,
                PlaceId = h.PlaceId?.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            Deadlines = c.Deadlines.Select(d => new DeadlineInput { Due = FormValues.Day(d.Due), Kind = WireCode.Of(d.Kind), Description = d.Description }).ToList(),
        };
    }

    public static async Task<(Case? Case, Dictionary<string, string> FieldMap)> ReadAsync(
        DbConnection connection, CaseInput input, long id, Case? existing, ModelStateDictionary modelState, IStringLocalizer t)
    {
        var map = new Dictionary<string, string>
        {
            ["title"] = "Title",
            ["number"] = "Number",
            ["lawyerPersonId"] = "Lawyer",
            ["courtOrganizationId"] = "Court",
            ["outcome"] = "Outcome",
            ["notes"] = "Notes",
            ["parties"] = "Parties",
            ["hearings"] = "Hearings",
            ["deadlines"] = "Deadlines",
            ["confidentiality"] = "Confidentiality",
        };
        var title = FormValues.Trimmed(input.Title);
        if (title is null)
        {
            modelState.AddModelError("Input.Title", t["cases.TitleRequired"]);
        }

        if (!FormValues.TryReadCode(input.Kind, CaseKind.Other, out CaseKind kind))
        {
            modelState.AddModelError("Input.Kind", t["events.NotAChoice"]);
        }

        if (!FormValues.TryReadCode(input.Status, CaseStatus.Open, out CaseStatus status))
        {
            modelState.AddModelError("Input.Status", t["events.NotAChoice"]);
        }

        if (!FormValues.TryReadCode(input.Confidentiality, existing?.Confidentiality ?? Confidentiality.Restricted, out Confidentiality confidentiality))
        {
            modelState.AddModelError("Input.Confidentiality", t["events.NotAChoice"]);
        }

        var lawyer = await RecordLinks.FindPersonAsync(connection, input.Lawyer);
        if (lawyer is null && FormValues.Trimmed(input.Lawyer) is not null)
        {
            modelState.AddModelError("Input.Lawyer", t["events.NoSuchPerson"]);
        }

        var court = await RecordLinks.FindOrganizationAsync(connection, input.Court);
        if (court is null && FormValues.Trimmed(input.Court) is not null)
        {
            modelState.AddModelError("Input.Court", t["events.NoSuchOrganization"]);
        }

        var parties = new List<CaseParty>();
        for (var row = 0; row < input.Parties.Count; row++)
        {
            var p = input.Parties[row];
            if (p.IsBlank)
            {
                continue;
            }

            var at = $"Input.Parties[{row}]";
            if (!FormValues.TryReadCode(p.Role, CasePartyRole.Other, out CasePartyRole role))
            {
                modelState.AddModelError(at + ".Role", t["events.NotAChoice"]);
            }

            var personId = await RecordLinks.FindPersonAsync(connection, p.Person);
            if (personId is null && FormValues.Trimmed(p.Person) is not null)
            {
                modelState.AddModelError(at + ".Person", t["events.NoSuchPerson"]);
            }

            var organizationId = await RecordLinks.FindOrganizationAsync(connection, p.Organization);
            if (organizationId is null && FormValues.Trimmed(p.Organization) is not null)
            {
                modelState.AddModelError(at + ".Organization", t["events.NoSuchOrganization"]);
            }

            var index = parties.Count;
            map[$"parties[{index}]"] = $"Parties[{row}].Person";
            map[$"parties[{index}].personId"] = $"Parties[{row}].Person";
            map[$"parties[{index}].organizationId"] = $"Parties[{row}].Organization";
            parties.Add(new CaseParty(role, personId, organizationId));
        }

        var hearings = new List<Hearing>();
        for (var row = 0; row < input.Hearings.Count; row++)
        {
            var h = input.Hearings[row];
            if (h.IsBlank)
            {
                continue;
            }

            if (!FormValues.TryReadDay(h.Date, out var day) || day is null)
            {
                modelState.AddModelError($"Input.Hearings[{row}].Date", t["cases.DayUnreadable"]);
                continue;
            }

            long? place = long.TryParse(h.PlaceId, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
            hearings.Add(new Hearing(day.Value, FormValues.Trimmed(h.Description), place));
        }

        var deadlines = new List<Deadline>();
        for (var row = 0; row < input.Deadlines.Count; row++)
        {
            var d = input.Deadlines[row];
            if (d.IsBlank)
            {
                continue;
            }

            if (!FormValues.TryReadDay(d.Due, out var day) || day is null)
            {
                modelState.AddModelError($"Input.Deadlines[{row}].Due", t["cases.DayUnreadable"]);
            }

            if (!FormValues.TryReadCode(d.Kind, DeadlineKind.Other, out DeadlineKind deadlineKind))
            {
                modelState.AddModelError($"Input.Deadlines[{row}].Kind", t["events.NotAChoice"]);
            }

            if (day is not null)
            {
                deadlines.Add(new Deadline(day.Value, deadlineKind, FormValues.Trimmed(d.Description)));
            }
        }

        if (!modelState.IsValid)
        {
            return (null, map);
        }

        return (new Case
        {
            Id = id,
            Version = input.Version,
            Title = title!,
            Kind = kind,
            Number = FormValues.Trimmed(input.Number),
            Status = status,
            Parties = parties,
            LawyerPersonId = lawyer,
            CourtOrganizationId = court,
            Hearings = hearings.OrderBy(h => h.Date).ToList(),
            Deadlines = deadlines.OrderBy(d => d.Due).ToList(),
            Outcome = FormValues.Trimmed(input.Outcome),
            Notes = FormValues.Trimmed(input.Notes),
            Confidentiality = confidentiality,
        }, map);
    }
}

/// <summary>What the new-case and edit-case pages share: the form and saving it as a revision.</summary>
public abstract class CaseFormPage(Database db, RecordStore store, IStringLocalizer<TextLocalizer> t) : PageModel
{
    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public EditConflict? Conflict { get; private set; }

    public abstract string BackUrl { get; }

    protected Database Db => db;

    protected RecordStore Store => store;

    protected IActionResult Form()
    {
        Input.AddBlankRows();
        return Page();
    }

    protected async Task<IActionResult> SaveAsync(long id, Case? existing, CancellationToken ct)
    {
        Case? record;
        Dictionary<string, string> map;
        await using (var connection = await db.OpenAsync(ct))
        {
            (record, map) = await CaseForm.ReadAsync(connection, Input, id, existing, ModelState, t);
        }

        if (record is not null)
        {
            try
            {
                var (saved, conflict) = await store.SaveFormAsync(record, HttpContext, ModelState, map, ct);
                if (saved is not null)
                {
                    return Redirect($"/cases/{saved.Id}?saved=1");
                }

                if (conflict is not null)
                {
                    Conflict = conflict;
                    Input.Version = conflict.CurrentVersion;
                }
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        return Form();
    }
}
