using System.Globalization;
using System.Text;

namespace Kuager.Storage.Tests.Duplicates.Synthetic;

/// <summary>Pairwise precision, recall and F1 at one threshold.</summary>
public readonly record struct PairFigures(double Threshold, int Proposed, int TruePositives, int TruePairs)
{
    public int FalsePositives => Proposed - TruePositives;

    public int FalseNegatives => TruePairs - TruePositives;

    public double Precision => Proposed == 0 ? 1 : (double)TruePositives / Proposed;

    public double Recall => TruePairs == 0 ? 1 : (double)TruePositives / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"threshold {Threshold:0.00}: precision {Precision:0.0000}, recall {Recall:0.0000}, F1 {F1:0.0000} ({TruePositives} of {TruePairs} true pairs found, {FalsePositives} false of {Proposed} proposed)");
}

/// <summary>
/// Grades the pairs a duplicate finder proposed against the truth of a synthetic registry: pairwise precision, recall
/// (over every true pair, those never proposed included) and F1 at any threshold, the threshold with the best F1,
/// recall by kind of variation and false positives by kind of hard negative.
/// </summary>
public sealed class PairQuality
{
    private readonly SyntheticRegistry _registry;
    private readonly Dictionary<long, double> _scores = [];
    private readonly HashSet<long> _truth = [];

    /// <param name="proposed">Each proposed pair by the external ids of its records, with its score.</param>
    public PairQuality(SyntheticRegistry registry, IEnumerable<(string A, string B, double Score)> proposed)
    {
        _registry = registry;
        foreach (var (a, b) in registry.TruePairs())
        {
            _truth.Add(Key(a, b));
        }

        foreach (var (a, b, score) in proposed)
        {
            if (!registry.TryIndexOf(a, out var ia) || !registry.TryIndexOf(b, out var ib))
            {
                throw new InvalidOperationException($"a proposed pair names a record the registry does not have: {a}, {b}");
            }

            var key = Key(ia, ib);
            _scores[key] = Math.Max(score, _scores.GetValueOrDefault(key));
        }
    }

    public int TruePairs => _truth.Count;

    public int Proposed => _scores.Count;

