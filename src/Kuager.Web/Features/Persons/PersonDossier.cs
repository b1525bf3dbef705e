using System.Data.Common;
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
    /// <summary>
    /// The person and every section as this viewer may see them: each query keeps to the records the viewer may see
    /// (the relative and the relationship, the event, the citation and its source...), and records come through
    /// <see cref="RecordStore.Read{T}"/> so confidential fields are withheld unless the viewer may see them. Null when
    /// the person does not exist or is above the viewer's clearance, alike. An editor's read of confidential data is audited.
    /// </summary>
    public static async Task<PersonDossier?> LoadAsync(RecordStore store, long id, Viewer viewer, CancellationToken ct)
    {
        await using var c = await store.Database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<(long Id, int Version, string Data)>(
            $"SELECT p.id, p.version, p.data FROM persons p WHERE p.id = @id AND p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")}", new { id });
        if (row.Data is null)
        {
            return null;
        }

        var person = store.Read<Person>(row.Id, row.Version, row.Data, viewer);
        var vocabulary = await EventTypes.LoadAsync(c);
        var hometown = person.HometownId is { } h ? await PlaceChainAsync(c, h, viewer) : [];

        // The place is named only when the event's place may be seen: the place itself visible, and the field not withheld.
        var eventRows = await c.QueryAsync<(long Id, int Version, string Data, string Role, string? Path)>(
            "SELECT e.id, e.version, e.data, ep.role, pl.path FROM events e JOIN event_participants ep ON ep.event_id = e.id " +
            $"LEFT JOIN places pl ON pl.id = e.place_id AND pl.deleted_at IS NULL AND {Visibility.Sql(viewer, "pl")} " +
            $"WHERE ep.person_id = @id AND e.deleted_at IS NULL AND {Visibility.Sql(viewer, "e")} ORDER BY e.date_sort, e.id",
            new { id });
        var events = eventRows
            .Select(r => (Event: store.Read<Event>(r.Id, r.Version, r.Data, viewer), r.Role, r.Path))
            .Select(r => new PersonEventItem(r.Event, vocabulary.TryGetValue(r.Event.Type, out var t) ? t.Localized() : r.Event.Type,
                WireCode.Parse<ParticipantRole>(r.Role), r.Event.PlaceId is null ? null : r.Path))
            .OrderBy(e => e.Event.Date is null ? 1 : 0).ThenBy(e => e.Event.Date).ThenBy(e => e.Event.Id)
            .ToList();
        var subjectEvents = events.Where(e => e.Role == ParticipantRole.Subject).Select(e => e.Event).DistinctBy(e => e.Id).ToList();
        var statusHistory = StatusTimeline.History(subjectEvents, vocabulary);

        // The status from the events this viewer sees: the stored one may come from an event they may not see.
        var status = subjectEvents.Count == 0 ? person.ReportedStatus : StatusTimeline.Current(person, statusHistory);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var caseRows = await c.QueryAsync<(long Id, int Version, string Data)>(
            $"SELECT k.id, k.version, k.data FROM cases k WHERE k.deleted_at IS NULL AND {Visibility.Sql(viewer, "k")} " +
            "AND (k.lawyer_person_id = @id OR k.id IN (SELECT cp.case_id FROM case_parties cp WHERE cp.person_id = @id)) ORDER BY k.id",
            new { id });
        var caseRecords = caseRows.Select(r => store.Read<Case>(r.Id, r.Version, r.Data, viewer)).ToList();
        var cases = caseRecords.Select(k => new PersonCaseItem(k.Id, k.Title, k.Kind, k.Status, k.NextDue(today))).ToList();

        var testimonyRows = await c.QueryAsync<(long Id, int Version, string Data)>(
            $"SELECT t.id, t.version, t.data FROM testimonies t WHERE t.deleted_at IS NULL AND {Visibility.Sql(viewer, "t")} " +
            "AND (t.subject_person_id = @id OR t.testifier_person_id = @id) ORDER BY t.recorded_sort, t.id",
            new { id });
        var testimonyRecords = testimonyRows.Select(r => store.Read<Testimony>(r.Id, r.Version, r.Data, viewer)).ToList();
        var testimonies = testimonyRecords.Select(t => new PersonTestimonyItem(t, t.SubjectPersonId == id)).ToList();

        // A relative is shown only when both the tie and the other person may be seen.
        var relativeRows = await c.QueryAsync<(long Id, long A, long B, string Type, long OtherId, string Name, string ExternalId, string Level)>(
            "SELECT r.id, r.person_a_id, r.person_b_id, r.type, o.id, o.primary_name, o.external_id, o.confidentiality FROM relationships r " +
            "JOIN persons o ON o.id = CASE WHEN r.person_a_id = @id THEN r.person_b_id ELSE r.person_a_id END " +
            $"WHERE (r.person_a_id = @id OR r.person_b_id = @id) AND r.deleted_at IS NULL AND o.deleted_at IS NULL " +
            $"AND {Visibility.Sql(viewer, "r")} AND {Visibility.Sql(viewer, "o")} ORDER BY o.primary_name, o.id",
            new { id });

        // The relative's role as seen from this person: "parent" when the other person is this one's parent.
        var relatives = relativeRows.Select(r =>
        {
            var rel = new Relationship { Id = r.Id, PersonAId = r.A, PersonBId = r.B, Type = WireCode.Parse<RelationshipType>(r.Type) };
            return new RelativeItem(r.Id, r.OtherId, r.Name, r.ExternalId, rel.RoleOf(r.OtherId));
        }).ToList();

        var eventIds = events.Select(e => e.Event.Id).Distinct().ToList();
        var citationRows = await c.QueryAsync<(long Id, int Version, string Data, string Title)>(
            "SELECT ci.id, ci.version, ci.data, s.title FROM citations ci JOIN sources s ON s.id = ci.source_id " +
            $"WHERE ci.deleted_at IS NULL AND s.deleted_at IS NULL AND {Visibility.Sql(viewer, "ci")} AND {Visibility.Sql(viewer, "s")} " +
            "AND ((ci.target_kind = 'person' AND ci.target_id = @id) OR " +
            "(ci.target_kind = 'event' AND ci.target_id IN (SELECT ep.event_id FROM event_participants ep WHERE ep.person_id = @id))) " +
            "ORDER BY ci.level DESC, ci.id",
            new { id });
        var labels = events.DistinctBy(e => e.Event.Id).ToDictionary(e => e.Event.Id, e => e.TypeLabel);

        // Citations of events the viewer may not see are dropped with their event.
        var citationRecords = citationRows.Select(r => store.Read<Citation>(r.Id, r.Version, r.Data, viewer)).ToList();
        var sources = citationRecords
            .Zip(citationRows, (citation, r) => new SourceItem(citation, r.Title,
                citation.TargetKind == RecordKind.Event && labels.TryGetValue(citation.TargetId, out var label) ? label : null))
            .Where(s => s.Citation.TargetKind == RecordKind.Person || eventIds.Contains(s.Citation.TargetId))
            .ToList();

        if (viewer.SeesConfidentialFields)
        {
            await store.AuditReadAsync(viewer, [person], ct);
            await store.AuditReadAsync(viewer, events.Select(e => e.Event).DistinctBy(e => e.Id).ToList(), ct);
            await store.AuditReadAsync(viewer, caseRecords, ct);
            await store.AuditReadAsync(viewer, testimonyRecords, ct);
            await store.AuditReadAsync(viewer, sources.Select(s => s.Citation).ToList(), ct);
            await store.AuditReadAsync(viewer, RecordKind.Person,
                relativeRows.Where(r => r.Level == WireCode.Of(Confidentiality.Confidential)).Select(r => r.OtherId).Distinct().ToList(), ct);
        }

        var history = await store.HistoryAsync(RecordKind.Person, id, viewer, ct);
        return new PersonDossier(person, WireCode.Of(status), hometown, events, statusHistory, vocabulary, cases, testimonies, relatives, sources, history);
    }

    /// <summary>The place and its ancestors this viewer may see, outermost first: China, Xinjiang, Ili.</summary>
    public static async Task<IReadOnlyList<PlaceLink>> PlaceChainAsync(DbConnection c, long placeId, Viewer viewer)
    {
        var chain = new List<PlaceLink>();
        for (long? at = placeId; at is not null && chain.Count < 20;)
        {
            var place = await c.QuerySingleOrDefaultAsync<(long Id, string Name, long? ParentId)>(
                $"SELECT pl.id, pl.name, pl.parent_id FROM places pl WHERE pl.id = @at AND {Visibility.Sql(viewer, "pl")}", new { at });
            if (place.Name is null)
            {
                break;
            }

            chain.Insert(0, new PlaceLink(place.Id, place.Name));
            at = place.ParentId;
        }

        return chain;
    }
}
