using Dapper;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage;

internal static class Columns
{
    public static IReadOnlyDictionary<string, object?> Of(params (string Name, object? Value)[] columns) =>
        columns.ToDictionary(c => c.Name, c => c.Value);

    public static Task<IReadOnlyDictionary<string, object?>> Ready(params (string Name, object? Value)[] columns) =>
        Task.FromResult(Of(columns));
}

internal sealed class PersonTable : RecordTable<Person>
{
    public override RecordKind Kind => RecordKind.Person;

    public override Person Prepare(Person record) => record.Normalized();

    public override async Task<IReadOnlyDictionary<string, object?>> ColumnsAsync(Session session, Person p)
    {
        var status = p.Id == 0 ? p.ReportedStatus : await PersonStatuses.ComputeAsync(session, p);
        return Projection(p, status);
    }

    public static IReadOnlyDictionary<string, object?> Projection(Person p, PersonStatus status) => Columns.Of(
        ("external_id", p.ExternalId),
        ("primary_name", p.PrimaryName.Text),
        ("gender", WireCode.Of(p.Gender)),
        ("birth_year", p.BirthYear),
        ("ethnicity", p.Ethnicity),
        ("hometown_id", p.HometownId),
        ("reported_status", WireCode.Of(p.ReportedStatus)),
        ("status", WireCode.Of(status)));

    public override IEnumerable<Reference> References(Person p) =>
        p.HometownId is { } h ? [new Reference("hometownId", RecordKind.Place, h)] : [];

    public override async Task ValidateAsync(Session session, Person p, Rules rules)
    {
        var other = await session.Connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM persons WHERE external_id = @ExternalId AND id <> @Id", new { p.ExternalId, p.Id }, session.Transaction);
        rules.When(other is not null, "externalId", "\"{0}\" is already the external id of person {1}", p.ExternalId, other);
    }

    public override async Task WriteChildrenAsync(Session session, Person p)
    {
        await ReplaceRowsAsync(session, "person_names", "person_id", p.Id,
            "INSERT INTO person_names (person_id, position, text, script, kind) VALUES (@PersonId, @Position, @Text, @Script, @Kind)",
            p.Names.Select((n, i) => new { PersonId = p.Id, Position = i, n.Text, Script = n.Script.Code(), Kind = WireCode.Of(n.Kind) }));
        await ReplaceRowsAsync(session, "person_citizenships", "person_id", p.Id,
            "INSERT INTO person_citizenships (person_id, country) VALUES (@PersonId, @Country)",
            p.Citizenships.Select(c => new { PersonId = p.Id, Country = c }));
        await Search.NameParts.WriteAsync(session, p.Id, p.Names);
    }

    /// <summary>Deleted and restored people leave and rejoin the name index (saves already told it, via their names).</summary>
    public override async Task AfterChangeAsync(Session session, Person? before, Person? after)
    {
        if (before is null || after is null)
        {
            await Search.NameParts.ChangedAsync(session, (before ?? after)!.Id);
        }
    }
}

/// <summary>The current status column of persons, kept equal to what their events imply.</summary>
internal static class PersonStatuses
{
    public static async Task<PersonStatus> ComputeAsync(Session session, Person person)
    {
        var data = await session.Connection.QueryAsync<(long Id, int Version, string Data)>(
            "SELECT e.id, e.version, e.data FROM events e JOIN event_participants p ON p.event_id = e.id " +
            "WHERE p.person_id = @id AND p.role = 'subject' AND e.deleted_at IS NULL",
            new { id = person.Id }, session.Transaction);
        // The stored status is shown wherever the person is (lists, search, charts), so it may rest only on what every
        // reader of the person may see: events no more confidential than the person, without their confidential fields.
        var events = data.Select(r => Reader.Materialize<Event>(session.Database.Keys, r.Id, r.Version, r.Data))
            .Where(e => e.Confidentiality <= person.Confidentiality)
            .Select(Redaction.WithoutConfidentialFields)
            .ToList();
        if (events.Count == 0)
        {
            return person.ReportedStatus;
        }

        var vocabulary = await EventTypes.LoadAsync(session.Connection, session.Transaction);
        return StatusTimeline.Current(person, StatusTimeline.History(events, vocabulary));
    }

