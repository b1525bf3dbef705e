using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>
/// The records that point at a person (event participants, case parties and lawyers, testimony subjects and
/// testifiers, citations, relationships): a merge re-points them to the survivor, an unmerge points back those it
/// moved that still point at the survivor. Each record changed is saved through the session, with its revision.
/// </summary>
internal static class PersonMergeLinks
{
    private const string Participants = "participants";
    private const string Parties = "parties";
    private const string Lawyer = "lawyerPersonId";
    private const string Subject = "subjectPersonId";
    private const string Testifier = "testifierPersonId";
    private const string Target = "targetId";
    private const string PersonA = "personAId";
    private const string PersonB = "personBId";

    public static async Task MoveAsync(Session session, long survivor, long merged, PersonMergePlan plan)
    {
        foreach (var id in await IdsAsync(session,
                     "SELECT DISTINCT p.event_id FROM event_participants p JOIN events e ON e.id = p.event_id " +
                     "WHERE p.person_id = @merged AND e.deleted_at IS NULL ORDER BY p.event_id", merged))
        {
            var e = (await session.GetAsync<Event>(id))!;
            var participants = Repoint(RecordKind.Event, id, Participants, e.Participants, merged, survivor, p => p.PersonId, p => WireCode.Of(p.Role), plan);
            await SaveAsync(session, e with { Participants = participants }, RecordKind.Event, RevisionAction.Merge);
        }

        // A lawyer or testifier marked confidential is left out of its projection column: such records are read to see.
        foreach (var id in await IdsAsync(session,
                     "SELECT c.id FROM cases c WHERE c.deleted_at IS NULL AND (c.lawyer_person_id = @merged " +
                     "OR (c.lawyer_person_id IS NULL AND c.data LIKE '%\"lawyerPersonId\":\"kgr%') " +
                     "OR c.id IN (SELECT case_id FROM case_parties WHERE person_id = @merged)) ORDER BY c.id", merged))
        {
            var c = (await session.GetAsync<Case>(id))!;
            var parties = Repoint(RecordKind.Case, id, Parties, c.Parties, merged, survivor, p => p.PersonId, p => WireCode.Of(p.Role), plan);
            var lawyer = c.LawyerPersonId;
            if (lawyer == merged)
            {
                lawyer = survivor;
                plan.Moved.Add(new MergeLink(RecordKind.Case, id, Lawyer));
            }

            await SaveAsync(session, c with { Parties = parties, LawyerPersonId = lawyer }, RecordKind.Case, RevisionAction.Merge);
        }

        foreach (var id in await IdsAsync(session,
                     "SELECT id FROM testimonies WHERE deleted_at IS NULL AND (subject_person_id = @merged OR testifier_person_id = @merged " +
                     "OR (testifier_person_id IS NULL AND data LIKE '%\"testifierPersonId\":\"kgr%')) ORDER BY id", merged))
        {
            var t = (await session.GetAsync<Testimony>(id))!;
            var moved = t;
            if (t.SubjectPersonId == merged)
            {
                moved = moved with { SubjectPersonId = survivor };
                plan.Moved.Add(new MergeLink(RecordKind.Testimony, id, Subject));
            }

            if (t.TestifierPersonId == merged)
            {
                moved = moved with { TestifierPersonId = survivor };
                plan.Moved.Add(new MergeLink(RecordKind.Testimony, id, Testifier));
            }

            await SaveAsync(session, moved, RecordKind.Testimony, RevisionAction.Merge);
        }

        foreach (var id in await CitationsOfAsync(session, RecordKind.Person, merged))
        {
            var citation = (await session.GetAsync<Citation>(id))!;
            await SaveAsync(session, citation with { TargetId = survivor }, RecordKind.Citation, RevisionAction.Merge);
            plan.Moved.Add(new MergeLink(RecordKind.Citation, id, Target));
        }

        foreach (var id in await IdsAsync(session,
                     "SELECT id FROM relationships WHERE (person_a_id = @merged OR person_b_id = @merged) AND deleted_at IS NULL ORDER BY id", merged))
        {
            await MoveRelationshipAsync(session, id, survivor, merged, plan);
        }
    }

