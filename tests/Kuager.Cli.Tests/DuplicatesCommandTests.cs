using System.Text.Json;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Storage.Tests.Import;
using static Kuager.Cli.Tests.CliRun;

namespace Kuager.Cli.Tests;

/// <summary>
/// `kuager duplicates`, whose JSON is read by checks outside the repository: one array of pairs, best first, each
/// with exactly a, b ({id, external_id, name}), score and reasons; and `kuager import`, which reports likely
/// duplicates of the people it creates without merging anything.
/// </summary>
public sealed class DuplicatesCommandTests
{
    private static readonly string[] PairKeys = ["a", "b", "score", "reasons"];
    private static readonly string[] SideKeys = ["id", "external_id", "name"];

    private const string People =
        "external_id,name,names,gender,birth_year,ethnicity,hometown,confidentiality\n" +
        "K-1,Кунболат Ерланулы,Kunbolat Erlanuly,male,1981,Kazakh,China > Xinjiang > Ili > Nilka > Ulastai,restricted\n" +
        "K-2,Qunbolat Yerlanuly,,male,1982,Kazakh,China > Xinjiang > Ili > Nilka,restricted\n" +
        "K-3,Kunbolat Erlanuly,,male,1950,Kazakh,Kazakhstan > Almaty,restricted\n" +
        "K-4,Gulnar Sadykova,,female,1990,Kazakh,Kazakhstan > Almaty,restricted\n" +
        "K-5,Гульнар Садыкова,,female,1990,Kazakh,Kazakhstan > Almaty,confidential\n";

    private static string[] Args(TestDatabase db, params string[] args) => [.. args, "--db", db.Value, "--key-file", db.Database.KeyFile!];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Duplicates_json_prints_the_pairs_best_first_with_exactly_the_agreed_keys(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportFixtures.ImportValidAsync(db, "people.csv", People);
        var before = await db.SnapshotAsync();

        var run = await InProcessAsync(Args(db, "duplicates", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n');
        Assert.True(lines is [_, ""], run.ToString());
        using var document = JsonDocument.Parse(lines[0]);
        var pairs = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, pairs.Count);
        foreach (var pair in pairs)
        {
            Assert.Equal(PairKeys, Keys(pair));
            Assert.Equal(SideKeys, Keys(pair.GetProperty("a")));
            Assert.Equal(SideKeys, Keys(pair.GetProperty("b")));
            Assert.True(pair.GetProperty("a").GetProperty("id").GetInt64() < pair.GetProperty("b").GetProperty("id").GetInt64());
            Assert.InRange(pair.GetProperty("score").GetDouble(), 0.0, 1.0);
            Assert.Equal("name", pair.GetProperty("reasons")[0].GetString());
        }

        Assert.True(pairs[0].GetProperty("score").GetDouble() >= pairs[1].GetProperty("score").GetDouble());
        var found = pairs.Select(p => (p.GetProperty("a").GetProperty("external_id").GetString(), p.GetProperty("b").GetProperty("external_id").GetString())).ToHashSet();
        Assert.Equal(new HashSet<(string?, string?)> { ("K-1", "K-2"), ("K-4", "K-5") }, found);
        var kunbolat = pairs.Single(p => p.GetProperty("a").GetProperty("external_id").GetString() == "K-1");
        Assert.Equal("Кунболат Ерланулы", kunbolat.GetProperty("a").GetProperty("name").GetString());
        Assert.Contains("birth_year", kunbolat.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("hometown", kunbolat.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        // Nothing is merged or written.
        Assert.Equal(before, await db.SnapshotAsync());

        // A threshold above every score leaves an empty array; one out of range is a usage error.
        var none = await InProcessAsync(Args(db, "duplicates", "--threshold", "0.9999", "--json"));
        Assert.Equal("[]\n", none.Stdout);
        var wrong = await InProcessAsync(Args(db, "duplicates", "--threshold", "1.5", "--json"));
        Assert.Equal(ExitCodes.Usage, wrong.ExitCode);
        Assert.Contains("--threshold must be between 0 and 1", wrong.Stderr);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_json_each_pair_is_one_readable_line(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportFixtures.ImportValidAsync(db, "people.csv", People);

        var run = await InProcessAsync(Args(db, "duplicates"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("K-1 Кунболат Ерланулы  =  K-2 Qunbolat Yerlanuly", StringComparison.Ordinal));
        Assert.Contains("2 pairs may be one person each", run.Stderr);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_reports_likely_duplicates_of_people_already_there_and_merges_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportFixtures.ImportValidAsync(db, "people.csv", People);
        var later = ImportFixtures.Write(db, "later.csv",
            "external_id,name,gender,birth_year,hometown\n" +
            "L-1,Kunbolat Yerlanuly,male,1981,China > Xinjiang > Ili\n" +
            "L-2,Serik Akhmetov,male,1970,Kazakhstan > Almaty\n");

        var run = await InProcessAsync(Args(db, "import", later, "--json"));

        // The JSON keeps exactly its agreed keys; the likely duplicates are told on standard error.
        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["imported", "updated", "errors"], Keys(document.RootElement));
        Assert.Equal(2, document.RootElement.GetProperty("imported").GetInt32());
        Assert.Contains("2 likely duplicate pair(s) involving new people", run.Stderr);
        var reported = run.Stderr.Split('\n').Where(l => l.StartsWith("  0.", StringComparison.Ordinal) || l.StartsWith("  1.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, l => Assert.EndsWith(")", l));
        Assert.Contains(reported, l => l.Contains("K-1 Кунболат Ерланулы  =  L-1 Kunbolat Yerlanuly", StringComparison.Ordinal));
        Assert.Contains(reported, l => l.Contains("K-2 Qunbolat Yerlanuly  =  L-1 Kunbolat Yerlanuly", StringComparison.Ordinal));
        Assert.DoesNotContain("L-2", run.Stderr);
        Assert.Equal(7, await db.RowsAsync("persons"));

        var plain = await InProcessAsync(Args(db, "import", ImportFixtures.Write(db, "again.csv",
            "external_id,name,gender,birth_year\nL-3,Gulnar Sadykova,female,1990\n")));
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("likely duplicate pair(s) involving new people (nothing was merged", plain.Stderr);
        Assert.Contains("L-3 Gulnar Sadykova", plain.Stderr);
    }
}