    public static async Task RefreshAsync(Session session, IEnumerable<long> personIds)
    {
        foreach (var id in personIds.Distinct())
        {
            var person = await session.GetAsync<Person>(id);
            if (person is not null)
            {
                var status = await ComputeAsync(session, person);
                await session.Connection.ExecuteAsync("UPDATE persons SET status = @status WHERE id = @id",
                    new { status = WireCode.Of(status), id }, session.Transaction);
            }
        }
    }
}

internal sealed class PlaceTable : RecordTable<Place>
{
    public override RecordKind Kind => RecordKind.Place;

    public override Place Prepare(Place record) => record with
    {
        Names = record.Names.Select(n => n with { Text = n.Text.Trim() }).ToList(),
    };

    public override async Task<IReadOnlyDictionary<string, object?>> ColumnsAsync(Session session, Place p) => Columns.Of(
        ("parent_id", p.ParentId),
        ("kind", WireCode.Of(p.Kind)),
        ("name", p.Name),
        ("path", await PathAsync(session, p)));

    public override IEnumerable<Reference> References(Place p) =>
        p.ParentId is { } parent ? [new Reference("parentId", RecordKind.Place, parent)] : [];

    public override async Task ValidateAsync(Session session, Place p, Rules rules)
    {
        // Walking up from the new parent must never reach the place itself.
        var seen = new HashSet<long>();
        for (var at = p.ParentId; at is not null && p.Id != 0; at = await ParentOfAsync(session, at.Value))
        {
            if (at == p.Id || !seen.Add(at.Value))
            {
                rules.Add("parentId", "a place cannot be inside itself");
                return;
            }
        }

        var path = await PathAsync(session, p);
        var other = await session.Connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM places WHERE path = @path AND id <> @Id AND deleted_at IS NULL", new { path, p.Id }, session.Transaction);
        rules.When(other is not null, "names", "\"{0}\" already exists (place {1})", path, other);

        // A place is shown with the places it is in (paths, breadcrumbs, lists), so it may be no more visible than
        // they are: a public town inside a confidential place would name that place to every visitor.
        if (p.ParentId is { } parentId && await session.Connection.QuerySingleOrDefaultAsync<(string Name, string Level)>(
                "SELECT name, confidentiality FROM places WHERE id = @parentId", new { parentId }, session.Transaction) is { Name: not null } parent
            && WireCode.Parse<Confidentiality>(parent.Level) > p.Confidentiality)
        {
            rules.Add("confidentiality", "a place cannot be less confidential than the place it is in (\"{0}\" is {1})", parent.Name, parent.Level);
        }

        if (p.Id != 0)
        {
            var inside = await session.Connection.QueryAsync<(string Name, string Level)>(
                "SELECT name, confidentiality FROM places WHERE parent_id = @Id AND deleted_at IS NULL ORDER BY name", new { p.Id }, session.Transaction);
            foreach (var child in inside.Where(c => WireCode.Parse<Confidentiality>(c.Level) < p.Confidentiality).Take(1))
            {
                rules.Add("confidentiality", "\"{0}\" inside this place is {1}: make the places inside it at least as confidential first", child.Name, child.Level);
            }
        }
    }

    public override async Task AfterChangeAsync(Session session, Place? before, Place? after)
    {
        if (before is not null && after is not null && (before.Name != after.Name || before.ParentId != after.ParentId))
        {
            await RepathChildrenAsync(session, after.Id);
        }
    }

    private static async Task RepathChildrenAsync(Session session, long id)
    {
        var path = await session.Connection.ExecuteScalarAsync<string>("SELECT path FROM places WHERE id = @id", new { id }, session.Transaction);
        var children = await session.Connection.QueryAsync<(long Id, string Name)>(
            "SELECT id, name FROM places WHERE parent_id = @id", new { id }, session.Transaction);
        foreach (var child in children)
        {
            await session.Connection.ExecuteAsync("UPDATE places SET path = @path WHERE id = @Id",
                new { path = path + Place.PathSeparator + child.Name, child.Id }, session.Transaction);
            await RepathChildrenAsync(session, child.Id);
        }
    }

    private static Task<long?> ParentOfAsync(Session session, long id) =>
        session.Connection.ExecuteScalarAsync<long?>("SELECT parent_id FROM places WHERE id = @id", new { id }, session.Transaction);

    private static async Task<string> PathAsync(Session session, Place p)
    {
        if (p.ParentId is null)
        {
            return p.Name;
        }

        var parent = await session.Connection.ExecuteScalarAsync<string?>(
            "SELECT path FROM places WHERE id = @ParentId", new { p.ParentId }, session.Transaction);
        return parent + Place.PathSeparator + p.Name;
    }
}

