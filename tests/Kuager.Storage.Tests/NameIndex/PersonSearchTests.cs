using Dapper;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage.Search;
using Kuager.Storage.Tests.Import;

namespace Kuager.Storage.Tests.NameIndex;

/// <summary>
/// Person search over a real database on both providers: the persisted name parts follow every write in the same
/// transaction, the in-memory index catches up with changes from anywhere, and results keep to the viewer.
/// </summary>
public sealed class PersonSearchTests
{
    private const string Editor = "editor";
    private static readonly Viewer Admin = Viewer.Operator("search-test");
    private static readonly Viewer Researcher = new("reader", Role.Researcher);
    private static readonly Viewer Visitor = Viewer.Anonymous;

    private static Person Named(string name, params string[] aliases) => Build.Person() with
    {
        Names = [new PersonName(name, ScriptDetector.Detect(name), NameKind.Primary), .. aliases.Select(a => PersonName.Detect(a))],
        Confidentiality = Confidentiality.Public,
    };

    private static async Task<IReadOnlyList<PersonMatch>> FindAsync(TestDatabase db, string text, Viewer? viewer = null, int limit = 10) =>
        await PersonSearch.For(db.Database).SearchAsync(new PersonQuery(text) { Limit = limit }, viewer ?? Admin);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_saved_person_is_found_by_any_of_its_names_with_the_name_that_matched(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ilham = await db.Store.CreateAsync(Named("Ilham Tohti", "ئىلھام توختى"), Editor);
        await db.Store.CreateAsync(Named("Serik Akhmetov"), Editor);

        var hits = await FindAsync(db, "ئىلھام توختى");

        var hit = Assert.Single(hits, h => h.Id == ilham.Id);
        Assert.Equal(hits[0], hit);
        Assert.Equal("Ilham Tohti", hit.Name);
        Assert.Equal("ئىلھام توختى", hit.Matched);
        Assert.Equal(Script.UyghurArabic, hit.MatchedScript);
        Assert.Equal(ilham.ExternalId, hit.ExternalId);
        Assert.InRange(hit.Score, 0.99, 1.0);
        Assert.DoesNotContain(hits, h => h.Name == "Serik Akhmetov");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edits_deletes_restores_and_undos_are_found_at_once(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(Named("Gulnar Omarova"), Editor);
        Assert.Single(await FindAsync(db, "Gulnar Omarova"));

        var renamed = await db.Store.UpdateAsync(person with { Names = [new PersonName("Aygul Sadyrova", Script.English, NameKind.Primary)] }, Editor);
        Assert.DoesNotContain(await FindAsync(db, "Gulnar Omarova"), h => h.Id == person.Id);
        Assert.Equal(person.Id, (await FindAsync(db, "Aygul Sadyrova"))[0].Id);

        var history = await db.Store.HistoryAsync(RecordKind.Person, person.Id);
        await db.Store.UndoAsync(history.Single(r => r.Version == renamed.Version).Id, Editor);
        Assert.Equal(person.Id, (await FindAsync(db, "Gulnar Omarova"))[0].Id);
        Assert.DoesNotContain(await FindAsync(db, "Aygul Sadyrova"), h => h.Id == person.Id);

        var current = await db.Store.GetAsync<Person>(person.Id);
        await db.Store.DeleteAsync<Person>(person.Id, current!.Version, Editor);
        Assert.Empty(await FindAsync(db, "Gulnar Omarova"));

        await using (var session = await Session.BeginAsync(db.Database, Editor))
        {
            await session.RestoreAsync<Person>(person.Id);
            await session.CommitAsync();
        }

        Assert.Equal(person.Id, (await FindAsync(db, "Gulnar Omarova"))[0].Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failed_save_leaves_neither_name_rows_nor_index_entries(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await FindAsync(db, "anything");
        await using (var session = await Session.BeginAsync(db.Database, Editor))
        {
            await session.CreateAsync(Named("Rozi Memet"));
            // Disposed without commit: the save is rolled back, name rows and change notes with it.
        }

        Assert.Equal(0, await db.RowsAsync("name_parts"));
        Assert.Empty(await FindAsync(db, "Rozi Memet"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_process_writing_to_the_database_is_seen_by_a_running_index(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.CreateAsync(Named("Nurlan Ospanov"), Editor);
        Assert.Single(await FindAsync(db, "Nurlan Ospanov"));

        // A second Database object is what a second process (kuager import beside kuager serve) would hold.
        var other = Database.From(db.Value);
        other.KeyFile = db.Database.KeyFile;
        await Migrator.MigrateAsync(other);
        await ImportFixtures.ImportValidAsync(db, "more.csv", "external_id,name,confidentiality\nX-1,Nurlan Ospanov,public\nX-2,Baibolat Kunbolatuly,public\n");
        await new RecordStore(other).CreateAsync(Named("Yerlan Zhumabek"), Editor);

        Assert.Equal(2, (await FindAsync(db, "Nurlan Ospanov")).Count(h => h.Score == 1));
        Assert.Equal("X-2", (await FindAsync(db, "Baibolat Kunbolatuly"))[0].ExternalId);
        Assert.Equal("Yerlan Zhumabek", (await FindAsync(db, "Yerlan Zhumabek"))[0].Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_index_is_loaded_once_and_then_only_catches_up_until_the_name_rows_are_recomputed(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.CreateAsync(Named("Nurlan Ospanov"), Editor);
        var indexes = NameIndexes.For(db.Database);

        await FindAsync(db, "Nurlan Ospanov");
        await db.Store.CreateAsync(Named("Aygul Sadyrova"), Editor);
        Assert.Single(await FindAsync(db, "Aygul Sadyrova"));
        await FindAsync(db, "Nurlan Ospanov");
        Assert.Equal(1, indexes.Loads);

        await NameParts.RebuildAsync(db.Database);
        Assert.Single(await FindAsync(db, "Aygul Sadyrova"));
        await FindAsync(db, "Nurlan Ospanov");
        await db.Store.CreateAsync(Named("Yerlan Zhumabek"), Editor);
        Assert.Single(await FindAsync(db, "Yerlan Zhumabek"));
        Assert.Equal(2, indexes.Loads);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Readers_find_only_the_people_they_may_see_even_after_a_change_of_level(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var open = await db.Store.CreateAsync(Named("Aygul Tursun"), Editor);
        var restricted = await db.Store.CreateAsync(Named("Aygul Tursun") with { Confidentiality = Confidentiality.Restricted }, Editor);
        var secret = await db.Store.CreateAsync(Named("Aygul Tursun") with { Confidentiality = Confidentiality.Confidential }, Editor);

        Assert.Equal([open.Id], (await FindAsync(db, "Aygul Tursun", Visitor)).Select(h => h.Id));
        Assert.Equal(new[] { open.Id, restricted.Id }.Order(), (await FindAsync(db, "Aygul Tursun", Researcher)).Select(h => h.Id).Order());
        Assert.Equal(3, (await FindAsync(db, "Aygul Tursun", Admin)).Count);
        Assert.Equal(Confidentiality.Confidential, (await FindAsync(db, "Aygul Tursun", Admin)).Single(h => h.Id == secret.Id).Confidentiality);

        await db.Store.UpdateAsync(open with { Confidentiality = Confidentiality.Confidential }, Editor);
        Assert.Empty(await FindAsync(db, "Aygul Tursun", Visitor));
        Assert.Equal([restricted.Id], (await FindAsync(db, "Aygul Tursun", Researcher)).Select(h => h.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_keep_people_by_status_ethnicity_hometown_event_dates_and_evidence(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var region = await db.Store.CreateAsync(Build.Place("Ili") with { Confidentiality = Confidentiality.Public }, Editor);
        var town = await db.Store.CreateAsync(Build.Place("Gulja", region.Id) with { Confidentiality = Confidentiality.Public }, Editor);
        var elsewhere = await db.Store.CreateAsync(Build.Place("Altay") with { Confidentiality = Confidentiality.Public }, Editor);
        var a = await db.Store.CreateAsync(Named("Memet Imin") with { HometownId = town.Id, Ethnicity = "Uyghur", ReportedStatus = PersonStatus.Imprisoned }, Editor);
        var b = await db.Store.CreateAsync(Named("Memet Imin") with { HometownId = elsewhere.Id, Ethnicity = "Kazakh", ReportedStatus = PersonStatus.Released }, Editor);
        var source = await db.Store.CreateAsync(Build.Source() with { Confidentiality = Confidentiality.Public }, Editor);
        await db.Store.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Person, TargetId = a.Id, Level = EvidenceLevel.Documented, Confidentiality = Confidentiality.Public }, Editor);
        await db.Store.CreateAsync(Build.Event("detained", b.Id, FuzzyDate.InYear(2018)) with { Confidentiality = Confidentiality.Public }, Editor);

        async Task<long[]> Ids(PersonQuery q) => (await PersonSearch.For(db.Database).SearchAsync(q, Admin)).Select(h => h.Id).ToArray();
        var q = new PersonQuery("Memet Imin");
        Assert.Equal(2, (await Ids(q)).Length);
        Assert.Equal([a.Id], await Ids(q with { Status = PersonStatus.Imprisoned }));
        Assert.Equal([b.Id], await Ids(q with { Ethnicity = "kazakh" }));
        Assert.Equal([a.Id], await Ids(q with { PlaceId = region.Id }));
        Assert.Equal([a.Id], await Ids(q with { PlaceId = town.Id }));
        Assert.Equal([a.Id], await Ids(q with { MinEvidence = EvidenceLevel.Documented }));
        Assert.Equal([b.Id], await Ids(q with { From = new DateOnly(2018, 6, 1), To = new DateOnly(2019, 1, 1) }));
        Assert.Empty(await Ids(q with { From = new DateOnly(2019, 1, 1) }));
        Assert.Empty(await Ids(q with { Status = PersonStatus.Deceased }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_birth_year_in_the_query_puts_the_namesake_born_then_first(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var older = await db.Store.CreateAsync(Named("Abdurehim Heyit") with { BirthDate = FuzzyDate.InYear(1962) }, Editor);
        var younger = await db.Store.CreateAsync(Named("Abdurehim Heyit") with { BirthDate = FuzzyDate.InYear(1990) }, Editor);

        Assert.Equal(younger.Id, (await FindAsync(db, "Abdurehim Heyit 1990"))[0].Id);
        Assert.Equal(older.Id, (await FindAsync(db, "1962 Abdurehim Heyit"))[0].Id);
        Assert.Equal(older.Id, (await PersonSearch.For(db.Database).SearchAsync(new PersonQuery("Abdurehim Heyit") { BirthYear = 1963 }, Admin))[0].Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_place_given_with_the_query_puts_the_namesake_from_there_first_without_filtering_the_others(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ili = await db.Store.CreateAsync(Build.Place("Ili") with { Confidentiality = Confidentiality.Public }, Editor);
        var gulja = await db.Store.CreateAsync(Build.Place("Gulja", ili.Id) with { Confidentiality = Confidentiality.Public }, Editor);
        var altay = await db.Store.CreateAsync(Build.Place("Altay") with { Confidentiality = Confidentiality.Public }, Editor);
        var first = await db.Store.CreateAsync(Named("Abdurehim Heyit") with { HometownId = altay.Id }, Editor);
        var fromGulja = await db.Store.CreateAsync(Named("Abdurehim Heyit") with { HometownId = gulja.Id }, Editor);

        async Task<long[]> Ids(string? place) =>
            (await PersonSearch.For(db.Database).SearchAsync(new PersonQuery("Abdurehim Heyit") { Place = place }, Admin)).Select(h => h.Id).ToArray();

        Assert.Equal([first.Id, fromGulja.Id], await Ids(null));
        Assert.Equal([fromGulja.Id, first.Id], await Ids("gulja"));
        Assert.Equal([fromGulja.Id, first.Id], await Ids("Ili"));
        Assert.Equal([first.Id, fromGulja.Id], await Ids("Altay"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Name_rows_made_by_another_version_of_the_name_library_are_recomputed_on_start(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(Named("Sayragul Sauytbay", "Сайрагүл Сауытбай"), Editor);
        await using (var c = await db.Database.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE name_parts SET latin = 'stale', name_key = 'stale'");
            await c.ExecuteAsync("UPDATE settings SET value = 'older' WHERE name = 'names.fingerprint'");
        }

        await Migrator.MigrateAsync(db.Database);

        await using (var c = await db.Database.OpenAsync())
        {
            Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM name_parts WHERE latin = 'stale'"));
            Assert.Equal(NameKeys.Of("Sayragul Sauytbay").Parts.Count + NameKeys.Of("Сайрагүл Сауытбай").Parts.Count,
                await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM name_parts WHERE person_id = @Id", new { person.Id }));
        }

        Assert.Equal(person.Id, Assert.Single(await FindAsync(db, "Sayragul Sauytbay")).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_imported_person_has_its_name_rows_written_in_the_import(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportFixtures.ImportValidAsync(db, "people.csv",
            "external_id,name,names,confidentiality\nI-1,Қайша Ақан,Qaisha Aqan,public\nI-2,Jewher Ilham,,public\n");
        var id = await ImportFixtures.PersonIdAsync(db, "I-1");

        await using (var c = await db.Database.OpenAsync())
        {
            Assert.Equal(4, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM name_parts WHERE person_id = @id", new { id }));
        }

        var hit = Assert.Single(await FindAsync(db, "Qaisha Aqan", Visitor));
        Assert.Equal(id, hit.Id);
        Assert.Equal("Қайша Ақан", hit.Name);
    }
}