    /// <summary>
    /// A relationship of the merged person becomes the survivor's; one between the two people, or one the survivor
    /// already has (the unique index allows one of each), is deleted instead, unchanged so an unmerge restores it
    /// as it was; the citations of a duplicate move to the relationship kept.
    /// </summary>
    private static async Task MoveRelationshipAsync(Session session, long id, long survivor, long merged, PersonMergePlan plan)
    {
        var r = (await session.GetAsync<Relationship>(id))!;
        if (r.Other(merged) == survivor)
        {
            await session.DeleteAsync<Relationship>(id, r.Version, RevisionAction.Merge);
            plan.Deleted.Add(new DeletedRelationship(id, DeletedRelationship.Between));
            return;
        }

        var side = r.PersonAId == merged ? PersonA : PersonB;
        var moved = (side == PersonA ? r with { PersonAId = survivor } : r with { PersonBId = survivor }).Normalized();
        var kept = await session.Connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM relationships WHERE person_a_id = @PersonAId AND person_b_id = @PersonBId AND type = @type AND id <> @Id AND deleted_at IS NULL",
            new { moved.PersonAId, moved.PersonBId, type = WireCode.Of(moved.Type), moved.Id }, session.Transaction);
        if (kept is null)
        {
            await SaveAsync(session, moved, RecordKind.Relationship, RevisionAction.Merge);
            plan.Moved.Add(new MergeLink(RecordKind.Relationship, id, side));
            return;
        }