internal sealed class OrganizationTable : RecordTable<Organization>
{
    public override RecordKind Kind => RecordKind.Organization;

    public override Task<IReadOnlyDictionary<string, object?>> ColumnsAsync(Session session, Organization o) => Columns.Ready(
        ("name", o.Name.Trim()), ("kind", WireCode.Of(o.Kind)), ("place_id", o.PlaceId));

    public override IEnumerable<Reference> References(Organization o) =>
        o.PlaceId is { } p ? [new Reference("placeId", RecordKind.Place, p)] : [];
}

internal sealed class RelationshipTable : RecordTable<Relationship>
{
    public override RecordKind Kind => RecordKind.Relationship;

    public override Relationship Prepare(Relationship record) => record.Normalized();

    public override Task<IReadOnlyDictionary<string, object?>> ColumnsAsync(Session session, Relationship r) => Columns.Ready(
        ("person_a_id", r.PersonAId), ("person_b_id", r.PersonBId), ("type", WireCode.Of(r.Type)));

    public override IEnumerable<Reference> References(Relationship r) =>
        [new Reference("personAId", RecordKind.Person, r.PersonAId), new Reference("personBId", RecordKind.Person, r.PersonBId)];

    public override async Task ValidateAsync(Session session, Relationship r, Rules rules)
    {
        var other = await session.Connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM relationships WHERE person_a_id = @PersonAId AND person_b_id = @PersonBId AND type = @type AND id <> @Id AND deleted_at IS NULL",
            new { r.PersonAId, r.PersonBId, type = WireCode.Of(r.Type), r.Id }, session.Transaction);
        rules.When(other is not null, "type", "this relationship is already recorded (relationship {0})", other);
    }
}

internal sealed class EventTable : RecordTable<Event>
{
    public override RecordKind Kind => RecordKind.Event;

    public override Task<IReadOnlyDictionary<string, object?>> ColumnsAsync(Session session, Event e) => Columns.Ready(
        ("type", e.Type), ("date_sort", e.Date?.SortKey), ("date_value", e.Date?.ToCanonical()), ("place_id", e.PlaceId));

    public override IEnumerable<Reference> References(Event e)
    {
        if (e.PlaceId is { } place)
        {
            yield return new Reference("placeId", RecordKind.Place, place);
        }

        for (var i = 0; i < e.Participants.Count; i++)
        {
            var p = e.Participants[i];
            if (p.PersonId is { } person)
            {
                yield return new Reference($"participants[{i}].personId", RecordKind.Person, person);
            }

            if (p.OrganizationId is { } org)
            {
                yield return new Reference($"participants[{i}].organizationId", RecordKind.Organization, org);
            }
        }
    }

    public override async Task ValidateAsync(Session session, Event e, Rules rules)
    {
        var known = await session.Connection.ExecuteScalarAsync<string?>(
            "SELECT code FROM event_types WHERE code = @Type", new { e.Type }, session.Transaction);
        rules.When(known is null && EventType.IsValidCode(e.Type ?? ""), "type", "\"{0}\" is not in the event vocabulary; add it first", e.Type);
    }

    public override Task WriteChildrenAsync(Session session, Event e) => ReplaceRowsAsync(session, "event_participants", "event_id", e.Id,
        "INSERT INTO event_participants (event_id, position, role, person_id, organization_id) VALUES (@EventId, @Position, @Role, @PersonId, @OrganizationId)",
        e.Participants.Select((p, i) => new { EventId = e.Id, Position = i, Role = WireCode.Of(p.Role), p.PersonId, p.OrganizationId }));

    public override Task AfterChangeAsync(Session session, Event? before, Event? after) =>
        PersonStatuses.RefreshAsync(session, (before?.SubjectIds ?? []).Concat(after?.SubjectIds ?? []));
}

internal sealed class CaseTable : RecordTable<Case>
{
    public override RecordKind Kind => RecordKind.Case;

    public override Task<IReadOnlyDictionary<string, object?>> ColumnsAsync(Session session, Case c) => Columns.Ready(
        ("title", c.Title.Trim()), ("kind", WireCode.Of(c.Kind)), ("status", WireCode.Of(c.Status)),
        ("lawyer_person_id", c.LawyerPersonId), ("court_organization_id", c.CourtOrganizationId));

