using System.Globalization;
using System.Text;
using System.Text.Json;
using Kuager.Names;
using Xunit.Abstractions;

namespace Kuager.Ingestion.Tests.Quality;

/// <summary>
/// Precision and recall of extraction on an annotated set of synthetic articles (English, Russian, Kazakh) written
/// for these tests. Persons are matched across spellings and cases with the name library; places and organisations by
/// their canonical names; events by type within each article. The figures are written to quality-report.md.
/// </summary>
public sealed class ExtractionQualityTests(ITestOutputHelper output)
{
    private sealed record Expected(string Id, string Date, string Text, string[] Persons, string[] Places, string[] Organizations, ExpectedEvent[] Events);

    private sealed record ExpectedEvent(string Type, string[] Persons);

    private sealed class Tally
    {
        public int TruePositives { get; set; }

        public int Found { get; set; }

        public int Expected { get; set; }

        public double Precision => Found == 0 ? 1 : TruePositives / (double)Found;

        public double Recall => Expected == 0 ? 1 : TruePositives / (double)Expected;
    }

    private static List<Expected> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Quality", "annotated.json");
        return JsonSerializer.Deserialize<List<Expected>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    private static int Matched(IReadOnlyList<string> expected, IReadOnlyList<string> found, Func<string, string, bool> same)
    {
        var used = new bool[found.Count];
        var hits = 0;
        foreach (var e in expected)
        {
            for (var i = 0; i < found.Count; i++)
            {
                if (!used[i] && same(e, found[i]))
                {
                    used[i] = true;
                    hits++;
                    break;
                }
            }
        }

        return hits;
    }

    private static bool SamePerson(string a, string b) =>
        NameSimilarity.Score(NameKeys.Of(a), NameKeys.Of(b)).Score >= 0.85 && NameSimilarity.Score(NameKeys.Of(b), NameKeys.Of(a)).Score >= 0.85;

    [Fact]
    public void Extraction_meets_the_precision_and_recall_floors_on_the_annotated_set()
    {
        var set = Load();
        Assert.True(set.Count >= 10, "the annotated set has at least ten articles");
        var tallies = new Dictionary<string, Tally> { ["persons"] = new(), ["places"] = new(), ["organizations"] = new(), ["events"] = new(), ["event persons"] = new() };
        var misses = new StringBuilder();
        foreach (var item in set)
        {
            var date = DateOnly.ParseExact(item.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var articles = PageReader.Read(item.Text, PageFormat.Text, new SourceHints { Date = date });
            Assert.Single(articles);
            var x = Extractor.Extract(articles[0]);

            void Count(string kind, string[] expected, List<string> found, Func<string, string, bool> same)
            {
                var t = tallies[kind];
                var hits = Matched(expected, found, same);
                t.TruePositives += hits;
                t.Expected += expected.Length;
                t.Found += found.Count;
                var missing = expected.Where(e => !found.Any(f => same(e, f))).ToList();
                var extra = found.Where(f => !expected.Any(e => same(e, f))).ToList();
                if (missing.Count + extra.Count > 0)
                    misses.AppendLine(CultureInfo.InvariantCulture, $"- {item.Id} {kind}: missed [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}]");
            }

            Count("persons", item.Persons, x.Persons.Select(p => p.Name).ToList(), SamePerson);
            Count("places", item.Places, x.Places.Select(p => p.Name).ToList(), (a, b) => a == b);
            Count("organizations", item.Organizations, x.Organizations.Select(p => p.Name).ToList(), (a, b) => a == b);
            Count("events", item.Events.Select(e => e.Type).ToArray(), x.Events.Select(e => e.Type).ToList(), (a, b) => a == b);

            // Whom each event concerns: (type, person) pairs, so an event given to a bystander counts against precision.
            static bool SamePair(string a, string b) => a.Split('|')[0] == b.Split('|')[0] && SamePerson(a.Split('|')[1], b.Split('|')[1]);
            Count(
                "event persons",
                item.Events.SelectMany(e => e.Persons.Select(p => $"{e.Type}|{p}")).Distinct().ToArray(),
                x.Events.SelectMany(e => e.Persons.Select(p => $"{e.Type}|{p}")).Distinct().ToList(),
                SamePair);
        }

        var report = new StringBuilder();
        report.AppendLine("# Extraction quality on the annotated synthetic set").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{set.Count} articles (English, Russian, Kazakh).").AppendLine();
        report.AppendLine("| type | expected | found | correct | precision | recall |").AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (kind, t) in tallies)
            report.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {t.Expected} | {t.Found} | {t.TruePositives} | {t.Precision:0.000} | {t.Recall:0.000} |");
        report.AppendLine().AppendLine("Differences:").AppendLine().Append(misses);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "quality-report.md"), report.ToString());
        output.WriteLine(report.ToString());

        Assert.True(tallies["persons"].Recall >= 0.9, $"persons recall {tallies["persons"].Recall:0.000} < 0.9\n{report}");
        Assert.True(tallies["persons"].Precision >= 0.85, $"persons precision {tallies["persons"].Precision:0.000} < 0.85\n{report}");
        Assert.True(tallies["places"].Recall >= PlacesFloor && tallies["places"].Precision >= PlacesFloor, report.ToString());
        Assert.True(tallies["organizations"].Recall >= OtherFloor && tallies["organizations"].Precision >= OtherFloor, report.ToString());
        Assert.True(tallies["events"].Recall >= EventsFloor && tallies["events"].Precision >= EventsFloor, report.ToString());
        Assert.True(tallies["event persons"].Recall >= EventsFloor && tallies["event persons"].Precision >= EventsFloor, report.ToString());
    }

    private const double PlacesFloor = 0.85;
    private const double OtherFloor = 0.7;

    // Raised from 0.7 once the classes of error seen on real pages were fixed (hypothetical and negated verbs,
    // reporters, relatives, groups, pronouns): events 0.939/1.000, event persons 1.000/0.927 on the set.
    private const double EventsFloor = 0.85;
}
