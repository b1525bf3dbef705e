using System.Diagnostics;
using Kuager.Core;
using Kuager.Storage.Search;
using Xunit.Abstractions;

namespace Kuager.Storage.Tests.Search;

/// <summary>
/// Search quality on a labelled set written by hand, independent of the name library: people stored with the names a
/// volunteer would enter, found by the spellings relatives, the press, passports and Chinese notices use.
/// </summary>
public sealed class NameSearchQualityTests(ITestOutputHelper output)
{
    private const double RequiredRecallAt10 = 0.97;
    private const double RequiredRecallAt1 = 0.85;

    // Sanity floors: no single spelling system or pair may be left behind while the average looks good.
    private const double FloorRecallAt10 = 0.90;
    private const int PairFloorMinimumQueries = 20;

    private static readonly Lazy<LabelledSet> Set = new(LabelledSet.Load);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task People_are_found_whichever_script_and_spelling_the_name_arrives_in(Provider provider)
    {
        var set = Set.Value;
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var session = await Session.BeginAsync(db.Database, "quality-test"))
        {
            foreach (var person in set.People)
            {
                await session.CreateAsync(person.ToPerson());
            }

            await session.CommitAsync();
        }

        var search = PersonSearch.For(db.Database);
        var viewer = Viewer.Operator("quality-test");
        var clock = Stopwatch.StartNew();
        var outcomes = await SearchQuality.MeasureAsync(set.Queries, text => search.SearchAsync(new PersonQuery(text) { Limit = 10 }, viewer));
        clock.Stop();
        var quality = new SearchQuality(outcomes);
        var report = quality.Report($"Name search quality on {provider}: {set.People.Count} people, {outcomes.Count} queries, "
            + $"{clock.Elapsed.TotalMilliseconds / outcomes.Count:0.0} ms per query");
        output.WriteLine(report);

        var failures = new List<string>();
        if (quality.Overall.RecallAt10 < RequiredRecallAt10)
        {
            failures.Add($"overall recall@10 {quality.Overall.RecallAt10:0.000} < {RequiredRecallAt10}");
        }

        if (quality.Overall.RecallAt1 < RequiredRecallAt1)
        {
            failures.Add($"overall recall@1 {quality.Overall.RecallAt1:0.000} < {RequiredRecallAt1}");
        }

        failures.AddRange(quality.BySystem.Concat(quality.ByForm)
            .Concat(quality.ByPair.Where(p => p.Queries >= PairFloorMinimumQueries))
            .Where(f => f.RecallAt10 < FloorRecallAt10)
            .Select(f => $"{f.Group}: recall@10 {f.RecallAt10:0.000} < {FloorRecallAt10} over {f.Queries} queries"));
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\n" + report);
    }

    [Fact]
    public void The_labelled_set_is_large_well_formed_and_covers_every_script_and_spelling_system()
    {
        var set = Set.Value;
        var people = set.People.ToDictionary(p => p.ExternalId);
        var problems = new List<string>();

        Assert.Equal(set.People.Count, people.Count);
        Assert.InRange(set.People.Count, 250, 400);
        foreach (var p in set.People)
        {
            if (p.Names.Count is < 1 or > 4)
            {
                problems.Add($"{p.ExternalId} has {p.Names.Count} names (1 to 4 expected)");
            }
        }

        // Who holds each stored name: a query equal to a name stored on someone is no test of spelling.
        var holders = set.People
            .SelectMany(p => p.Names.Select(n => (Name: LabelledSet.Comparable(n.Text), p.ExternalId)))
            .ToLookup(x => x.Name, x => x.ExternalId);
        var targetsOfText = new Dictionary<string, string>();
        foreach (var q in set.Queries)
        {
            if (!people.TryGetValue(q.Target, out var target))
            {
                problems.Add($"\"{q.Text}\" names an unknown target {q.Target}");
                continue;
            }

            var text = LabelledSet.Comparable(q.Text);
            if (holders[text].Contains(q.Target))
            {
                problems.Add($"\"{q.Text}\" is stored verbatim on its target {q.Target}");
            }
            else if (holders[text].Any())
            {
                problems.Add($"\"{q.Text}\" for {q.Target} is a stored name of {string.Join(", ", holders[text])}");
            }

            if (targetsOfText.TryGetValue(text, out var other) && other != q.Target)
            {
                problems.Add($"\"{q.Text}\" is labelled with two targets: {other} and {q.Target}");
            }

            targetsOfText[text] = q.Target;
            if (!LabelledSet.Systems.Contains(q.System))
            {
                problems.Add($"\"{q.Text}\" has an unknown query system {q.System}");
            }

            if (!LabelledSet.HandForms.Contains(q.Form) && !LabelledSet.DerivedForms.Contains(q.Form))
            {
                problems.Add($"\"{q.Text}\" has an unknown form {q.Form}");
            }

            if (q.Pair != LabelledSet.PairOf(q.System, target.PrimaryScript))
            {
                problems.Add($"\"{q.Text}\" has the pair label {q.Pair}, expected {LabelledSet.PairOf(q.System, target.PrimaryScript)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        output.WriteLine($"{set.People.Count} people, {set.People.Sum(p => p.Names.Count)} names, {set.HandWritten.Count} hand-written and {set.Derived.Count} derived queries");
        output.WriteLine("by system: " + string.Join(", ", set.Queries.CountBy(q => q.System).Select(c => $"{c.Key} {c.Value}")));
        output.WriteLine("by form: " + string.Join(", ", set.Queries.CountBy(q => q.Form).Select(c => $"{c.Key} {c.Value}")));
        Assert.True(set.HandWritten.Count >= 1000, $"{set.HandWritten.Count} hand-written queries; at least 1,000 expected");

        var perSystem = set.HandWritten.CountBy(q => q.System).ToDictionary();
        var thin = LabelledSet.Systems.Where(s => perSystem.GetValueOrDefault(s) < 15).ToList();
        Assert.True(thin.Count == 0, "query systems with fewer than 15 queries: " + string.Join(", ", thin));
        var forms = set.Queries.Select(q => q.Form).ToHashSet();
        Assert.True(LabelledSet.HandForms.Concat(LabelledSet.DerivedForms).All(forms.Contains), "forms present: " + string.Join(", ", forms));
        var storedScripts = set.People.SelectMany(p => p.Names).Select(n => n.Script).ToHashSet();
        Assert.Equal(Enum.GetValues<Kuager.Names.Script>().Length, storedScripts.Count);
        Assert.True(set.Derived.Count(q => q.Form == "typo") >= 200, "at least 200 typos are derived");
        Assert.True(set.Derived.Count(q => q.Form == "order") >= 100, "at least 100 swapped orders are derived");
    }
}
