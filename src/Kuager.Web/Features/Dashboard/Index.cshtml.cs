using Kuager.Storage;
using Kuager.Web.Charts;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Dashboard;

public sealed class IndexModel(Database db, IStringLocalizer<TextLocalizer> texts) : PageModel
{
    /// <summary>A bar chart shows this many categories; the rest are summed into one "other" bar.</summary>
    public const int MaxBars = 15;

    public RegistryCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);

    public RenderedChart ByStatus { get; private set; } = null!;

    public RenderedChart ByEthnicity { get; private set; } = null!;

    public RenderedChart ByPrefecture { get; private set; } = null!;

    public RenderedChart EventsPerMonth { get; private set; } = null!;

    /// <summary>Dated events left out of the monthly line because they are known only to a season, a year or a range.</summary>
    public long LessPreciseEvents { get; private set; }

    public IReadOnlyList<NewestPerson> Newest { get; private set; } = [];

    public IReadOnlyList<UpcomingDate> Upcoming { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await Stats.CountAsync(db, ct);
        var notRecorded = texts["dashboard.NotRecorded"].Value;

        var byStatus = await DashboardQueries.ByStatusAsync(db, ct);
        ByStatus = BarChart.Render(Text("dashboard.ByStatus", "Status"), Top(byStatus.Select(s => (texts["status." + s.Status].Value, s.Count))));

        var byEthnicity = await DashboardQueries.ByEthnicityAsync(db, ct);
        ByEthnicity = BarChart.Render(Text("dashboard.ByEthnicity", "dashboard.Ethnicity"), Top(byEthnicity.Select(e => (e.Ethnicity ?? notRecorded, e.Count))));

        var byPrefecture = await DashboardQueries.ByPrefectureAsync(db, ct);
        ByPrefecture = BarChart.Render(Text("dashboard.ByPrefecture", "dashboard.Prefecture"), Top(byPrefecture.Select(p => (p.Prefecture ?? notRecorded, p.Count))));

        var (months, lessPrecise) = await DashboardQueries.EventsPerMonthAsync(db, ct);
        LessPreciseEvents = lessPrecise;
        EventsPerMonth = LineChart.Render(
            new ChartText(texts["dashboard.EventsPerMonth"], texts["charts.Month"], texts["Events"], texts["charts.NoData"], texts["charts.ShowTable"]),
            months.Select(m => new MonthValue(m.Year, m.Month, m.Count)).ToList());

        Newest = await DashboardQueries.NewestAsync(db, 10, ct);
        Upcoming = await DashboardQueries.UpcomingAsync(db, DateOnly.FromDateTime(DateTime.Now), 10, ct);
    }

    private ChartText Text(string title, string category) =>
        new(texts[title], texts[category], texts["People"], texts["charts.NoData"], texts["charts.ShowTable"]);

    /// <summary>The largest categories as bars, the remainder summed into one last bar.</summary>
    private List<Bar> Top(IEnumerable<(string Label, long Count)> groups)
    {
        var all = groups.ToList();
        var bars = all.Take(MaxBars).Select(g => new Bar(g.Label, g.Count)).ToList();
        if (all.Count > MaxBars)
        {
            bars.Add(new Bar(texts["dashboard.OtherGroups", all.Count - MaxBars], all.Skip(MaxBars).Sum(g => g.Count)));
        }

        return bars;
    }
}
