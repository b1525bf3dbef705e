using System.Text.Json;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Tests.Security;

/// <summary>Confidential fields are encrypted at rest on both providers, and opened only for readers who may see them.</summary>
public sealed class SealingTests
{
    private const string Canary = "+7 701 555 0199 CANARY";
    private const string Editor = "editor-e";

    private static readonly Viewer EditorViewer = new(Editor, Role.Editor);
    private static readonly Viewer ResearcherViewer = new("researcher-r", Role.Researcher);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reporter_contact_is_nowhere_in_the_database_in_plain_text(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = await db.Store.CreateAsync(Build.Person() with { Reporter = "Reporter CANARY-R", ReporterContact = Canary }, Editor);
        await db.Store.UpdateAsync(created with { ReporterContact = Canary + " NEW", Notes = "moved" }, Editor);

        Assert.Empty(await RawDatabase.FindAsync(db, "CANARY"));
        Assert.Empty(await RawDatabase.FindAsync(db, "555 0199"));

        // The registry itself still reads it, for those who may see it.
        var read = await db.Store.GetAsync<Person>(created.Id, EditorViewer);
        Assert.Equal(Canary + " NEW", read!.ReporterContact);
        Assert.Equal("Reporter CANARY-R", read.Reporter);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Revisions_hold_contact_details_sealed_and_open_them_for_editors_only(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = await db.Store.CreateAsync(Build.Person() with { ReporterContact = Canary }, Editor);
        await db.Store.UpdateAsync(created with { ReporterContact = "other CANARY" }, Editor);

        await using (var connection = await db.Database.OpenAsync())
        {
            var changes = (await connection.QueryAsync<string>("SELECT changes FROM revisions")).ToList();
            Assert.Equal(2, changes.Count);
            Assert.All(changes, c => Assert.DoesNotContain("CANARY", c, StringComparison.Ordinal));
            Assert.All(changes, c => Assert.Contains(KeyRing.SealPrefix, c, StringComparison.Ordinal));
        }

        var forEditor = await db.Store.HistoryAsync(RecordKind.Person, created.Id, EditorViewer);
        var change = forEditor[1].Changes.Single(c => c.Field == "reporterContact");
        Assert.Equal($"\"{Canary}\"", change.Old);
        Assert.Equal("\"other CANARY\"", change.New);
        Assert.Equal($"\"{Canary}\"", forEditor[0].Changes.Single(c => c.Field == "reporterContact").New);

        var forResearcher = await db.Store.HistoryAsync(RecordKind.Person, created.Id, ResearcherViewer);
        var text = JsonSerializer.Serialize(forResearcher, KuagerJson.Options);
        Assert.DoesNotContain("CANARY", text, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyRing.SealPrefix, text, StringComparison.Ordinal);
        Assert.All(forResearcher.SelectMany(r => r.Changes).Where(c => c.Field == "reporterContact"), c => Assert.True(c.Withheld));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_researcher_gets_no_value_and_no_sealed_string_an_editor_the_plain_text(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = await db.Store.CreateAsync(Build.Person() with { ReporterContact = Canary, Notes = "notes CANARY", ConfidentialFields = ["notes"] }, Editor);

        var researcher = await db.Store.GetAsync<Person>(created.Id, ResearcherViewer);
        Assert.NotNull(researcher);
        Assert.Null(researcher.ReporterContact);
        Assert.Null(researcher.Notes);
        var shown = JsonSerializer.Serialize(researcher, KuagerJson.Options);
        Assert.DoesNotContain("CANARY", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyRing.SealPrefix, shown, StringComparison.Ordinal);

        // Rows a query read itself go through Read, the same way.
        await using var connection = await db.Database.OpenAsync();
        var row = await connection.QuerySingleAsync<(long Id, int Version, string Data)>("SELECT id, version, data FROM persons WHERE id = @Id", new { created.Id });
        var read = db.Store.Read<Person>(row.Id, row.Version, row.Data, ResearcherViewer);
        Assert.Null(read.ReporterContact);
        Assert.DoesNotContain(KeyRing.SealPrefix, JsonSerializer.Serialize(read, KuagerJson.Options), StringComparison.Ordinal);

        var editor = db.Store.Read<Person>(row.Id, row.Version, row.Data, EditorViewer);
        Assert.Equal(Canary, editor.ReporterContact);
        Assert.Equal("notes CANARY", editor.Notes);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Marking_a_field_confidential_seals_it_in_the_earlier_revisions_too(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = await db.Store.CreateAsync(Build.Person() with { Notes = "first NOTE-CANARY" }, Editor);
        var second = await db.Store.UpdateAsync(created with { Notes = "second NOTE-CANARY" }, Editor);
        var marked = await db.Store.UpdateAsync(second with { ConfidentialFields = ["notes"] }, Editor);
        await db.Store.UpdateAsync(marked with { Notes = "third NOTE-CANARY" }, Editor);

        Assert.Empty(await RawDatabase.FindAsync(db, "NOTE-CANARY"));

        var history = await db.Store.HistoryAsync(RecordKind.Person, created.Id, EditorViewer);
        Assert.Equal("\"first NOTE-CANARY\"", history[0].Changes.Single(c => c.Field == "notes").New);
        Assert.Equal("\"second NOTE-CANARY\"", history[1].Changes.Single(c => c.Field == "notes").New);
        Assert.Equal("\"third NOTE-CANARY\"", history[3].Changes.Single(c => c.Field == "notes").New);
        var forResearcher = JsonSerializer.Serialize(await db.Store.HistoryAsync(RecordKind.Person, created.Id, ResearcherViewer), KuagerJson.Options);
        Assert.DoesNotContain("NOTE-CANARY", forResearcher, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Projections_and_child_rows_never_hold_a_confidential_value(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var person = Build.Person() with { Ethnicity = "ETHNIC-CANARY", Citizenships = ["CITIZEN-CANARY"], ConfidentialFields = ["citizenships", "ethnicity"] };
        var created = await db.Store.CreateAsync(person, Editor);
        await db.Store.CreateAsync(new Testimony { SubjectPersonId = created.Id, WitnessContact = "WITNESS-CANARY", Summary = "s" }, Editor);

        Assert.Empty(await RawDatabase.FindAsync(db, "ETHNIC-CANARY"));
        Assert.Empty(await RawDatabase.FindAsync(db, "CITIZEN-CANARY"));
        Assert.Empty(await RawDatabase.FindAsync(db, "WITNESS-CANARY"));
        Assert.Equal(0, await db.RowsAsync("person_citizenships"));
        var read = await db.Store.GetAsync<Person>(created.Id, EditorViewer);
        Assert.Equal(["CITIZEN-CANARY"], read!.Citizenships);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_with_reporter_contact_seals_it_as_a_save_does(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var file = Path.Combine(db.WorkDirectory, "people.csv");
        await File.WriteAllTextAsync(file,
            "external_id,name,reporter,reporter_contact\nX-1,Aigerim Testova,Reporter CANARY-R,\"" + Canary + "\"\nX-2,Erlan Testov,,\n");

        var result = await new PersonImport(db.Database, new ImportOptions("cli:test")).ImportFileAsync(file);

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Imported);
        Assert.Empty(await RawDatabase.FindAsync(db, "CANARY"));
        await using var connection = await db.Database.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM persons WHERE external_id = 'X-1'");
        var read = await db.Store.GetAsync<Person>(id, EditorViewer);
        Assert.Equal(Canary, read!.ReporterContact);
        Assert.Equal("Reporter CANARY-R", read.Reporter);
        Assert.Null((await db.Store.GetAsync<Person>(id, ResearcherViewer))!.ReporterContact);

        // A second import that changes the contact updates it, sealed as well.
        await File.WriteAllTextAsync(file, "external_id,name,reporter_contact\nX-1,Aigerim Testova,changed CANARY\n");
        var again = await new PersonImport(db.Database, new ImportOptions("cli:test")).ImportFileAsync(file);
        Assert.Equal(1, again.Updated);
        Assert.Empty(await RawDatabase.FindAsync(db, "CANARY"));
        Assert.Equal("changed CANARY", (await db.Store.GetAsync<Person>(id, EditorViewer))!.ReporterContact);
        Assert.Equal("Reporter CANARY-R", (await db.Store.GetAsync<Person>(id, EditorViewer))!.Reporter);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_tampered_sealed_value_is_a_clear_error_never_plain_text(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = await db.Store.CreateAsync(Build.Person() with { ReporterContact = Canary }, Editor);
        var other = await db.Store.CreateAsync(Build.Person() with { ReporterContact = "someone else" }, Editor);
        await using var connection = await db.Database.OpenAsync();
        var data = await connection.ExecuteScalarAsync<string>("SELECT data FROM persons WHERE id = @Id", new { created.Id });
        var node = System.Text.Json.Nodes.JsonNode.Parse(data!)!.AsObject();
        var sealedValue = node["reporterContact"]!.GetValue<string>();

        // One character of the ciphertext changed.
        var flipped = sealedValue[..^4] + (sealedValue[^4] == 'A' ? 'B' : 'A') + sealedValue[^3..];
        await SetContactAsync(connection, created.Id, node, flipped);
        var altered = await Assert.ThrowsAsync<KeyException>(() => db.Store.GetAsync<Person>(created.Id, EditorViewer));
        Assert.Contains("altered", altered.Message, StringComparison.Ordinal);

        // A sealed value moved from another record does not open here.
        var otherData = await connection.ExecuteScalarAsync<string>("SELECT data FROM persons WHERE id = @Id", new { other.Id });
        await SetContactAsync(connection, created.Id, node, System.Text.Json.Nodes.JsonNode.Parse(otherData!)!["reporterContact"]!.GetValue<string>());
        await Assert.ThrowsAsync<KeyException>(() => db.Store.GetAsync<Person>(created.Id, EditorViewer));

        // A plain value put in place of the sealed one is refused, not shown.
        await SetContactAsync(connection, created.Id, node, "planted plain text");
        var plain = await Assert.ThrowsAsync<KeyException>(() => db.Store.GetAsync<Person>(created.Id, EditorViewer));
        Assert.Contains("unsealed", plain.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("planted", plain.Message, StringComparison.Ordinal);
    }

    private static Task SetContactAsync(System.Data.Common.DbConnection connection, long id, System.Text.Json.Nodes.JsonObject node, string value)
    {
        node["reporterContact"] = value;
        return connection.ExecuteAsync("UPDATE persons SET data = @data WHERE id = @id", new { data = node.ToJsonString(), id });
    }
}
