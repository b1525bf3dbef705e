using System.Text.Json;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Storage.Tests.Ingestion;
using static Kuager.Cli.Tests.CliRun;

namespace Kuager.Cli.Tests;

/// <summary>
/// `kuager ingest`, whose JSON is read by checks outside the repository: {"sources": [...]} with one entry per article,
/// each with exactly source_id, title, date, duplicate_of, persons ({name, mentions, matched_person_id}), places ({name}),
/// organizations ({name}) and events ({type, date, persons, sentence}).
/// </summary>
public sealed class IngestCommandTests
{
    private static readonly string[] SourceKeys = ["source_id", "title", "date", "duplicate_of", "persons", "places", "organizations", "events"];
    private static readonly string[] PersonKeys = ["name", "mentions", "matched_person_id"];
    private static readonly string[] EventKeys = ["type", "date", "persons", "sentence"];

    private static string[] Args(TestDatabase db, params string[] args) => [.. args, "--db", db.Value, "--key-file", db.Database.KeyFile!];

    private static string Write(TestDatabase db, string name, string text)
    {
        var path = Path.Combine(db.WorkDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ingest_json_prints_one_entry_per_article_with_exactly_the_agreed_keys(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var file = Write(db, "story.txt", SourceIngestionTests.Story);

        var run = await InProcessAsync(Args(db, "ingest", file, "--date", "2021-03-02", "--publisher", "Steppe Wire", "--url", "https://steppe.example/1", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.SingleJsonObject();
        Assert.Equal(["sources"], Keys(root));
        var source = Assert.Single(root.GetProperty("sources").EnumerateArray());
        Assert.Equal(SourceKeys, Keys(source));
        Assert.True(source.GetProperty("source_id").GetInt64() > 0);
        Assert.Equal("Picket at the consulate", source.GetProperty("title").GetString());
        Assert.Equal("2021-03-02", source.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, source.GetProperty("duplicate_of").ValueKind);
        var persons = source.GetProperty("persons").EnumerateArray().ToList();
        Assert.All(persons, p => Assert.Equal(PersonKeys, Keys(p)));
        var kabdolov = Assert.Single(persons, p => p.GetProperty("name").GetString() == "Yerlan Kabdolov");
        Assert.Equal(["Yerlan Kabdolov", "Kabdolov"], kabdolov.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(JsonValueKind.Null, kabdolov.GetProperty("matched_person_id").ValueKind);
        Assert.Contains("Ghulja", source.GetProperty("places").EnumerateArray().Select(p => Assert.Single(Keys(p)) == "name" ? p.GetProperty("name").GetString() : null));
        Assert.Contains("Chinese Consulate in Almaty", source.GetProperty("organizations").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var events = source.GetProperty("events").EnumerateArray().ToList();
        Assert.All(events, e => Assert.Equal(EventKeys, Keys(e)));
        var arrest = Assert.Single(events, e => e.GetProperty("type").GetString() == "administrative-arrest");
        Assert.Equal(["Yerlan Kabdolov"], arrest.GetProperty("persons").EnumerateArray().Select(p => p.GetString()));
        Assert.StartsWith("A court later sentenced Kabdolov to 10 days", arrest.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        var picket = Assert.Single(events, e => e.GetProperty("type").GetString() == "picket" && e.GetProperty("sentence").GetString()!.StartsWith("ALMATY", StringComparison.Ordinal));
        Assert.Equal("2021-02-22", picket.GetProperty("date").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_repeated_ingest_of_a_folder_gives_duplicate_of_the_earlier_source_ids(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var folder = Path.Combine(db.WorkDirectory, "pages");
        Write(db, "pages/a.txt", SourceIngestionTests.Story);
        Write(db, "pages/sub/b.md", "# Two men ask for asylum\n\n" + string.Join("\n\n", SourceIngestionTests.OtherStory.Split("\n\n").Skip(1)));
        Write(db, "pages/notes.csv", "not,a,page\n");

        var first = await InProcessAsync(Args(db, "ingest", folder, "--json"));
        var second = await InProcessAsync(Args(db, "ingest", folder, "--json"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var before = first.SingleJsonObject().GetProperty("sources").EnumerateArray().ToList();
        var after = second.SingleJsonObject().GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(2, before.Count);
        Assert.All(before, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("duplicate_of").ValueKind));
        Assert.Equal(before.Select(s => s.GetProperty("source_id").GetInt64()), after.Select(s => s.GetProperty("duplicate_of").GetInt64()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_missing_path_fails_with_exit_1_and_writes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await db.SnapshotAsync();

        var run = await InProcessAsync(Args(db, "ingest", Path.Combine(db.WorkDirectory, "nowhere.txt"), "--json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("nowhere.txt does not exist", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await db.SnapshotAsync());
    }

    [Theory]
    [InlineData("--date", "22.02.2021", "is not a date; write YYYY-MM-DD")]
    [InlineData("--url", "javascript:alert(1)", "is not a web address")]
    public async Task A_bad_option_is_a_usage_error(string option, string value, string message)
    {
        await using var db = await TestDatabase.CreateAsync(Provider.Sqlite);
        var file = Write(db, "story.txt", SourceIngestionTests.Story);

        var run = await InProcessAsync(Args(db, "ingest", file, option, value, "--json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Kind_says_what_the_text_is_and_an_unknown_kind_is_a_usage_error_that_writes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var file = Write(db, "testimony.txt", SourceIngestionTests.Story);

        var bad = await InProcessAsync(Args(db, "ingest", file, "--kind", "rumour", "--json"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal(0, await db.RowsAsync("sources"));

        var run = await InProcessAsync(Args(db, "ingest", file, "--kind", "first-person-testimony", "--language", "ru", "--json"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var id = run.SingleJsonObject().GetProperty("sources")[0].GetProperty("source_id").GetInt64();
        var source = await db.Store.GetAsync<Kuager.Core.Source>(id, Kuager.Core.Viewer.Operator("test"));
        Assert.Equal((Kuager.Core.SourceKind.Testimony, Kuager.Core.Confidentiality.Confidential, "ru"), (source!.Kind, source.Confidentiality, source.Language));
    }
}
