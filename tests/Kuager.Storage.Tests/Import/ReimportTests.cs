using Kuager.Core;
using static Kuager.Storage.Tests.Import.ImportFixtures;

namespace Kuager.Storage.Tests.Import;

/// <summary>Importing into a registry that already has the people: restores, exports read back, forgiving paths.</summary>
public sealed class ReimportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reimporting_a_deleted_person_restores_them_as_a_revision_that_can_be_undone(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = await db.Store.CreateAsync(Build.Person(externalId: "D-1"), "alice");
        await db.Store.DeleteAsync<Person>(person.Id, person.Version, "alice");

        var result = await ImportAsync(db, "again.csv", "external_id,name\nD-1,Aigerim Testova\n");

        Assert.True(result.Ok, Where(result.Errors));
        Assert.Equal(1, result.Updated);
        var history = await db.Store.HistoryAsync(RecordKind.Person, person.Id);
        Assert.Equal(
            [RevisionAction.Create, RevisionAction.Delete, RevisionAction.Restore],
            history.Select(r => r.Action).Where(a => a != RevisionAction.Update));
        Assert.NotNull(await db.Store.GetAsync<Person>(person.Id));

        var restore = history.Single(r => r.Action == RevisionAction.Restore);
        Assert.NotNull(restore);
        Assert.Equal(1, (await Stats.CountAsync(db.Database)).Persons);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_the_registrys_own_export_back_changes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var vague = await db.Store.CreateAsync(Build.Person(externalId: "V-1") with { BirthDate = FuzzyDate.Circa(1970) }, "alice");
        var precise = await db.Store.CreateAsync(Build.Person(externalId: "V-2") with { BirthDate = FuzzyDate.OnDay(1981, 5, 4) }, "alice");
        await db.Store.CreateAsync(Build.Event("detained", precise.Id, FuzzyDate.InYear(2018)), "alice");
        var revisions = await db.RowsAsync("revisions");

        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Json })
        {
            var exported = await ExportAsync(db, format);
            var result = await ImportAsync(db, WriteBytes(db, format == ExportFormat.Csv ? "back.csv" : "back.json", exported));

            Assert.True(result.Ok, Where(result.Errors));
            Assert.Equal(2, result.Updated);
        }

        Assert.Equal(revisions, await db.RowsAsync("revisions"));
        Assert.Equal("~1970", (await db.Store.GetAsync<Person>(vague.Id))!.BirthDate!.ToCanonical());
        Assert.Equal(PersonStatus.Unknown, (await db.Store.GetAsync<Person>(precise.Id))!.ReportedStatus);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Hometown_paths_typed_in_another_case_reuse_the_existing_places(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportValidAsync(db, "a.csv", "external_id,name,hometown\nH-1,A,China > Xinjiang > Ili\n");
        await ImportValidAsync(db, "b.csv", "external_id,name,hometown\nH-2,B,china > XINJIANG > ili\n");

        Assert.Equal(3, await db.RowsAsync("places"));
        Assert.Equal((await PersonAsync(db, "H-1")).HometownId, (await PersonAsync(db, "H-2")).HometownId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Spreadsheet_rows_of_only_commas_are_blank_and_keep_their_row_numbers(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await ImportAsync(db, "commas.csv", "external_id,name,gender\nC-1,A,m\n,,\n   \nC-2,B,x\n");

        ExpectedError.AssertReported("commas", result, ExpectedError.At(5, "gender", "\"x\" is not a gender"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_bytes_in_a_file_with_old_Mac_line_endings_are_reported_on_their_row(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await ImportAsync(db, WriteBytes(db, "cr.csv", [.. Utf8("external_id,name\rX-1,A\rX-2,B"), 0xFF, .. Utf8("\rX-3,C\r")]));

        ExpectedError.AssertReported("cr", result, ExpectedError.At(3, null, "not valid UTF-8"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_trailing_comma_in_the_header_is_named_for_what_it_is(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await ImportAsync(db, "trailing.csv", "external_id,name,\nT-1,A,\n");

        ExpectedError.AssertReported("trailing", result, ExpectedError.At(1, "", "comma at the end of the header"));
    }
}
