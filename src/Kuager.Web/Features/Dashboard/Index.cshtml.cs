using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Charts;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Dashboard;

/// <summary>A count of the registry as shown on the dashboard: exact, or "fewer than 5" for visitors.</summary>
public sealed record ShownCounts(ShownCount Persons, ShownCount Events, ShownCount Cases, ShownCount Testimonies, ShownCount Sources, ShownCount Places);

/// <summary>
/// The dashboard: aggregate figures over the records the viewer may see. Visitors (the public view) see every count
/// from 1 to 4 as "fewer than 5", in the cards, the charts and their tables alike.
/// </summary>
public sealed class IndexModel(RecordStore store, IStringLocalizer<TextLocalizer> texts) : PageModel
{
    /// <summary>A bar chart shows this many categories; the rest are summed into one "other" bar.</summary>
    public const int MaxBars = 15;

    private static readonly ShownCount Zero = new(0, false);

    public ShownCounts Counts { get; private set; } = new(Zero, Zero, Zero, Zero, Zero, Zero);

    public RenderedChart ByStatus { get; private set; } = null!;

    public RenderedChart ByEthnicity { get; private set; } = null!;

    public RenderedChart ByPrefecture { get; private set; } = null!;

    public RenderedChart EventsPerMonth { get; private set; } = null!;

    /// <summary>Dated events left out of the monthly line because they are known only to a season, a year or a range.</summary>
    public ShownCount LessPreciseEvents { get; private set; }

    public IReadOnlyList<NewestPerson> Newest { get; private set; } = [];

    public IReadOnlyList<UpcomingDate> Upcoming { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = HttpContext.Viewer();
        var db = store.Database;
        var counts = await DashboardQueries.CountsAsync(db, viewer, ct);
        ShownCount Shown(long n) => Visibility.Count(viewer, n);
        Counts = new ShownCounts(Shown(counts.Persons), Shown(counts.Events), Shown(counts.Cases), Shown(counts.Testimonies), Shown(counts.Sources), Shown(counts.Places));
        var notRecorded = texts["dashboard.NotRecorded"].Value;

        var byStatus = await DashboardQueries.ByStatusAsync(db, viewer, ct);
        ByStatus = BarChart.Render(Text("dashboard.ByStatus", "Status"), Top(viewer, byStatus.Select(s => (texts["status." + s.Status].Value, s.Count))));

        var byEthnicity = await DashboardQueries.ByEthnicityAsync(db, viewer, ct);
        ByEthnicity = BarChart.Render(Text("dashboard.ByEthnicity", "dashboard.Ethnicity"), Top(viewer, byEthnicity.Select(e => (e.Ethnicity ?? notRecorded, e.Count))));

        var byPrefecture = await DashboardQueries.ByPrefectureAsync(db, viewer, ct);
        ByPrefecture = BarChart.Render(Text("dashboard.ByPrefecture", "dashboard.Prefecture"), Top(viewer, byPrefecture.Select(p => (p.Prefecture ?? notRecorded, p.Count))));

        var (months, lessPrecise) = await DashboardQueries.EventsPerMonthAsync(db, viewer, ct);
        LessPreciseEvents = Shown(lessPrecise);
        EventsPerMonth = LineChart.Render(
            new ChartText(texts["dashboard.EventsPerMonth"], texts["charts.Month"], texts["Events"], texts["charts.NoData"], texts["charts.ShowTable"])
            {
                FewerThanFive = texts["charts.FewerThanFive"],
            },
            months.Select(m => Shown(m.Count) is var c && c.FewerThanFive ? new MonthValue(m.Year, m.Month, 0, true) : new MonthValue(m.Year, m.Month, m.Count)).ToList());

        Newest = await DashboardQueries.NewestAsync(db, viewer, 10, ct);
        Upcoming = await DashboardQueries.UpcomingAsync(db, viewer, DateOnly.FromDateTime(DateTime.Now), 10, ct);
        await store.AuditReadAsync(viewer, RecordKind.Person, Newest.Where(p => p.IsConfidential).Select(p => p.Id).ToList(), ct);
        await store.AuditReadAsync(viewer, RecordKind.Case, Upcoming.Where(d => d.IsConfidential).Select(d => d.CaseId).Distinct().ToList(), ct);
    }

    /// <summary>A count as the page writes it: the number, or "fewer than 5".</summary>
    public string Write(ShownCount count) => count.FewerThanFive ? texts["charts.FewerThanFive"].Value : count.Value.ToString("N0");

    private ChartText Text(string title, string category) =>
        new(texts[title], texts[category], texts["People"], texts["charts.NoData"], texts["charts.ShowTable"]) { FewerThanFive = texts["charts.FewerThanFive"] };

    /// <summary>The largest categories as bars, the remainder summed into one last bar; small counts hidden from visitors.</summary>
    private List<Bar> Top(Viewer viewer, IEnumerable<(string Label, long Count)> groups)
    {
        var all = groups.ToList();
        var bars = all.Take(MaxBars).Select(g => Bar(viewer, g.Label, g.Count)).ToList();
        if (all.Count > MaxBars)
        {
            bars.Add(Bar(viewer, texts["dashboard.OtherGroups", all.Count - MaxBars], all.Skip(MaxBars).Sum(g => g.Count)));
        }

        return bars;
    }

    // The exact value of a hidden count never reaches the chart: it gets 0 and the "fewer than 5" mark.
    private static Bar Bar(Viewer viewer, string label, long count) =>
        Visibility.Count(viewer, count).FewerThanFive ? new Bar(label, 0, true) : new Bar(label, count);
}