    public override IEnumerable<Reference> References(Case c)
    {
        if (c.LawyerPersonId is { } lawyer)
        {
            yield return new Reference("lawyerPersonId", RecordKind.Person, lawyer);
        }

        if (c.CourtOrganizationId is { } court)
        {
            yield return new Reference("courtOrganizationId", RecordKind.Organization, court);
        }

        for (var i = 0; i < c.Parties.Count; i++)
        {
            if (c.Parties[i].PersonId is { } person)
            {
                yield return new Reference($"parties[{i}].personId", RecordKind.Person, person);
            }

            if (c.Parties[i].OrganizationId is { } org)
            {
                yield return new Reference($"parties[{i}].organizationId", RecordKind.Organization, org);
            }
        }
    }

    public override async Task WriteChildrenAsync(Session session, Case c)
    {
        await ReplaceRowsAsync(session, "case_parties", "case_id", c.Id,
            "INSERT INTO case_parties (case_id, position, role, person_id, organization_id) VALUES (@CaseId, @Position, @Role, @PersonId, @OrganizationId)",
            c.Parties.Select((p, i) => new { CaseId = c.Id, Position = i, Role = WireCode.Of(p.Role), p.PersonId, p.OrganizationId }));
        var dates = c.Deadlines.Select(d => (d.Due, Kind: WireCode.Of(d.Kind))).Concat(c.Hearings.Select(h => (Due: h.Date, Kind: "hearing")));
        await ReplaceRowsAsync(session, "case_dates", "case_id", c.Id,
            "INSERT INTO case_dates (case_id, position, due, kind) VALUES (@CaseId, @Position, @Due, @Kind)",
            dates.Select((d, i) => new { CaseId = c.Id, Position = i, Due = d.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Kind }));
    }
}

internal sealed class TestimonyTable : RecordTable<Testimony>
{
    public override RecordKind Kind => RecordKind.Testimony;

    public override Task<IReadOnlyDictionary<string, object?>> ColumnsAsync(Session session, Testimony t) => Columns.Ready(
        ("subject_person_id", t.SubjectPersonId), ("testifier_person_id", t.TestifierPersonId),
        ("recorded_sort", t.RecordedOn?.SortKey), ("consent", WireCode.Of(t.Consent)));

    public override IEnumerable<Reference> References(Testimony t)
    {
        if (t.SubjectPersonId is { } s)
        {
            yield return new Reference("subjectPersonId", RecordKind.Person, s);
        }

        if (t.TestifierPersonId is { } w)
        {
            yield return new Reference("testifierPersonId", RecordKind.Person, w);
        }

        if (t.RecordedAtPlaceId is { } p)
        {
            yield return new Reference("recordedAtPlaceId", RecordKind.Place, p);
        }
    }

    public override async Task ValidateAsync(Session session, Testimony t, Rules rules)
    {
        for (var i = 0; i < t.Files.Count; i++)
        {
            await FileStore.RequireStoredAsync(session, t.Files[i], $"files[{i}]", rules);
        }
    }
}

internal sealed class SourceTable : RecordTable<Source>
{
    public override RecordKind Kind => RecordKind.Source;

    public override Task<IReadOnlyDictionary<string, object?>> ColumnsAsync(Session session, Source s) => Columns.Ready(
        ("kind", WireCode.Of(s.Kind)), ("title", s.Title.Trim()), ("url", s.Url), ("content_hash", s.ContentHash), ("date_sort", s.Date?.SortKey));

    public override async Task ValidateAsync(Session session, Source s, Rules rules)
    {
        if (s.File is not null)
        {
            await FileStore.RequireStoredAsync(session, s.File, "file", rules);
        }
    }
}

internal sealed class CitationTable : RecordTable<Citation>
{
    public override RecordKind Kind => RecordKind.Citation;

    public override Task<IReadOnlyDictionary<string, object?>> ColumnsAsync(Session session, Citation c) => Columns.Ready(
        ("source_id", c.SourceId), ("target_kind", WireCode.Of(c.TargetKind)), ("target_id", c.TargetId), ("level", (int)c.Level));

    public override IEnumerable<Reference> References(Citation c) =>
        Citation.CitableKinds.Contains(c.TargetKind)
            ? [new Reference("sourceId", RecordKind.Source, c.SourceId), new Reference("targetId", c.TargetKind, c.TargetId)]
            : [new Reference("sourceId", RecordKind.Source, c.SourceId)];
}
