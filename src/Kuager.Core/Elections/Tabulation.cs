namespace Kuager.Core;

/// <summary>A polling station's protocol with where it sits: region &gt; district &gt; station.</summary>
public sealed record StationProtocol(string Region, string District, string Station, Protocol Protocol);

/// <summary>Levels of the hierarchy, from the whole election down to a polling station.</summary>
public enum TallyLevel
{
    Total,
    Region,
    District,
    Station,
}

/// <summary>One unit of the tabulation: its summed protocol, how many stations reported into it, and the units below.</summary>
public sealed record TallyNode(TallyLevel Level, string Name, Protocol Totals, int Stations, IReadOnlyList<TallyNode> Children)
{
    /// <summary>The path of names from the region down ("Almaty region / Talgar / 123"); empty for the total.</summary>
    public string Path { get; init; } = "";

    /// <summary>Every node below and including this one, top down.</summary>
    public IEnumerable<TallyNode> Flatten() => Children.SelectMany(c => c.Flatten()).Prepend(this);
}

/// <summary>A figure that differs between our tabulation and the official one.</summary>
public sealed record ResultDifference(string Path, string Field, long Ours, long Official)
{
    public long Difference => Ours - Official;
}

/// <summary>Sums station protocols up the hierarchy and compares the sums with official results.</summary>
public static class Tabulation
{
    /// <summary>
    /// The tree of totals: the election, its regions, their districts, their stations, each in the order first seen.
    /// A station named twice in one district is an error (its protocol would be counted twice).
    /// </summary>
    public static TallyNode Tabulate(IReadOnlyList<StationProtocol> stations)
    {
        var errors = new Rules();
        foreach (var duplicate in stations.GroupBy(s => (s.Region, s.District, s.Station)).Where(g => g.Count() > 1))
        {
            errors.Add("station", "{0} / {1} / {2} has {3} protocols; a station is counted once", duplicate.Key.Region, duplicate.Key.District, duplicate.Key.Station, duplicate.Count());
        }

        foreach (var s in stations.Where(s => string.IsNullOrWhiteSpace(s.Region) || string.IsNullOrWhiteSpace(s.District) || string.IsNullOrWhiteSpace(s.Station)))
        {
            errors.Add("station", "a protocol must name its region, district and station ({0} / {1} / {2})", s.Region, s.District, s.Station);
        }

        errors.ThrowIfAny();
        var regions = stations.GroupBy(s => s.Region).Select(region =>
        {
            var districts = region.GroupBy(s => s.District).Select(district =>
            {
                var leaves = district.Select(s => new TallyNode(TallyLevel.Station, s.Station, s.Protocol, 1, [])
                {
                    Path = $"{s.Region} / {s.District} / {s.Station}",
                }).ToList();
                return Node(TallyLevel.District, district.Key, leaves, $"{region.Key} / {district.Key}");
            }).ToList();
            return Node(TallyLevel.Region, region.Key, districts, region.Key);
        }).ToList();
        return Node(TallyLevel.Total, "", regions, "");
    }

    private static TallyNode Node(TallyLevel level, string name, IReadOnlyList<TallyNode> children, string path) =>
        new(level, name, Protocol.Sum(children.Select(c => c.Totals)), children.Sum(c => c.Stations), children) { Path = path };

    /// <summary>
    /// Each figure of our tabulation that differs from the official one, unit by unit. Official units are named by the
    /// same paths as <see cref="TallyNode.Path"/> ("" for the whole election); an official unit we have no protocols
    /// for is compared with zeros, so its every figure shows as missing from ours.
    /// </summary>
    public static IReadOnlyList<ResultDifference> Compare(TallyNode ours, IReadOnlyDictionary<string, Protocol> official)
    {
        var byPath = ours.Flatten().ToDictionary(n => n.Path, StringComparer.Ordinal);
        var differences = new List<ResultDifference>();
        foreach (var (path, theirs) in official)
        {
            var mine = byPath.TryGetValue(path, out var node) ? node.Totals : new Protocol(0, 0, 0, 0, []);
            differences.AddRange(Compare(path, mine, theirs));
        }

        return differences;
    }

    /// <summary>The figures of two protocols that differ (choices by name, in the order of ours then theirs).</summary>
    public static IEnumerable<ResultDifference> Compare(string path, Protocol ours, Protocol official)
    {
        foreach (var (field, a, b) in new[]
                 {
                     ("registered_voters", ours.RegisteredVoters, official.RegisteredVoters), ("ballots_issued", ours.BallotsIssued, official.BallotsIssued),
                     ("valid", ours.Valid, official.Valid), ("invalid", ours.Invalid, official.Invalid), ("against_all", ours.AgainstAll, official.AgainstAll),
                 })
        {
            if (a != b)
            {
                yield return new ResultDifference(path, field, a, b);
            }
        }

        foreach (var choice in ours.Choices.Select(c => c.Choice).Concat(official.Choices.Select(c => c.Choice)).Distinct())
        {
            if (ours.VotesFor(choice) != official.VotesFor(choice))
            {
                yield return new ResultDifference(path, $"votes:{choice}", ours.VotesFor(choice), official.VotesFor(choice));
            }
        }
    }
}