        await session.DeleteAsync<Relationship>(id, r.Version, RevisionAction.Merge);
        plan.Deleted.Add(new DeletedRelationship(id, DeletedRelationship.Duplicate, kept));
        foreach (var citationId in await CitationsOfAsync(session, RecordKind.Relationship, id))
        {
            var citation = (await session.GetAsync<Citation>(citationId))!;
            await SaveAsync(session, citation with { TargetId = kept.Value }, RecordKind.Citation, RevisionAction.Merge);
            plan.Moved.Add(new MergeLink(RecordKind.Citation, citationId, Target, From: id, To: kept));
        }
    }

    /// <summary>Restores the relationships the merge deleted that are still deleted (the merged person must be back first).</summary>
    public static async Task RestoreDeletedAsync(Session session, PersonMergePlan plan)
    {
        foreach (var deleted in plan.Deleted)
        {
            if (await session.Connection.ExecuteScalarAsync<string?>(
                    "SELECT deleted_at FROM relationships WHERE id = @Id", new { deleted.Id }, session.Transaction) is not null)
            {
                await InContextAsync(RecordKind.Relationship, deleted.Id, () => session.RestoreAsync<Relationship>(deleted.Id, RevisionAction.Unmerge));
            }
        }
    }

    /// <summary>Points back at the merged person what the merge moved and still points at the survivor; puts back the participants and parties it left out.</summary>
    public static async Task MoveBackAsync(Session session, long survivor, long merged, PersonMergePlan plan)
    {
        var records = plan.Moved.Concat(plan.Dropped).Select(l => (l.Kind, l.Id)).Distinct().OrderBy(r => r.Kind).ThenBy(r => r.Id);
        foreach (var (kind, id) in records)
        {
            var moved = plan.Moved.Where(l => l.Kind == kind && l.Id == id).ToList();
            var dropped = plan.Dropped.Where(l => l.Kind == kind && l.Id == id).ToList();
            switch (kind)
            {
                case RecordKind.Event when await session.GetAsync<Event>(id) is { } e:
                    var participants = PutBack(e.Participants, moved, dropped, survivor, merged,
                        (role, person) => new Participant(WireCode.Parse<ParticipantRole>(role), person));
                    await SaveAsync(session, e with { Participants = participants }, kind, RevisionAction.Unmerge);
                    break;
                case RecordKind.Case when await session.GetAsync<Case>(id) is { } c:
                    var parties = PutBack(c.Parties, moved.Where(l => l.Field == Parties).ToList(), dropped, survivor, merged,
                        (role, person) => new CaseParty(WireCode.Parse<CasePartyRole>(role), person));
                    var lawyer = moved.Any(l => l.Field == Lawyer) && c.LawyerPersonId == survivor ? merged : c.LawyerPersonId;
                    await SaveAsync(session, c with { Parties = parties, LawyerPersonId = lawyer }, kind, RevisionAction.Unmerge);
                    break;
                case RecordKind.Testimony when await session.GetAsync<Testimony>(id) is { } t:
                    var back = t;
                    if (moved.Any(l => l.Field == Subject) && t.SubjectPersonId == survivor)
                    {
                        back = back with { SubjectPersonId = merged };
                    }

                    if (moved.Any(l => l.Field == Testifier) && t.TestifierPersonId == survivor)
                    {
                        back = back with { TestifierPersonId = merged };
                    }

                    await SaveAsync(session, back, kind, RevisionAction.Unmerge);
                    break;
                case RecordKind.Citation when await session.GetAsync<Citation>(id) is { } citation:
                    var link = moved.Single();
                    var (fromKind, from, to) = link.From is { } relationship
                        ? (RecordKind.Relationship, relationship, link.To!.Value)
                        : (RecordKind.Person, merged, survivor);
                    if (citation.TargetKind == fromKind && citation.TargetId == to)
                    {
                        await SaveAsync(session, citation with { TargetId = from }, kind, RevisionAction.Unmerge);
                    }

                    break;
                case RecordKind.Relationship when await session.GetAsync<Relationship>(id) is { } r && (r.PersonAId == survivor || r.PersonBId == survivor):
                    var other = r.Other(survivor);
                    var restored = moved.Single().Field == PersonA ? r with { PersonAId = merged, PersonBId = other } : r with { PersonAId = other, PersonBId = merged };
                    await SaveAsync(session, restored, kind, RevisionAction.Unmerge);
                    break;
            }
        }
    }

    /// <summary>
    /// The list with the merged person's items pointing at the survivor; an item the survivor already has in the
    /// same role is left out instead (an event may not list one participant twice), and recorded as dropped at
    /// its position in the list before. Moved items are recorded at their position in the list after.
    /// </summary>
    private static List<T> Repoint<T>(RecordKind kind, long id, string field, IReadOnlyList<T> items, long merged, long survivor,
        Func<T, long?> person, Func<T, string> role, PersonMergePlan plan) where T : class
    {
        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (person(item) != merged)
            {
                result.Add(item);
                continue;
            }

            var moved = With(item, survivor);
            if (items.Contains(moved) || result.Contains(moved))
            {
                plan.Dropped.Add(new MergeLink(kind, id, field, i, role(item)));
            }
            else
            {
                plan.Moved.Add(new MergeLink(kind, id, field, result.Count, role(item)));
                result.Add(moved);
            }
        }

        return result;
    }

    /// <summary>
    /// The list with each moved item back on the merged person, when the survivor is still there in that role (at
    /// its recorded position, else anywhere), and each dropped item put back at its position when missing.
    /// </summary>
    private static List<T> PutBack<T>(IReadOnlyList<T> items, IReadOnlyList<MergeLink> moved, IReadOnlyList<MergeLink> dropped, long survivor, long merged,
        Func<string, long, T> make) where T : class
    {
        var result = items.ToList();
        var claimed = new HashSet<int>();
        foreach (var link in moved)
        {
            var now = make(link.Role!, survivor);
            var at = link.Position is { } p && p < result.Count && result[p].Equals(now) && !claimed.Contains(p)
                ? p
                : Enumerable.Range(0, result.Count).FirstOrDefault(i => result[i].Equals(now) && !claimed.Contains(i), -1);
            if (at >= 0)
            {
                result[at] = make(link.Role!, merged);
                claimed.Add(at);
            }
        }

        foreach (var link in dropped.OrderBy(l => l.Position))
        {
            var back = make(link.Role!, merged);
            if (!result.Contains(back))
            {
                result.Insert(Math.Min(link.Position ?? result.Count, result.Count), back);
            }
        }

        return result;
    }

    private static T With<T>(T item, long person) where T : class => item switch
    {
        Participant p => (T)(object)(p with { PersonId = person }),
        CaseParty p => (T)(object)(p with { PersonId = person }),
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    private static async Task<IReadOnlyList<long>> IdsAsync(Session session, string sql, long merged) =>
        (await session.Connection.QueryAsync<long>(sql, new { merged }, session.Transaction)).AsList();

    private static async Task<IReadOnlyList<long>> CitationsOfAsync(Session session, RecordKind kind, long id) =>
        (await session.Connection.QueryAsync<long>(
            "SELECT id FROM citations WHERE target_kind = @kind AND target_id = @id AND deleted_at IS NULL ORDER BY id",
            new { kind = WireCode.Of(kind), id }, session.Transaction)).AsList();

    private static Task<T> SaveAsync<T>(Session session, T record, RecordKind kind, RevisionAction action) where T : class, IRecord =>
        InContextAsync(kind, record.Id, () => session.UpdateAsync(record, action, null));

    public static Task<Person> SaveInContextAsync(Session session, Person person, RevisionAction action) =>
        SaveAsync(session, person, RecordKind.Person, action);

    /// <summary>A record that cannot be saved (it points at something deleted since) is named in the error, so the merge can be made possible.</summary>
    public static async Task<T> InContextAsync<T>(RecordKind kind, long id, Func<Task<T>> save)
    {
        try
        {
            return await save();
        }
        catch (ValidationException e)
        {
            throw new ValidationException(e.Errors.Select(error => error with { Field = $"{WireCode.Of(kind)} {id} {error.Field}" }).ToList());
        }
    }
}
