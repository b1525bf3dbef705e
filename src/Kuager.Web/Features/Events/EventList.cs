using Dapper;
using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Web.Features.Events;

/// <summary>What the events list can be narrowed to. Dates are inclusive: an event is in the range when its date starts in it.</summary>
public sealed record EventFilter(string? Type, DateOnly? From, DateOnly? To, string? Place, long? Person);

public sealed record EventRow(long Id, string Type, string? DateValue, string? DateText, long? PlaceId, string? PlacePath);

public sealed record EventPerson(ParticipantRole Role, long? PersonId, string? PersonName, long? OrganizationId, string? OrganizationName);

public sealed record EventPage(IReadOnlyList<EventRow> Items, IReadOnlyDictionary<long, IReadOnlyList<EventPerson>> Participants, long Total);

/// <summary>The events list: filters on projection columns, newest first by the date's sort key, one page at a time.</summary>
public static class EventList
{
    public static async Task<EventPage> ListAsync(RecordStore store, Viewer viewer, EventFilter filter, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        var db = store.Database;
        await using var connection = await db.OpenAsync(ct);
        var where = new List<string> { "e.deleted_at IS NULL", Visibility.Sql(viewer, "e") };
        if (filter.Type is not null)
        {
            where.Add("e.type = @type");
        }

        if (filter.From is not null)
        {
            where.Add("e.date_sort >= @fromKey");
        }

        if (filter.To is not null)
        {
            where.Add("e.date_sort < @toKey");
        }

        if (filter.Place is not null)
        {
            // Any place whose path contains the words: "Xinjiang" finds events in every county below it.
            where.Add($"e.place_id IN (SELECT id FROM places WHERE LOWER(path) LIKE LOWER(@place) AND {Visibility.Sql(viewer)})");
        }

        if (filter.Person is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM event_participants ep JOIN persons fp ON fp.id = ep.person_id " +
                $"WHERE ep.event_id = e.id AND ep.person_id = @person AND {Visibility.Sql(viewer, "fp")})");
        }

        var args = new
        {
            type = filter.Type,
            fromKey = filter.From is { } from ? from.DayNumber * 100000L : 0,
            toKey = filter.To is { } to ? (to.DayNumber + 1) * 100000L : 0,
            place = filter.Place is null ? null : "%" + filter.Place + "%",
            person = filter.Person,
            take = pageSize,
            skip = (page - 1) * pageSize,
        };
        var sqlWhere = string.Join(" AND ", where);
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM events e WHERE {sqlWhere}", args);
        var rows = (await connection.QueryAsync<(long Id, string Type, string? DateValue, long? PlaceId, string? Path)>(
            $"SELECT e.id, e.type, e.date_value, pl.id, pl.path FROM events e LEFT JOIN places pl ON pl.id = e.place_id AND {Visibility.Sql(viewer, "pl")} " +
            $"WHERE {sqlWhere} ORDER BY e.date_sort DESC NULLS LAST, e.id DESC LIMIT @take OFFSET @skip", args)).ToList();
        if (rows.Count == 0)
        {
            return new EventPage([], new Dictionary<long, IReadOnlyList<EventPerson>>(), total);
        }

        var ids = rows.Select(r => r.Id).ToList();
        // The date's words come from the record as the viewer may see it (a confidential date is withheld).
        var records = await Shown.RecordsAsync<Event>(connection, store, ids, viewer, ct);
        var people = (await connection.QueryAsync<(long EventId, string Role, long? PersonId, string? PersonName, long? OrganizationId, string? OrganizationName, string? PersonLevel, string? OrganizationLevel)>(
            "SELECT ep.event_id, ep.role, ep.person_id, p.primary_name, ep.organization_id, o.name, p.confidentiality, o.confidentiality FROM event_participants ep " +
            $"LEFT JOIN persons p ON p.id = ep.person_id AND {Visibility.Sql(viewer, "p")} LEFT JOIN organizations o ON o.id = ep.organization_id AND {Visibility.Sql(viewer, "o")} " +
            $"WHERE ep.event_id IN {RecordLinks.In(ids)} AND (ep.person_id IS NULL OR p.id IS NOT NULL) AND (ep.organization_id IS NULL OR o.id IS NOT NULL) " +
            "ORDER BY ep.event_id, ep.position")).ToList();
        await RecordLinks.AuditAsync(store, viewer, RecordKind.Person, people.Where(p => p.PersonId is not null).Select(p => (p.PersonId!.Value, p.PersonLevel ?? "")), ct);
        await RecordLinks.AuditAsync(store, viewer, RecordKind.Organization,
            people.Where(p => p.OrganizationId is not null).Select(p => (p.OrganizationId!.Value, p.OrganizationLevel ?? "")), ct);
        var participants = people
            .GroupBy(p => p.EventId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<EventPerson>)g.Select(p => new EventPerson(WireCode.Parse<ParticipantRole>(p.Role), p.PersonId, p.PersonName, p.OrganizationId, p.OrganizationName)).ToList());
        var items = rows.Select(r =>
        {
            var record = records.GetValueOrDefault(r.Id);
            var date = record?.Date;
            var place = record?.PlaceId is null ? null : r.PlaceId;
            return new EventRow(r.Id, r.Type, date is null ? null : r.DateValue, date?.Text, place, place is null ? null : r.Path);
        }).ToList();
        return new EventPage(items, participants, total);
    }
}