    private static long Key(int a, int b) => ((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);

    private static (int A, int B) Unkey(long key) => ((int)(key >> 32), (int)(key & 0xffffffff));

    /// <summary>The score the finder gave a pair, or null when it did not propose it.</summary>
    public double? ScoreOf(int a, int b) => _scores.TryGetValue(Key(a, b), out var s) ? s : null;

    public PairFigures At(double threshold)
    {
        int proposed = 0, hits = 0;
        foreach (var (key, score) in _scores)
        {
            if (score >= threshold - 1e-9)
            {
                proposed++;
                if (_truth.Contains(key))
                {
                    hits++;
                }
            }
        }

        return new PairFigures(threshold, proposed, hits, _truth.Count);
    }

    /// <summary>Thresholds from..to by step (inclusive), each with its figures.</summary>
    public IReadOnlyList<PairFigures> Sweep(double from = 0.30, double to = 0.99, double step = 0.01)
    {
        var list = new List<PairFigures>();
        for (var i = 0; from + (i * step) <= to + 1e-9; i++)
        {
            list.Add(At(Math.Round(from + (i * step), 4)));
        }

        return list;
    }

    /// <summary>The threshold with the best F1; where several share it (no pair scores between them), the middle one.</summary>
    public PairFigures Best(double from = 0.30, double to = 0.99, double step = 0.01)
    {
        var sweep = Sweep(from, to, step);
        var best = sweep.Max(f => f.F1);
        var tied = sweep.Where(f => f.F1 >= best - 1e-12).ToList();
        return tied[tied.Count / 2];
    }

    /// <summary>For each kind of variation: how many true pairs show it, and how many of those are found at the threshold.</summary>
    public IReadOnlyList<(Variation Kind, int Found, int Pairs)> RecallByVariation(double threshold)
    {
        var counts = Enum.GetValues<Variation>().Where(v => v != Variation.None).ToDictionary(v => v, _ => (Found: 0, Pairs: 0));
        foreach (var key in _truth)
        {
            var (a, b) = Unkey(key);
            var variations = _registry.Variations(a, b);
            var found = _scores.TryGetValue(key, out var s) && s >= threshold - 1e-9;
            foreach (var v in counts.Keys.ToList().Where(v => variations.HasFlag(v)))
            {
                var (f, p) = counts[v];
                counts[v] = (f + (found ? 1 : 0), p + 1);
            }
        }

        return counts.Select(kv => (kv.Key, kv.Value.Found, kv.Value.Pairs)).ToList();
    }

    /// <summary>Recall at the threshold for groups of true pairs (by a key of the pair), largest group first.</summary>
    public IReadOnlyList<(string Group, int Found, int Pairs)> RecallBy(double threshold, Func<int, int, string> group) =>
        _truth.Select(key => (Key: key, Pair: Unkey(key)))
            .GroupBy(x => group(x.Pair.A, x.Pair.B))
            .Select(g => (g.Key, g.Count(x => _scores.TryGetValue(x.Key, out var s) && s >= threshold - 1e-9), g.Count()))
            .OrderByDescending(x => x.Item3).ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>The scripts of a pair: "shared" when both records have a name in one script, else the two sides' scripts (Arabic / Latin+Cyrillic).</summary>
    public string Scripts(int a, int b)
    {
        static SortedSet<string> Of(SyntheticRecord r) => new(r.Names.Select(n => n.Writing switch
        {
            Writing.UyghurArabic => "Arabic",
            Writing.Chinese => "Chinese",
            Writing.KazakhCyrillic or Writing.KyrgyzCyrillic or Writing.RussianCyrillic or Writing.UyghurCyrillic => "Cyrillic",
            _ => "Latin",
        }), StringComparer.Ordinal);

        var (x, y) = (Of(_registry.Records[a]), Of(_registry.Records[b]));
        if (x.Overlaps(y))
        {
            return "a script in common";
        }

        var sides = new[] { string.Join("+", x), string.Join("+", y) }.Order(StringComparer.Ordinal).ToArray();
        return $"{sides[0]} / {sides[1]}";
    }

    /// <summary>The false positives at the threshold, by what the two people are to each other.</summary>
    public IReadOnlyList<(HardNegative Kind, int Count)> FalsePositivesByKind(double threshold) =>
        FalsePositives(threshold).GroupBy(p => p.Kind).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ToList();

    /// <summary>How many pairs of records of each kind of hard negative the registry holds, proposed or not.</summary>
    public IReadOnlyList<(HardNegative Kind, long Pairs)> HardNegativesInRegistry()
    {
        var counts = new Dictionary<HardNegative, long>();
        void Count(HardNegative kind, long n) => counts[kind] = counts.GetValueOrDefault(kind) + n;

        // Relatives: pairs of records within a family; namesakes: pairs of records with the same name spec, of different people.
        foreach (var family in _registry.People.Where(p => p.Recorded).GroupBy(p => p.Family))
        {
            var records = family.SelectMany(p => _registry.RecordsOf(p.Id)).ToList();
            for (var i = 0; i < records.Count; i++)
            {
                for (var j = i + 1; j < records.Count; j++)
                {
                    var kind = _registry.Negative(records[i], records[j]);
                    if (kind is HardNegative.ParentChild or HardNegative.Sibling or HardNegative.Spouse or HardNegative.Grandparent)
                    {
                        Count(kind, 1);
                    }
                }
            }
        }

        foreach (var group in _registry.People.Where(p => p.Recorded).GroupBy(p => (SyntheticNames.ChineseNamed(p.Ethnic), p.Ethnic, p.Female, p.Name.Given, p.Name.Father, p.Name.SurnameRoot)))
        {
            var perPerson = group.Select(p => (long)_registry.RecordsOf(p.Id).Count).ToList();
            var all = perPerson.Sum();
            Count(HardNegative.Namesake, ((all * (all - 1)) - perPerson.Sum(n => n * (n - 1))) / 2);
        }

        return counts.Select(kv => (kv.Key, kv.Value)).OrderBy(x => x.Key).ToList();
    }

    /// <summary>False positives at the threshold, highest score first.</summary>
    public IEnumerable<(int A, int B, double Score, HardNegative Kind)> FalsePositives(double threshold) =>
        _scores.Where(kv => kv.Value >= threshold - 1e-9 && !_truth.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Select(kv => { var (a, b) = Unkey(kv.Key); return (a, b, kv.Value, _registry.Negative(a, b)); });

    /// <summary>True pairs missed at the threshold, the never-proposed first, then by lowest score.</summary>
    public IEnumerable<(int A, int B, double? Score, Variation Variations)> FalseNegatives(double threshold) =>
        _truth.Select(key => (Key: key, Score: _scores.TryGetValue(key, out var s) ? s : (double?)null))
            .Where(x => x.Score is null || x.Score < threshold - 1e-9)
            .OrderBy(x => x.Score ?? -1).ThenBy(x => x.Key)
            .Select(x => { var (a, b) = Unkey(x.Key); return (a, b, x.Score, _registry.Variations(a, b)); });

    /// <summary>A report in plain text: figures at the default and the best threshold, the sweep, the breakdowns and examples.</summary>
    /// <param name="floor">The threshold the pairs were found at: the sweep starts there.</param>
    public string Report(string title, double defaultThreshold, int examples = 12, Func<int, int, string>? explain = null, double floor = 0.30)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var atDefault = At(defaultThreshold);
        var best = Best(floor);
        var people = _registry.People.Count(p => p.Recorded);
        var duplicated = _registry.People.Count(p => p.Recorded && _registry.RecordsOf(p.Id).Count > 1);
        sb.AppendLine(title);
        sb.AppendLine(inv, $"registry: {_registry.Records.Count} records of {people} people ({(double)duplicated / people:P1} recorded more than once), "
            + $"{_registry.Relationships.Count} relationships, {_registry.Sources.Count} sources; {TruePairs} true pairs; {Proposed} pairs proposed at >= {floor:0.00}");
        var (namesakes, undecided, supported) = _registry.Namesakes();
        sb.AppendLine(inv, $"namesakes: {namesakes} pairs of records of different people with the same name, {undecided} with no field against them, {supported} of those with a birth year or hometown that agrees");
        sb.AppendLine(inv, $"at the default {atDefault}");
        sb.AppendLine(inv, $"best F1        {best}");
        sb.AppendLine("sweep (threshold precision recall F1):");
        foreach (var row in Sweep(floor).Where((_, i) => i % 5 == 0).Append(atDefault).Append(best).DistinctBy(f => f.Threshold).OrderBy(f => f.Threshold))
        {
            sb.AppendLine(inv, $"  {row.Threshold:0.00}  {row.Precision:0.0000}  {row.Recall:0.0000}  {row.F1:0.0000}");
        }

        sb.AppendLine("recall by kind of variation at the default threshold (a pair may show several):");
        foreach (var (kind, found, pairs) in RecallByVariation(defaultThreshold))
        {
            sb.AppendLine(inv, $"  {kind,-20} {(pairs == 0 ? 1 : (double)found / pairs),7:P1}  ({found} of {pairs})");
        }

        sb.AppendLine("recall by people at the default threshold:");
        foreach (var (group, found, pairs) in RecallBy(defaultThreshold, (a, _) => _registry.People[_registry.Records[a].Person].Ethnic.ToString()))
        {
            sb.AppendLine(inv, $"  {group,-20} {(double)found / pairs,7:P1}  ({found} of {pairs})");
        }

        sb.AppendLine("recall by the scripts of the two records at the default threshold:");
        foreach (var (group, found, pairs) in RecallBy(defaultThreshold, Scripts))
        {
            sb.AppendLine(inv, $"  {group,-30} {(double)found / pairs,7:P1}  ({found} of {pairs})");
        }

        var inRegistry = HardNegativesInRegistry().ToDictionary(x => x.Kind, x => x.Pairs);
        sb.AppendLine("false positives by kind of hard negative at the default threshold (pairs of that kind in the registry):");
        var fpKinds = FalsePositivesByKind(defaultThreshold).ToDictionary(x => x.Kind, x => x.Count);
        foreach (var kind in Enum.GetValues<HardNegative>().Where(k => k != HardNegative.SamePerson))
        {
            var counted = inRegistry.TryGetValue(kind, out var n) ? string.Create(inv, $"  (of {n})") : "";
            sb.AppendLine(string.Create(inv, $"  {kind,-15} {fpKinds.GetValueOrDefault(kind),5}") + counted);
        }

        sb.AppendLine(inv, $"highest-scored false positives at the default threshold:");
        foreach (var (a, b, score, kind) in FalsePositives(defaultThreshold).Take(examples))
        {
            sb.AppendLine(inv, $"  {score:0.000} {kind}");
            sb.AppendLine("      " + _registry.Describe(a));
            sb.AppendLine("      " + _registry.Describe(b));
            if (explain is not null)
            {
                sb.AppendLine("      " + explain(a, b));
            }
        }

        sb.AppendLine("missed true pairs at the default threshold (never proposed first, then lowest score):");
        foreach (var (a, b, score, variations) in FalseNegatives(defaultThreshold).Take(examples))
        {
            sb.AppendLine(inv, $"  {(score is { } s ? s.ToString("0.000", inv) : "not proposed")} {variations}");
            sb.AppendLine("      " + _registry.Describe(a));
            sb.AppendLine("      " + _registry.Describe(b));
            if (explain is not null)
            {
                sb.AppendLine("      " + explain(a, b));
            }
        }

        return sb.ToString();
    }
}
