using System.Data.Common;
using System.Globalization;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Events;

/// <summary>One row of the participants table: a role and a person (external id or number) or an organisation (number or name).</summary>
public sealed class ParticipantInput
{
    public string? Role { get; set; }

    public string? Person { get; set; }

    public string? Organization { get; set; }

    public bool IsBlank => FormValues.Trimmed(Person) is null && FormValues.Trimmed(Organization) is null;
}

/// <summary>The event form as typed: every field is text, read by <see cref="EventForm"/>.</summary>
public sealed class EventInput
{
    /// <summary>Empty rows offered for new participants, so the form works without script.</summary>
    public const int BlankRows = 3;

    public int Version { get; set; }

    public string? Type { get; set; }

    public string? Date { get; set; }

    public string? Place { get; set; }

    public string? Description { get; set; }

    public string? TermDays { get; set; }

    public string? Amount { get; set; }

    public string? Currency { get; set; }

    public string? Confidentiality { get; set; }

    public List<ParticipantInput> Participants { get; set; } = [];

    public void AddBlankRows()
    {
        var blank = Participants.AsEnumerable().Reverse().TakeWhile(p => p.IsBlank).Count();
        for (var i = blank; i < BlankRows; i++)
        {
            Participants.Add(new ParticipantInput { Role = WireCode.Of(ParticipantRole.Subject) });
        }
    }
}

public static class EventForm
{
    public static async Task<EventInput> FromAsync(DbConnection connection, Event e, Viewer viewer)
    {
        var persons = await RecordLinks.PersonsAsync(connection, e.Participants.Select(p => p.PersonId), viewer);
        var places = await RecordLinks.PlacesAsync(connection, [e.PlaceId], viewer);
        return new EventInput
        {
            Version = e.Version,
            Type = e.Type,
            Date = FormValues.Show(e.Date),
            Place = e.PlaceId is { } place ? places.GetValueOrDefault(place) ?? place.ToString(CultureInfo.InvariantCulture) : null,
            Description = e.Description,
            TermDays = e.TermDays?.ToString(CultureInfo.InvariantCulture),
            Amount = e.Amount is null ? null : FormValues.Number(e.Amount),
            Currency = e.Currency,
            Confidentiality = WireCode.Of(e.Confidentiality),
            Participants = e.Participants.Select(p => new ParticipantInput
            {
                Role = WireCode.Of(p.Role),
                Person = p.PersonId is { } id ? persons.TryGetValue(id, out var r) ? r.ExternalId : id.ToString(CultureInfo.InvariantCulture) : null,
                Organization = p.OrganizationId?.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
        };
    }

    /// <summary>
    /// The event the form describes, or null when a field cannot be read (its message is then beside it). Also returns
    /// where the domain's field names ("participants[0].personId") are shown in the form, blank rows skipped.
    /// </summary>
    public static async Task<(Event? Event, Dictionary<string, string> FieldMap)> ReadAsync(
        DbConnection connection, EventInput input, long id, Event? existing, ModelStateDictionary modelState, IStringLocalizer t)
    {
        var map = new Dictionary<string, string>
        {
            ["type"] = "Type",
            ["placeId"] = "Place",
            ["description"] = "Description",
            ["termDays"] = "TermDays",
            ["amount"] = "Amount",
            ["currency"] = "Currency",
            ["participants"] = "Participants",
            ["confidentiality"] = "Confidentiality",
        };
        var type = FormValues.Trimmed(input.Type);
        if (type is null)
        {
            modelState.AddModelError("Input.Type", t["events.TypeRequired"]);
        }

        if (!FormValues.TryReadDate(input.Date, existing?.Date, out var date))
        {
            modelState.AddModelError("Input.Date", t["events.DateUnreadable"]);
        }

        var placeId = await RecordLinks.FindPlaceAsync(connection, input.Place);
        if (placeId is null && FormValues.Trimmed(input.Place) is not null)
        {
            modelState.AddModelError("Input.Place", t["events.NoSuchPlace"]);
        }

        if (!FormValues.TryReadInt(input.TermDays, out var termDays))
        {
            modelState.AddModelError("Input.TermDays", t["events.NotANumber"]);
        }

        if (!FormValues.TryReadDecimal(input.Amount, out var amount))
        {
            modelState.AddModelError("Input.Amount", t["events.NotANumber"]);
        }

        if (!FormValues.TryReadCode(input.Confidentiality, existing?.Confidentiality ?? Confidentiality.Restricted, out Confidentiality confidentiality))
        {
            modelState.AddModelError("Input.Confidentiality", t["events.NotAChoice"]);
        }

        var participants = new List<Participant>();
        for (var row = 0; row < input.Participants.Count; row++)
        {
            var p = input.Participants[row];
            if (p.IsBlank)
            {
                continue;
            }

            var at = $"Input.Participants[{row}]";
            if (!FormValues.TryReadCode(p.Role, ParticipantRole.Subject, out ParticipantRole role))
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

            var index = participants.Count;
            map[$"participants[{index}]"] = $"Participants[{row}].Person";
            map[$"participants[{index}].personId"] = $"Participants[{row}].Person";
            map[$"participants[{index}].organizationId"] = $"Participants[{row}].Organization";
            participants.Add(new Participant(role, personId, organizationId));
        }

        if (!modelState.IsValid)
        {
            return (null, map);
        }

        return (new Event
        {
            Id = id,
            Version = input.Version,
            Type = type!,
            Date = date,
            PlaceId = placeId,
            Participants = participants,
            Description = FormValues.Trimmed(input.Description),
            TermDays = termDays,
            Amount = amount,
            Currency = FormValues.Trimmed(input.Currency)?.ToUpperInvariant(),
            Confidentiality = confidentiality,
        }, map);
    }
}

/// <summary>What the new-event and edit-event pages share: the form, its options, and saving it as a revision.</summary>
public abstract class EventFormPage(Database db, RecordStore store, IStringLocalizer<TextLocalizer> t) : PageModel
{
    [BindProperty]
    public EventInput Input { get; set; } = new();

    public IReadOnlyDictionary<string, EventType> Vocabulary { get; private set; } = new Dictionary<string, EventType>();

    public EditConflict? Conflict { get; private set; }

    /// <summary>Where Cancel goes.</summary>
    public abstract string BackUrl { get; }

    protected Database Db => db;

    protected RecordStore Store => store;

    protected async Task<IActionResult> FormAsync(CancellationToken ct)
    {
        Vocabulary = await EventTypes.LoadAsync(db, ct);
        Input.AddBlankRows();
        return Page();
    }

    protected async Task<IActionResult> SaveAsync(long id, Event? existing, CancellationToken ct)
    {
        Event? record;
        Dictionary<string, string> map;
        await using (var connection = await db.OpenAsync(ct))
        {
            (record, map) = await EventForm.ReadAsync(connection, Input, id, existing, ModelState, t);
        }

        if (record is not null)
        {
            try
            {
                var (saved, conflict) = await store.SaveFormAsync(record, HttpContext, ModelState, map, ct);
                if (saved is not null)
                {
                    return Redirect($"/events/{saved.Id}?saved=1");
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

        return await FormAsync(ct);
    }
}
