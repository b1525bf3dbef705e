using System.Text.Json;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Storage.Tests.Import;
using static Kuager.Cli.Tests.CliRun;

namespace Kuager.Cli.Tests;

/// <summary>
/// `kuager search`, whose JSON is read by checks outside the repository: an array per query, best first, each hit
/// with exactly id, external_id, name, score, matched; with --batch one such array per input line, in order.
/// </summary>
public sealed class SearchCommandTests
{
    private static readonly string[] HitKeys = ["id", "external_id", "name", "score", "matched"];

    private const string People =
        "external_id,name,names,birth_year,confidentiality\n" +
        "S-1,Ilham Tohti,Ильхам Тохти,1969,public\n" +
        "S-2,Memet Tursun,,1975,restricted\n" +
        "S-3,Memet Tursun,,1981,confidential\n" +
        "S-4,Gulnar Omarova,,1990,public\n";

    private static async Task<TestDatabase> SeededAsync(Provider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await ImportFixtures.ImportValidAsync(db, "people.csv", People);
        return db;
    }

    private static string[] Args(TestDatabase db, params string[] args) => [.. args, "--db", db.Value, "--key-file", db.Database.KeyFile!];

    private static List<JsonElement> ArrayOf(string line)
    {
        using var document = JsonDocument.Parse(line);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_json_prints_one_array_of_hits_with_exactly_the_agreed_keys_best_first(Provider provider)
    {
        await using var db = await SeededAsync(provider);

        var run = await InProcessAsync(Args(db, "search", "Memet Tursun 1981", "--limit", "10", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n');
        Assert.True(lines is [_, ""], run.ToString());
        var hits = ArrayOf(lines[0]);
        Assert.Equal(2, hits.Count);
        foreach (var hit in hits)
        {
            Assert.Equal(HitKeys, Keys(hit));
            Assert.Equal(JsonValueKind.Number, hit.GetProperty("id").ValueKind);
            Assert.InRange(hit.GetProperty("score").GetDouble(), 0.0, 1.0);
            Assert.Equal("Memet Tursun", hit.GetProperty("name").GetString());
            Assert.Equal("Memet Tursun", hit.GetProperty("matched").GetString());
        }

        // The operator holds the database and its key, and finds every level; the year puts S-3 first among equals.
        Assert.Equal(["S-3", "S-2"], hits.Select(h => h.GetProperty("external_id").GetString()));
        Assert.True(hits[0].GetProperty("score").GetDouble() >= hits[1].GetProperty("score").GetDouble());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_batch_prints_one_array_per_input_line_in_order(Provider provider)
    {
        await using var db = await SeededAsync(provider);
        var batch = ImportFixtures.Write(db, "queries.txt", "Gulnar Omarova\n\nIlham Tohti\nnobody like this\nMemet Tursun\n");

        var run = await InProcessAsync(Args(db, "search", "--limit", "1", "--json", "--batch", batch));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n');
        Assert.True(lines.Length == 6 && lines[^1] == string.Empty, run.ToString());
        var results = lines[..^1].Select(ArrayOf).ToList();
        Assert.Equal("S-4", Assert.Single(results[0]).GetProperty("external_id").GetString());
        Assert.Empty(results[1]);
        Assert.Equal("S-1", Assert.Single(results[2]).GetProperty("external_id").GetString());
        Assert.Empty(results[3]);
        Assert.Equal("Memet Tursun", Assert.Single(results[4]).GetProperty("name").GetString());
        Assert.All(results.SelectMany(r => r), h => Assert.Equal(HitKeys, Keys(h)));
    }

    [Fact]
    public async Task Search_without_a_query_or_with_both_a_query_and_a_batch_is_a_usage_error()
    {
        await using var db = await SeededAsync(Provider.Sqlite);
        var batch = ImportFixtures.Write(db, "q.txt", "Ilham\n");

        var none = await InProcessAsync(Args(db, "search", "--json"));
        var both = await InProcessAsync(Args(db, "search", "Ilham", "--batch", batch, "--json"));
        var missing = await InProcessAsync(Args(db, "search", "--batch", Path.Combine(db.WorkDirectory, "absent.txt"), "--json"));
        var badLimit = await InProcessAsync(Args(db, "search", "Ilham", "--limit", "0", "--json"));

        Assert.Equal(2, none.ExitCode);
        Assert.Contains("give a name to search for", none.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("not both", both.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("absent.txt", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, badLimit.ExitCode);
        Assert.Contains("--limit must be between 1 and 1000", badLimit.Stderr, StringComparison.Ordinal);
        Assert.All(new[] { none, both, missing, badLimit }, r => Assert.Equal(string.Empty, r.Stdout));
    }
}
