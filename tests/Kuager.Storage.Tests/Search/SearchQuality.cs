using System.Globalization;
using System.Text;
using Kuager.Storage.Search;

namespace Kuager.Storage.Tests.Search;

/// <summary>Where the target of one query came in the results: its 1-based rank, or null when it was not among them.</summary>
public sealed record QueryOutcome(LabelledQuery Query, int? Rank, string? Top);

/// <summary>Recall@1, recall@10 and mean reciprocal rank of a group of queries.</summary>
public sealed record QualityFigures(string Group, int Queries, double RecallAt1, double RecallAt10, double Mrr)
{
    public static QualityFigures Of(string group, IReadOnlyCollection<QueryOutcome> outcomes) => new(
        group,
        outcomes.Count,
        outcomes.Count(o => o.Rank == 1) / (double)outcomes.Count,
        outcomes.Count(o => o.Rank <= 10) / (double)outcomes.Count,
        outcomes.Sum(o => o.Rank is { } r ? 1.0 / r : 0) / outcomes.Count);
}

/// <summary>The figures of a whole run, grouped every way the report needs, printed as markdown tables.</summary>
public sealed class SearchQuality(IReadOnlyList<QueryOutcome> outcomes)
{
    public IReadOnlyList<QueryOutcome> Outcomes { get; } = outcomes;

    /// <summary>Runs every query and notes where its target came.</summary>
    public static async Task<IReadOnlyList<QueryOutcome>> MeasureAsync(IEnumerable<LabelledQuery> queries, Func<string, Task<IReadOnlyList<PersonMatch>>> search)
    {
        var outcomes = new List<QueryOutcome>();
        foreach (var query in queries)
        {
            var found = await search(query.Text);
            var index = found.ToList().FindIndex(m => m.ExternalId == query.Target);
            var top = found.Count > 0 ? $"{found[0].ExternalId} {found[0].Matched} ({found[0].Score:0.00})" : null;
            outcomes.Add(new QueryOutcome(query, index < 0 ? null : index + 1, top));
        }

        return outcomes;
    }

    public QualityFigures Overall => QualityFigures.Of("all", Outcomes.ToList());

    public IReadOnlyList<QualityFigures> BySystem => By(o => o.Query.System);

    public IReadOnlyList<QualityFigures> ByForm => By(o => o.Query.Form);

    public IReadOnlyList<QualityFigures> ByPair => By(o => o.Query.Pair);

    public IEnumerable<QueryOutcome> Misses => Outcomes.Where(o => o.Rank is null or > 10);

    private List<QualityFigures> By(Func<QueryOutcome, string> key) => Outcomes
        .GroupBy(key)
        .Select(g => QualityFigures.Of(g.Key, g.ToList()))
        .OrderByDescending(f => f.Queries)
        .ThenBy(f => f.Group, StringComparer.Ordinal)
        .ToList();

    public string Report(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        Table(text, "overall", [Overall]);
        Table(text, "query system", BySystem);
        Table(text, "form", ByForm);
        Table(text, "query system -> primary script of the target", ByPair);
        var misses = Misses.Take(60).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"\nNot in the top 10 ({Misses.Count()}; first {misses.Count}):\n");
        foreach (var m in misses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- [{m.Query.System}/{m.Query.Form}] \"{m.Query.Text}\" -> {m.Query.Target}; top: {m.Top ?? "(nothing)"}");
        }

        var late = Outcomes.Where(o => o.Rank is > 1 and <= 10).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"\nIn the top 10 but not first ({late.Count}; first {Math.Min(late.Count, 60)}):\n");
        foreach (var m in late.Take(60))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- [{m.Query.System}/{m.Query.Form}] \"{m.Query.Text}\" -> {m.Query.Target} at {m.Rank}; top: {m.Top}");
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string group, IEnumerable<QualityFigures> rows)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"\n| {group} | queries | recall@1 | recall@10 | MRR |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Group} | {r.Queries} | {r.RecallAt1:0.000} | {r.RecallAt10:0.000} | {r.Mrr:0.000} |");
        }
    }
}
