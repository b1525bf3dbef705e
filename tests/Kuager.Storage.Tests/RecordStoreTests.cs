using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage.Tests;

/// <summary>The record store on both providers: saving, reading, revisions, concurrency and undo.</summary>
public sealed class RecordStoreTests
{
    private const string Alice = "alice";
    private const string Bob = "bob";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_is_saved_with_every_field_and_read_back_equal(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var town = await db.Store.CreateAsync(Build.Place("Gulja"), Alice);
        var person = Build.Person() with
        {
            HometownId = town.Id,
            BirthDate = FuzzyDate.InSeason(1979, Season.Spring, "spring 1979"),
            OtherIds = [new OtherId("xjvictims", "1234")],
            Occupation = "teacher",
            Names =
            [
                new PersonName("Ілияс Құнболатұлы", Script.KazakhCyrillic, NameKind.Primary),
                new PersonName("ئىلياس", Script.UyghurArabic, NameKind.Alias),
                new PersonName("伊力亚斯", Script.Chinese, NameKind.OfficialChinese),
            ],
            Confidentiality = Confidentiality.Confidential,
        };

        var saved = await db.Store.CreateAsync(person, Alice);
        var read = await db.Store.GetAsync<Person>(saved.Id);

        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(KuagerJsonText(saved), KuagerJsonText(read));
        Assert.Equal("Ілияс Құнболатұлы", read.PrimaryName.Text);
        Assert.Equal(Script.UyghurArabic, read.Names[1].Script);
        Assert.Equal("spring 1979", read.BirthDate!.Text);
        Assert.Equal(3, await db.RowsAsync("person_names"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_change_is_a_revision_with_who_when_which_fields_old_and_new(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = await db.Store.CreateAsync(Build.Person(), Alice);
        var updated = await db.Store.UpdateAsync(created with { Notes = "seen in Gulja", Occupation = "driver" }, Bob);

        var history = await db.Store.HistoryAsync(RecordKind.Person, created.Id);

        Assert.Equal(2, updated.Version);
        Assert.Equal(2, history.Count);
        Assert.Equal(RevisionAction.Create, history[0].Action);
        Assert.Equal(Alice, history[0].Actor);
        Assert.Equal(RevisionAction.Update, history[1].Action);
        Assert.Equal(Bob, history[1].Actor);
        Assert.True(history[1].At >= history[0].At);
        var notes = Assert.Single(history[1].Changes, c => c.Field == "notes");
        Assert.Equal("\"test person\"", notes.Old);
        Assert.Equal("\"seen in Gulja\"", notes.New);
        var occupation = Assert.Single(history[1].Changes, c => c.Field == "occupation");
        Assert.Null(occupation.Old);
        Assert.Equal(2, history[1].Changes.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stale_edit_is_refused_with_the_fields_changed_since_and_nothing_is_overwritten(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var original = await db.Store.CreateAsync(Build.Person(), Alice);
        var alicesCopy = original;
        var bobsCopy = original;

        await db.Store.UpdateAsync(alicesCopy with { Notes = "Alice's note" }, Alice);
        var error = await Assert.ThrowsAsync<StaleEditException>(() => db.Store.UpdateAsync(bobsCopy with { Ethnicity = "Uyghur" }, Bob));

        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.CurrentVersion);
        Assert.Contains("notes", error.Message);
        Assert.Contains("version 2", error.Message);
        var stored = await db.Store.GetAsync<Person>(original.Id);
        Assert.Equal("Alice's note", stored!.Notes);
        Assert.Equal("Kazakh", stored.Ethnicity);
        Assert.Equal(2, (await db.Store.HistoryAsync(RecordKind.Person, original.Id)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_takes_back_one_revision_even_after_later_edits_to_other_fields(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var v1 = await db.Store.CreateAsync(Build.Person(), Alice);
        var v2 = await db.Store.UpdateAsync(v1 with { Notes = "wrong note" }, Alice);
        await db.Store.UpdateAsync(v2 with { Occupation = "farmer" }, Bob);
        var noteRevision = (await db.Store.HistoryAsync(RecordKind.Person, v1.Id))[1];

        var undo = await db.Store.UndoAsync(noteRevision.Id, Bob);

        var now = await db.Store.GetAsync<Person>(v1.Id);
        Assert.Equal("test person", now!.Notes);
        Assert.Equal("farmer", now.Occupation);
        Assert.Equal(RevisionAction.Undo, undo.Action);
        Assert.Equal(noteRevision.Id, undo.UndoesRevisionId);
        Assert.Equal(4, now.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_is_refused_when_the_same_field_changed_again(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var v1 = await db.Store.CreateAsync(Build.Person(), Alice);
        var v2 = await db.Store.UpdateAsync(v1 with { Notes = "first" }, Alice);
        await db.Store.UpdateAsync(v2 with { Notes = "second" }, Bob);
        var first = (await db.Store.HistoryAsync(RecordKind.Person, v1.Id))[1];

        var error = await Assert.ThrowsAsync<RevisionConflictException>(() => db.Store.UndoAsync(first.Id, Alice));

        Assert.Contains("notes", error.Message);
        Assert.Equal("second", (await db.Store.GetAsync<Person>(v1.Id))!.Notes);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undoing_a_creation_deletes_and_undoing_the_deletion_restores(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(Build.Person(), Alice);
        var creation = (await db.Store.HistoryAsync(RecordKind.Person, person.Id))[0];

        await db.Store.UndoAsync(creation.Id, Alice);
        Assert.Null(await db.Store.GetAsync<Person>(person.Id));
        var deletion = (await db.Store.HistoryAsync(RecordKind.Person, person.Id))[^1];
        Assert.Equal(RevisionAction.Delete, deletion.Action);

        await db.Store.UndoAsync(deletion.Id, Alice);
        var restored = await db.Store.GetAsync<Person>(person.Id);
        Assert.NotNull(restored);
        Assert.Equal(person.Notes, restored.Notes);
        Assert.Equal(RevisionAction.Restore, (await db.Store.HistoryAsync(RecordKind.Person, person.Id))[^1].Action);
        Assert.Equal(1, (await Stats.CountAsync(db.Database)).Persons);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invalid_records_are_refused_by_field_and_nothing_is_written(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await db.SnapshotAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.Store.CreateAsync(Build.Person() with { Names = [], HometownId = 999 }, Alice));

        Assert.Contains(error.Errors, e => e.Field == "names");
        Assert.Contains(error.Errors, e => e.Field == "hometownId" && e.Message.Contains("no place 999"));
        Assert.Equal(before, await db.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_place_without_a_name_is_refused_as_input_not_a_crash(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.Store.CreateAsync(new Place { Names = [] }, Alice));

        Assert.Contains(error.Errors, e => e.Field == "names");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task External_ids_are_unique(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.CreateAsync(Build.Person(externalId: "X-1"), Alice);

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.Store.CreateAsync(Build.Person(externalId: "X-1"), Alice));

        Assert.Contains(error.Errors, e => e.Field == "externalId" && e.Message.Contains("X-1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_session_that_is_not_committed_writes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await db.SnapshotAsync();

        await using (var session = await db.Store.BeginAsync(Alice))
        {
            var town = await session.CreateAsync(Build.Place("Almaty"));
            await session.CreateAsync(Build.Person() with { HometownId = town.Id });
        }

        Assert.Equal(before, await db.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Current_status_is_computed_from_events_and_falls_back_to_the_reported_status(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(Build.Person() with { ReportedStatus = PersonStatus.Missing }, Alice);
        Assert.Equal("missing", await StatusAsync(db, person.Id));

        await db.Store.CreateAsync(Build.Event("detained", person.Id, FuzzyDate.InMonth(2017, 4)), Alice);
        var released = await db.Store.CreateAsync(Build.Event("released", person.Id, FuzzyDate.InYear(2019)), Alice);
        await db.Store.CreateAsync(Build.Event("interrogated", person.Id, FuzzyDate.OnDay(2020, 1, 5)), Alice);
        Assert.Equal("released", await StatusAsync(db, person.Id));

        // An event entered late but dated earlier does not become the current status.
        await db.Store.CreateAsync(Build.Event("taken-to-camp", person.Id, FuzzyDate.InSeason(2017, Season.Summer)), Alice);
        Assert.Equal("released", await StatusAsync(db, person.Id));

        await db.Store.DeleteAsync<Event>(released.Id, released.Version, Alice);
        Assert.Equal("in-camp", await StatusAsync(db, person.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Events_refuse_unknown_types_until_the_vocabulary_is_extended(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(Build.Person(), Alice);

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.Store.CreateAsync(Build.Event("hunger-strike", person.Id), Alice));
        Assert.Contains(error.Errors, e => e.Field == "type");

        await using (var session = await db.Store.BeginAsync(Alice))
        {
            await EventTypes.AddAsync(session, new EventType("hunger-strike", "Hunger strike", EventRegion.Kazakhstan, null));
            await session.CommitAsync();
        }

        var saved = await db.Store.CreateAsync(Build.Event("hunger-strike", person.Id), Alice);
        Assert.Equal("hunger-strike", saved.Type);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Places_form_a_hierarchy_whose_paths_follow_renames_and_never_loop(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var china = await db.Store.CreateAsync(Build.Place("China", kind: PlaceKind.Country), Alice);
        var xinjiang = await db.Store.CreateAsync(Build.Place("Xinjiang", china.Id), Alice);
        var ili = await db.Store.CreateAsync(Build.Place("Ili", xinjiang.Id), Alice);

        await db.Store.UpdateAsync(xinjiang with { Names = [new PlaceName("Xinjiang Uyghur Autonomous Region", Script.English)] }, Alice);
        Assert.Equal("China > Xinjiang Uyghur Autonomous Region > Ili", await PathAsync(db, ili.Id));

        var loop = await Assert.ThrowsAsync<ValidationException>(() =>
            db.Store.UpdateAsync(china with { ParentId = ili.Id }, Alice));
        Assert.Contains(loop.Errors, e => e.Field == "parentId");

        var twin = await Assert.ThrowsAsync<ValidationException>(() => db.Store.CreateAsync(Build.Place("Ili", xinjiang.Id), Alice));
        Assert.Contains(twin.Errors, e => e.Message.Contains("already exists"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Symmetric_relationships_are_one_record_whichever_way_they_are_entered(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await db.Store.CreateAsync(Build.Person(), Alice);
        var b = await db.Store.CreateAsync(Build.Person(), Alice);

        var siblings = await db.Store.CreateAsync(new Relationship { PersonAId = b.Id, PersonBId = a.Id, Type = RelationshipType.Sibling }, Alice);
        Assert.Equal(a.Id, siblings.PersonAId);

        var again = await Assert.ThrowsAsync<ValidationException>(() =>
            db.Store.CreateAsync(new Relationship { PersonAId = a.Id, PersonBId = b.Id, Type = RelationshipType.Sibling }, Alice));
        Assert.Contains("already recorded", again.Message);

        var parent = await db.Store.CreateAsync(Relationship.ChildOf(child: a.Id, parent: b.Id), Alice);
        Assert.Equal("parent", parent.RoleOf(b.Id));
        Assert.Equal("child", parent.RoleOf(a.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cases_testimonies_sources_and_citations_are_kept_with_their_files(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var subject = await db.Store.CreateAsync(Build.Person(), Alice);
        var sister = await db.Store.CreateAsync(Build.Person("Dana Testova"), Alice);
        var files = new FileStore(Path.Combine(db.WorkDirectory, "files"));

        StoredFile video;
        await using (var session = await db.Store.BeginAsync(Alice))
        {
            video = await files.StoreAsync(session, new MemoryStream("not really a video"u8.ToArray()), "testimony.mp4", "video/mp4");
            var again = await files.StoreAsync(session, new MemoryStream("not really a video"u8.ToArray()), "copy.mp4", "video/mp4");
            Assert.Equal(video.Sha256, again.Sha256);
            await session.CommitAsync();
        }

        Assert.Equal("7c2ea15d2cb36ee9e60ab8b3a02a7d6da7ce6ee5302f51da1d5e0b46c2ed0b5b".Length, video.Sha256.Length);
        Assert.Equal(18, video.Size);
        Assert.True(File.Exists(files.PathOf(video.Sha256)));

        var testimony = await db.Store.CreateAsync(new Testimony
        {
            SubjectPersonId = subject.Id,
            TestifierPersonId = sister.Id,
            Relation = TestimonyRelation.Sibling,
            RecordedOn = FuzzyDate.OnDay(2020, 11, 2),
            Medium = TestimonyMedium.Video,
            Files = [video],
        }, Alice);
        var source = await db.Store.CreateAsync(Build.Source(), Alice);
        var lawCase = await db.Store.CreateAsync(new Case
        {
            Title = "Asylum of Dana Testova",
            Kind = CaseKind.Asylum,
            Parties = [new CaseParty(CasePartyRole.Applicant, sister.Id)],
            Deadlines = [new Deadline(new DateOnly(2030, 1, 15), DeadlineKind.AppealDue)],
            Hearings = [new Hearing(new DateOnly(2029, 12, 1), "first hearing")],
        }, Alice);
        var citation = await db.Store.CreateAsync(new Citation
        {
            SourceId = source.Id, TargetKind = RecordKind.Case, TargetId = lawCase.Id, Level = EvidenceLevel.Documented, Quote = "the court heard",
        }, Alice);

        Assert.Equal(video, (await db.Store.GetAsync<Testimony>(testimony.Id))!.Files[0]);
        Assert.Equal(Source.HashText("Text of A report"), (await db.Store.GetAsync<Source>(source.Id))!.ContentHash);
        Assert.Equal(EvidenceLevel.Documented, (await db.Store.GetAsync<Citation>(citation.Id))!.Level);
        Assert.Equal(new DateOnly(2029, 12, 1), (await db.Store.GetAsync<Case>(lawCase.Id))!.NextDue(new DateOnly(2029, 1, 1)));
        Assert.Equal(2, await db.RowsAsync("case_dates"));

        var missingFile = await Assert.ThrowsAsync<ValidationException>(() => db.Store.CreateAsync(new Testimony
        {
            SubjectPersonId = subject.Id,
            Files = [new StoredFile(new string('a', 64), 10, "video/mp4", "x.mp4")],
        }, Alice));
        Assert.Contains(missingFile.Errors, e => e.Field == "files[0]" && e.Message.Contains("not been uploaded"));

        var badCitation = await Assert.ThrowsAsync<ValidationException>(() => db.Store.CreateAsync(new Citation
        {
            SourceId = source.Id, TargetKind = RecordKind.Event, TargetId = 12345, Level = EvidenceLevel.Unverified,
        }, Alice));
        Assert.Contains(badCitation.Errors, e => e.Field == "targetId");
    }

    private static string KuagerJsonText(Person p) => System.Text.Json.JsonSerializer.Serialize(p, KuagerJson.Options);

    private static async Task<string> StatusAsync(TestDatabase db, long personId)
    {
        await using var connection = await db.Database.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT status FROM persons WHERE id = @personId", new { personId }) ?? "";
    }

    private static async Task<string> PathAsync(TestDatabase db, long placeId)
    {
        await using var connection = await db.Database.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT path FROM places WHERE id = @placeId", new { placeId }) ?? "";
    }
}
