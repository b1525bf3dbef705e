using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Web.Features.Persons;

public sealed record PlaceLink(long Id, string Name);

public sealed record PersonEventItem(Event Event, string TypeLabel, ParticipantRole Role, string? PlacePath);

public sealed record PersonCaseItem(long Id, string Title, CaseKind Kind, CaseStatus Status, DateOnly? NextDue);

public sealed record PersonTestimonyItem(Testimony Testimony, bool IsSubject);

public sealed record RelativeItem(long RelationshipId, long PersonId, string Name, string ExternalId, string Role);

/// <summary>A citation behind a fact about the person: on the person itself, or on one of their events.</summary>
public sealed record SourceItem(Citation Citation, string SourceTitle, string? EventLabel);

/// <summary>Everything the person page shows, read in a handful of queries (one per section, none per row).</summary>
public sealed record PersonDossier(
    Person Person,
    string Status,
    IReadOnlyList<PlaceLink> Hometown,
    IReadOnlyList<PersonEventItem> Events,
    IReadOnlyList<StatusChange> StatusHistory,
    IReadOnlyDictionary<string, EventType> Vocabulary,
    IReadOnlyList<PersonCaseItem> Cases,
    IReadOnlyList<PersonTestimonyItem> Testimonies,
    IReadOnlyList<RelativeItem> Relatives,
    IReadOnlyList<SourceItem> Sources,
    IReadOnlyList<Revision> History)
{
    public static async Task<PersonDossier?> LoadAsync(RecordStore store, long id, Viewer viewer, CancellationToken ct)
    {
        await using var c = await store.Database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<(long Id, int Version, string Data, string Status)>(
            "SELECT id, version, data, status FROM persons WHERE id = @id AND deleted_at IS NULL", new { id });
        if (row.Data is null)
        {
            return null;
        }

        var person = Read<Person>(row.Id, row.Version, row.Data);
        var vocabulary = await EventTypes.LoadAsync(c);
        var hometown = person.HometownId is { } h ? await PlaceChainAsync(c, h) : [];

        var eventRows = await c.QueryAsync<(long Id, int Version, string Data, string Role, string? Path)>(
            "SELECT e.id, e.version, e.data, ep.role, pl.path FROM events e JOIN event_participants ep ON ep.event_id = e.id " +
            "LEFT JOIN places pl ON pl.id = e.place_id WHERE ep.person_id = @id AND e.deleted_at IS NULL ORDER BY e.date_sort, e.id",
            new { id });
        var events = eventRows
            .Select(r => (Event: Read<Event>(r.Id, r.Version, r.Data), r.Role, r.Path))
            .Select(r => new PersonEventItem(r.Event, vocabulary.TryGetValue(r.Event.Type, out var t) ? t.Localized() : r.Event.Type,
                WireCode.Parse<ParticipantRole>(r.Role), r.Path))
            .OrderBy(e => e.Event.Date is null ? 1 : 0).ThenBy(e => e.Event.Date).ThenBy(e => e.Event.Id)
            .ToList();
        var subjectEvents = events.Where(e => e.Role == ParticipantRole.Subject).Select(e => e.Event).DistinctBy(e => e.Id);
        var statusHistory = StatusTimeline.History(subjectEvents, vocabulary);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var caseRows = await c.QueryAsync<(long Id, int Version, string Data)>(
            "SELECT id, version, data FROM cases WHERE deleted_at IS NULL AND (lawyer_person_id = @id OR id IN (SELECT case_id FROM case_parties WHERE person_id = @id)) ORDER BY id",
            new { id });
        var cases = caseRows.Select(r => Read<Case>(r.Id, r.Version, r.Data))
            .Select(k => new PersonCaseItem(k.Id, k.Title, k.Kind, k.Status, k.NextDue(today))).ToList();

        var testimonyRows = await c.QueryAsync<(long Id, int Version, string Data)>(
            "SELECT id, version, data FROM testimonies WHERE deleted_at IS NULL AND (subject_person_id = @id OR testifier_person_id = @id) ORDER BY recorded_sort, id",
            new { id });
        var testimonies = testimonyRows.Select(r => Read<Testimony>(r.Id, r.Version, r.Data))
            .Select(t => new PersonTestimonyItem(t, t.SubjectPersonId == id)).ToList();

        var relativeRows = await c.QueryAsync<(long Id, long A, long B, string Type, long OtherId, string Name, string ExternalId)>(
            "SELECT r.id, r.person_a_id, r.person_b_id, r.type, o.id, o.primary_name, o.external_id FROM relationships r " +
            "JOIN persons o ON o.id = CASE WHEN r.person_a_id = @id THEN r.person_b_id ELSE r.person_a_id END " +
            "WHERE (r.person_a_id = @id OR r.person_b_id = @id) AND r.deleted_at IS NULL AND o.deleted_at IS NULL ORDER BY o.primary_name, o.id",
            new { id });

        // The relative's role as seen from this person: "parent" when the other person is this one's parent.
        var relatives = relativeRows.Select(r =>
        {
            var rel = new Relationship { Id = r.Id, PersonAId = r.A, PersonBId = r.B, Type = WireCode.Parse<RelationshipType>(r.Type) };
            return new RelativeItem(r.Id, r.OtherId, r.Name, r.ExternalId, rel.RoleOf(r.OtherId));
        }).ToList();

        var eventIds = events.Select(e => e.Event.Id).Distinct().ToList();
        var citationRows = await c.QueryAsync<(long Id, int Version, string Data, string Title)>(
            "SELECT c.id, c.version, c.data, s.title FROM citations c JOIN sources s ON s.id = c.source_id " +
            "WHERE c.deleted_at IS NULL AND s.deleted_at IS NULL AND ((c.target_kind = 'person' AND c.target_id = @id) OR " +
            "(c.target_kind = 'event' AND c.target_id IN (SELECT ep.event_id FROM event_participants ep WHERE ep.person_id = @id))) " +
            "ORDER BY c.level DESC, c.id",
            new { id });
        var labels = events.DistinctBy(e => e.Event.Id).ToDictionary(e => e.Event.Id, e => e.TypeLabel);
        var sources = citationRows.Select(r => Read<Citation>(r.Id, r.Version, r.Data))
            .Zip(citationRows, (citation, r) => new SourceItem(citation, r.Title,
                citation.TargetKind == RecordKind.Event && labels.TryGetValue(citation.TargetId, out var label) ? label : null))
            .Where(s => s.Citation.TargetKind == RecordKind.Person || eventIds.Contains(s.Citation.TargetId))
            .ToList();

        var history = await store.HistoryAsync(RecordKind.Person, id, viewer, ct);
        return new PersonDossier(person, row.Status, hometown, events, statusHistory, vocabulary, cases, testimonies, relatives, sources, history);
    }

    /// <summary>The place and its ancestors, outermost first: China, Xinjiang, Ili.</summary>
    public static async Task<IReadOnlyList<PlaceLink>> PlaceChainAsync(DbConnection c, long placeId)
    {
        var chain = new List<PlaceLink>();
        for (long? at = placeId; at is not null && chain.Count < 20;)
        {
            var place = await c.QuerySingleOrDefaultAsync<(long Id, string Name, long? ParentId)>(
                "SELECT id, name, parent_id FROM places WHERE id = @at", new { at });
            if (place.Name is null)
            {
                break;
            }

            chain.Insert(0, new PlaceLink(place.Id, place.Name));
            at = place.ParentId;
        }

        return chain;
    }

    /// <summary>A record from its stored JSON and its identity columns.</summary>
    public static T Read<T>(long id, int version, string data) where T : IRecord
    {
        var node = JsonNode.Parse(data)!.AsObject();
        node["id"] = id;
        node["version"] = version;
        return node.Deserialize<T>(KuagerJson.Options)!;
    }
}
