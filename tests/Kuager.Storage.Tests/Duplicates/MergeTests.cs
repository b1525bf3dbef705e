using Dapper;
using Kuager.Core;
using Kuager.Storage.Search;
using Kuager.Storage.Tests.Security;

namespace Kuager.Storage.Tests.Duplicates;

/// <summary>
/// Merging two records of one person and taking the merge back, on both providers: nothing of either is lost,
/// every change is a revision, an unmerge restores exactly what was there and keeps later edits to other fields.
/// </summary>
public sealed class MergeTests
{
    private const string Editor = MergeWorld.Editor;
    private const string Reviewer = "reviewer";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_merge_keeps_every_name_event_case_testimony_citation_and_relationship_of_both_on_the_survivor(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await MergeWorld.CreateAsync(db);
        var survivorBefore = await MergeState.HoldingsAsync(db, w.Survivor);
        var mergedBefore = await MergeState.HoldingsAsync(db, w.Merged);

        var merge = await db.Store.MergeAsync(w.Survivor, w.Merged, Reviewer);

        var after = await MergeState.HoldingsAsync(db, w.Survivor);
        Assert.Equal((w.Survivor, w.Merged, Reviewer, true), (merge.SurvivorId, merge.MergedId, merge.Actor, merge.IsActive));
        Assert.Equal(survivorBefore.Names.Union(mergedBefore.Names).Order(), after.Names.Order());
        Assert.Equal(4, after.Names.Count);
        Assert.Equal(survivorBefore.Events.Union(mergedBefore.Events).Order(), after.Events.Order());
        Assert.Equal(3, after.Events.Count);
        Assert.Equal(survivorBefore.Cases.Union(mergedBefore.Cases).Order(), after.Cases.Order());
        Assert.Equal(2, after.Cases.Count);
        Assert.Equal(survivorBefore.Testimonies.Union(mergedBefore.Testimonies).Order(), after.Testimonies.Order());
        Assert.Equal(survivorBefore.Citations.Union(mergedBefore.Citations).Order(), after.Citations.Order());
        Assert.Equal([$"parent of {w.Son}", $"sibling of {w.Sister}"], after.Relatives.Order());

        // The merged record is gone, nothing points at it any more, and it says where it went.
        Assert.Null(await db.Store.GetAsync<Person>(w.Merged));
        var gone = await MergeState.HoldingsAsync(db, w.Merged);
        Assert.Empty(gone.Events.Concat(gone.Cases).Concat(gone.Testimonies).Concat(gone.Citations));
        Assert.Empty(gone.Relatives);
        Assert.Equal(w.Survivor, await db.Store.MergedIntoAsync(w.Merged));
        Assert.Null(await db.Store.MergedIntoAsync(w.Survivor));

        // Names: the merged primary is an alias now; fields empty on the survivor took the merged values, its own stayed.
        var survivor = (await db.Store.GetAsync<Person>(w.Survivor))!;
        Assert.Equal("Baibolat Kunbolatuly", survivor.PrimaryName.Text);
        Assert.Equal(NameKind.Alias, survivor.Names.Single(n => n.Text == "Baybolat Kunbolat").Kind);
        Assert.Equal(1971, survivor.BirthYear);
        Assert.Equal(w.Gulja, survivor.HometownId);
        Assert.Equal(MergeWorld.SecretOccupation, survivor.Occupation);
        Assert.Equal(Gender.Male, survivor.Gender);
        Assert.Equal("reported by his brother in Almaty", survivor.Notes);
        Assert.Equal(["Kazakhstan", "PRC"], survivor.Citizenships);
        Assert.Equal([new OtherId("xjvictims", "4321")], survivor.OtherIds);

        // A released event listed both records as its subject: the survivor is listed once; the duplicate relationship
        // to the sister went, and its citation now supports the one kept.
        var released = (await db.Store.GetAsync<Event>(w.ReleasedEvent))!;
        Assert.Equal([new Participant(ParticipantRole.Subject, w.Survivor), new Participant(ParticipantRole.Witness, w.Sister)], released.Participants);
        Assert.Null(await db.Store.GetAsync<Relationship>(w.MergedSister));
        Assert.Null(await db.Store.GetAsync<Relationship>(w.Between));
        Assert.Equal(w.SurvivorSister, (await db.Store.GetAsync<Citation>(w.CitesDuplicate))!.TargetId);
        Assert.Equal(w.Survivor, (await db.Store.GetAsync<Case>(w.CriminalCase))!.LawyerPersonId);
        Assert.Equal(w.Survivor, (await db.Store.GetAsync<Testimony>(w.OwnTestimony))!.TestifierPersonId);

        // The status column follows the events moved in.
        await using var connection = await db.Database.OpenAsync();
        Assert.Equal("released", await connection.ExecuteScalarAsync<string>("SELECT status FROM persons WHERE id = @id", new { id = w.Survivor }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_record_a_merge_or_unmerge_changes_gets_a_revision_of_that_action_and_both_are_audited(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await MergeWorld.CreateAsync(db);
        var untouchedBefore = await RevisionCountsAsync(db, w.Untouched);

        var merge = await db.Store.MergeAsync(w.Survivor, w.Merged, Reviewer);

        foreach (var (kind, id) in w.Touched)
        {
            var last = (await db.Store.HistoryAsync(kind, id))[^1];
            Assert.True(last.Action == RevisionAction.Merge && last.Actor == Reviewer, $"{kind} {id}: last revision is {last.Action} by {last.Actor}");
        }

        Assert.Equal(untouchedBefore, await RevisionCountsAsync(db, w.Untouched));

        var unmerge = await db.Store.UnmergeAsync(merge.Id, Editor);

        Assert.Equal((Editor, false), (unmerge.UndoneBy, unmerge.IsActive));
        foreach (var (kind, id) in w.Touched)
        {
            var last = (await db.Store.HistoryAsync(kind, id))[^1];
            Assert.True(last.Action == RevisionAction.Unmerge && last.Actor == Editor, $"{kind} {id}: last revision is {last.Action} by {last.Actor}");
        }

        Assert.Equal(untouchedBefore, await RevisionCountsAsync(db, w.Untouched));

        await using var connection = await db.Database.OpenAsync();
        var audit = (await connection.QueryAsync<(string Action, string Target, string Detail)>(
            "SELECT action, target, detail FROM audit_log WHERE action IN ('merge', 'unmerge') AND detail LIKE 'merge %' ORDER BY seq")).ToList();
        Assert.Equal(
            [("merge", $"person {w.Survivor}", $"merge {merge.Id}: person {w.Merged} merged into person {w.Survivor}"),
             ("unmerge", $"person {w.Merged}", $"merge {merge.Id} undone: person {w.Merged} separated from person {w.Survivor}")],
            audit);
        Assert.True((await AuditLog.VerifyAsync(db.Database)).Ok);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unmerge_restores_both_people_and_every_record_the_merge_changed_exactly(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await MergeWorld.CreateAsync(db);
        var before = await MergeState.SnapshotAsync(db);

        var merge = await db.Store.MergeAsync(w.Survivor, w.Merged, Reviewer);
        Assert.NotEqual(before, await MergeState.SnapshotAsync(db));
        await db.Store.UnmergeAsync(merge.Id, Reviewer);

        Assert.Equal(before, await MergeState.SnapshotAsync(db));
        Assert.Null(await db.Store.MergedIntoAsync(w.Merged));
        var merges = await db.Store.MergesOfAsync(w.Merged);
        var undone = Assert.Single(merges);
        Assert.Equal((merge.Id, Reviewer), (undone.Id, undone.UndoneBy));
        Assert.NotNull(undone.UndoneAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unmerge_after_later_edits_keeps_them_and_takes_back_only_what_is_still_as_the_merge_left_it(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await MergeWorld.CreateAsync(db, p => p with { ConfidentialFields = ["citizenships", "occupation"] });
        var mergedBefore = MergeState.WithoutVersion((await db.Store.GetAsync<Person>(w.Merged))!);
        var merge = await db.Store.MergeAsync(w.Survivor, w.Merged, Reviewer);

        // After the merge: the survivor's notes, the birth date the merge filled and the citizenships it united (now
        // confidential) are edited; a moved event gets a description and another a participant before the moved one.
        var survivor = (await db.Store.GetAsync<Person>(w.Survivor))!;
        Assert.Equal(["citizenships", "occupation"], survivor.ConfidentialFields);
        await db.Store.UpdateAsync(survivor with
        {
            Notes = "seen in Almaty in 2020",
            BirthDate = FuzzyDate.InYear(1972),
            Citizenships = [.. survivor.Citizenships, "Turkey"],
        }, Editor);
        var detained = (await db.Store.GetAsync<Event>(w.DetainedEvent))!;
        await db.Store.UpdateAsync(detained with { Description = "confirmed by a neighbour" }, Editor);
        var interrogated = (await db.Store.GetAsync<Event>(w.InterrogatedEvent))!;
        await db.Store.UpdateAsync(interrogated with { Participants = [new Participant(ParticipantRole.Witness, w.Sister), .. interrogated.Participants] }, Editor);

        await db.Store.UnmergeAsync(merge.Id, Reviewer);

        var separated = (await db.Store.GetAsync<Person>(w.Survivor))!;
        Assert.Equal("seen in Almaty in 2020", separated.Notes);
        Assert.Equal(1972, separated.BirthYear);
        Assert.Null(separated.Occupation);
        Assert.Null(separated.HometownId);
        Assert.Equal(["Baibolat Kunbolatuly", "Байболат Құнболатұлы"], separated.Names.Select(n => n.Text));
        Assert.Equal(["Kazakhstan", "Turkey"], separated.Citizenships);
        Assert.Empty(separated.OtherIds);

        // The occupation went with its mark; the citizenships keep theirs: one was added under it since.
        Assert.Equal(["citizenships"], separated.ConfidentialFields);

        var back = (await db.Store.GetAsync<Event>(w.DetainedEvent))!;
        Assert.Equal("confirmed by a neighbour", back.Description);
        Assert.Equal([new Participant(ParticipantRole.Subject, w.Merged)], back.Participants);
        Assert.Equal(
            [new Participant(ParticipantRole.Witness, w.Sister), new Participant(ParticipantRole.Subject, w.Survivor), new Participant(ParticipantRole.Witness, w.Merged)],
            (await db.Store.GetAsync<Event>(w.InterrogatedEvent))!.Participants);
        Assert.Equal(mergedBefore, MergeState.WithoutVersion((await db.Store.GetAsync<Person>(w.Merged))!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_relationship_between_the_two_and_a_duplicated_one_are_deleted_by_the_merge_and_restored_by_the_unmerge(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await MergeWorld.CreateAsync(db);

        var merge = await db.Store.MergeAsync(w.Survivor, w.Merged, Reviewer);

        Assert.Null(await db.Store.GetAsync<Relationship>(w.Between));
        Assert.Null(await db.Store.GetAsync<Relationship>(w.MergedSister));
        Assert.Equal(RevisionAction.Merge, (await db.Store.HistoryAsync(RecordKind.Relationship, w.MergedSister))[^1].Action);
        var son = (await db.Store.GetAsync<Relationship>(w.MergedSon))!;
        Assert.Equal((w.Survivor, w.Son, RelationshipType.Parent), (son.PersonAId, son.PersonBId, son.Type));
        await using (var connection = await db.Database.OpenAsync())
        {
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM relationships WHERE person_a_id = @a AND person_b_id = @b AND type = 'sibling' AND deleted_at IS NULL",
                new { a = Math.Min(w.Survivor, w.Sister), b = Math.Max(w.Survivor, w.Sister) }));
        }

        await db.Store.UnmergeAsync(merge.Id, Reviewer);

        var between = (await db.Store.GetAsync<Relationship>(w.Between))!;
        Assert.Equal((w.Survivor, w.Merged, RelationshipType.OtherRelative), (between.PersonAId, between.PersonBId, between.Type));
        var mergedSister = (await db.Store.GetAsync<Relationship>(w.MergedSister))!;
        Assert.Equal((w.Merged, w.Sister, "as the cousin said"), (mergedSister.PersonAId, mergedSister.PersonBId, mergedSister.Notes));
        Assert.NotNull(await db.Store.GetAsync<Relationship>(w.SurvivorSister));
        Assert.Equal((RecordKind.Relationship, w.MergedSister), ((await db.Store.GetAsync<Citation>(w.CitesDuplicate))!.TargetKind, (await db.Store.GetAsync<Citation>(w.CitesDuplicate))!.TargetId));
        son = (await db.Store.GetAsync<Relationship>(w.MergedSon))!;
        Assert.Equal((w.Merged, w.Son), (son.PersonAId, son.PersonBId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_value_confidential_on_the_merged_record_stays_confidential_and_sealed_on_the_survivor(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await MergeWorld.CreateAsync(db, p => p with { Confidentiality = Confidentiality.Confidential, ConfidentialFields = ["citizenships", "occupation"] });
        var researcher = new Viewer("reader", Role.Researcher);
        Assert.NotNull(await db.Store.GetAsync<Person>(w.Survivor, researcher));

        var merge = await db.Store.MergeAsync(w.Survivor, w.Merged, Reviewer);

        var survivor = (await db.Store.GetAsync<Person>(w.Survivor))!;
        Assert.Equal(MergeWorld.SecretOccupation, survivor.Occupation);
        Assert.Equal(["citizenships", "occupation"], survivor.ConfidentialFields);
        Assert.Equal(["Kazakhstan", "PRC"], survivor.Citizenships);
        Assert.Equal(Confidentiality.Confidential, survivor.Confidentiality);
        Assert.Null(await db.Store.GetAsync<Person>(w.Survivor, researcher));
        await using (var connection = await db.Database.OpenAsync())
        {
            var data = await connection.ExecuteScalarAsync<string>("SELECT data FROM persons WHERE id = @id", new { id = w.Survivor });
            Assert.DoesNotContain(MergeWorld.SecretOccupation, data);
            Assert.Contains("\"occupation\":\"" + KeyRing.SealPrefix, data);
            var plan = await connection.ExecuteScalarAsync<string>("SELECT plan FROM person_merges WHERE id = @id", new { id = merge.Id });
            Assert.Contains("\"occupation\"", plan);
            Assert.Contains("Baybolat Kunbolat", plan);
        }

        // Nowhere in the database: not in the record, its revisions, the merge's plan, the audit log or a projection.
        Assert.Empty(await RawDatabase.FindAsync(db, MergeWorld.SecretOccupation));

        await db.Store.UnmergeAsync(merge.Id, Reviewer);

        var separated = (await db.Store.GetAsync<Person>(w.Survivor, researcher))!;
        Assert.Equal(Confidentiality.Restricted, separated.Confidentiality);
        Assert.Empty((await db.Store.GetAsync<Person>(w.Survivor))!.ConfidentialFields);
        Assert.Empty(await RawDatabase.FindAsync(db, MergeWorld.SecretOccupation));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Merges_follow_chains_and_are_undone_in_reverse_order_only_once(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await db.Store.CreateAsync(Build.Person("Serik Akhmetov"), Editor);
        var b = await db.Store.CreateAsync(Build.Person("Serik Akhmet"), Editor);
        var c = await db.Store.CreateAsync(Build.Person("Serik Akhmetuly"), Editor);

        var first = await db.Store.MergeAsync(b.Id, a.Id, Reviewer);
        var second = await db.Store.MergeAsync(c.Id, b.Id, Reviewer);

        Assert.Equal(c.Id, await db.Store.MergedIntoAsync(a.Id));
        Assert.Equal(c.Id, await db.Store.MergedIntoAsync(b.Id));
        Assert.Null(await db.Store.MergedIntoAsync(c.Id));
        Assert.Equal(["Serik Akhmetuly", "Айгерім Тестова", "Serik Akhmet", "Serik Akhmetov"],
            (await db.Store.GetAsync<Person>(c.Id))!.Names.Select(n => n.Text));
        Assert.Equal([second.Id, first.Id], (await db.Store.MergesOfAsync(b.Id)).Select(m => m.Id));

        var already = await Assert.ThrowsAsync<RevisionConflictException>(() => db.Store.MergeAsync(c.Id, a.Id, Reviewer));
        Assert.Contains($"person {a.Id} has already been merged into person {b.Id} (merge {first.Id})", already.Message);
        var order = await Assert.ThrowsAsync<RevisionConflictException>(() => db.Store.UnmergeAsync(first.Id, Reviewer));
        Assert.Contains($"person {b.Id} has since been merged into person {c.Id} (merge {second.Id}); undo merge {second.Id} first", order.Message);

        await db.Store.UnmergeAsync(second.Id, Reviewer);
        Assert.Equal(b.Id, await db.Store.MergedIntoAsync(a.Id));
        Assert.Null(await db.Store.MergedIntoAsync(b.Id));
        Assert.Equal(["Serik Akhmetuly", "Айгерім Тестова"], (await db.Store.GetAsync<Person>(c.Id))!.Names.Select(n => n.Text));

        await db.Store.UnmergeAsync(first.Id, Reviewer);
        Assert.Null(await db.Store.MergedIntoAsync(a.Id));
        Assert.Equal(["Serik Akhmet", "Айгерім Тестова"], (await db.Store.GetAsync<Person>(b.Id))!.Names.Select(n => n.Text));

        var snapshot = await db.SnapshotAsync();
        var twice = await Assert.ThrowsAsync<RevisionConflictException>(() => db.Store.UnmergeAsync(first.Id, Reviewer));
        Assert.Contains($"merge {first.Id} (person {a.Id} into person {b.Id}) was already undone by {Reviewer}", twice.Message);
        Assert.Equal(snapshot, await db.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Impossible_merges_and_unmerges_are_refused_with_the_ids_named_and_nothing_written(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await db.Store.CreateAsync(Build.Person("Serik Akhmetov"), Editor);
        var b = await db.Store.CreateAsync(Build.Person("Serik Akhmet"), Editor);
        var deleted = await db.Store.CreateAsync(Build.Person("Ержан Серікұлы"), Editor);
        await db.Store.DeleteAsync<Person>(deleted.Id, deleted.Version, Editor);
        var snapshot = await db.SnapshotAsync();
        var merges = await db.RowsAsync("person_merges");

        var self = await Assert.ThrowsAsync<ValidationException>(() => db.Store.MergeAsync(a.Id, a.Id, Reviewer));
        Assert.Contains($"a person cannot be merged into itself (person {a.Id})", self.Message);
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => db.Store.MergeAsync(a.Id, 987_654, Reviewer));
        Assert.Equal("there is no person 987654", missing.Message);
        var gone = await Assert.ThrowsAsync<NotFoundException>(() => db.Store.MergeAsync(deleted.Id, a.Id, Reviewer));
        Assert.Contains($"person {deleted.Id} has been deleted", gone.Message);
        var noMerge = await Assert.ThrowsAsync<NotFoundException>(() => db.Store.UnmergeAsync(424_242, Reviewer));
        Assert.Equal("there is no merge 424242", noMerge.Message);
        Assert.Equal(snapshot, await db.SnapshotAsync());
        Assert.Equal(merges, await db.RowsAsync("person_merges"));

        // A survivor deleted after the merge must come back before the merge can be taken back.
        var merge = await db.Store.MergeAsync(a.Id, b.Id, Reviewer);
        var survivor = (await db.Store.GetAsync<Person>(a.Id))!;
        await db.Store.DeleteAsync<Person>(a.Id, survivor.Version, Editor);
        var refused = await Assert.ThrowsAsync<RevisionConflictException>(() => db.Store.UnmergeAsync(merge.Id, Reviewer));
        Assert.Contains($"person {a.Id} has been deleted since; restore it first", refused.Message);
        Assert.True((await db.Store.MergesOfAsync(a.Id))[0].IsActive);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_revision_of_a_merge_is_not_undone_alone_the_error_names_the_merge_to_undo(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await MergeWorld.CreateAsync(db);
        var merge = await db.Store.MergeAsync(w.Survivor, w.Merged, Reviewer);
        var snapshot = await db.SnapshotAsync();

        var survivorRevision = (await db.Store.HistoryAsync(RecordKind.Person, w.Survivor))[^1];
        var deletion = (await db.Store.HistoryAsync(RecordKind.Person, w.Merged))[^1];
        foreach (var revision in new[] { survivorRevision, deletion })
        {
            var error = await Assert.ThrowsAsync<RevisionConflictException>(() => db.Store.UndoAsync(revision.Id, Editor));
            Assert.Contains($"undo merge {merge.Id} instead", error.Message);
        }

        Assert.Equal(snapshot, await db.SnapshotAsync());
        await db.Store.UnmergeAsync(merge.Id, Reviewer);
        var unmergeRevision = (await db.Store.HistoryAsync(RecordKind.Event, w.DetainedEvent))[^1];
        var again = await Assert.ThrowsAsync<RevisionConflictException>(() => db.Store.UndoAsync(unmergeRevision.Id, Editor));
        Assert.Contains($"part of undoing merge {merge.Id}", again.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Name_search_follows_a_merge_and_its_unmerge(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await MergeWorld.CreateAsync(db);
        var search = PersonSearch.For(db.Database);
        var admin = Viewer.Operator("search-test");
        async Task<IReadOnlyList<PersonMatch>> FindAsync(string text) => await search.SearchAsync(new PersonQuery(text) { Limit = 10 }, admin);

        Assert.Equal(w.Merged, (await FindAsync("بايبولات قۇنبولات"))[0].Id);

        var merge = await db.Store.MergeAsync(w.Survivor, w.Merged, Reviewer);

        var hits = await FindAsync("بايبولات قۇنبولات");
        Assert.Equal(w.Survivor, hits[0].Id);
        Assert.Equal("بايبولات قۇنبولات", hits[0].Matched);
        Assert.Equal("Baibolat Kunbolatuly", hits[0].Name);
        Assert.DoesNotContain(hits, h => h.Id == w.Merged);
        Assert.DoesNotContain(await FindAsync("Baybolat Kunbolat"), h => h.Id == w.Merged);

        await db.Store.UnmergeAsync(merge.Id, Reviewer);

        hits = await FindAsync("بايبولات قۇنبولات");
        Assert.Equal(w.Merged, hits[0].Id);
        Assert.Equal("Baybolat Kunbolat", hits[0].Name);
        Assert.DoesNotContain(hits, h => h.Id == w.Survivor && h.Matched == "بايبولات قۇنبولات");
    }

    private static async Task<IReadOnlyList<int>> RevisionCountsAsync(TestDatabase db, IEnumerable<(RecordKind Kind, long Id)> records)
    {
        var counts = new List<int>();
        foreach (var (kind, id) in records)
        {
            counts.Add((await db.Store.HistoryAsync(kind, id)).Count);
        }

        return counts;
    }
}
