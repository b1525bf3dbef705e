using AngleSharp.Dom;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Places;

namespace Kuager.Web.Tests.Dashboard;

public sealed class DashboardTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_dashboard_counts_the_registry(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await SmallRegistry.SeedAsync(app);

        var page = await app.PageAsync("/?culture=en");

        Assert.Equal("5", Count(page, "persons"));
        Assert.Equal("5", Count(page, "events"));
        Assert.Equal("1", Count(page, "cases"));
        Assert.Equal("0", Count(page, "testimonies"));
        Assert.Equal("1", Count(page, "sources"));
        Assert.Equal("8", Count(page, "places"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_charts_show_status_ethnicity_prefecture_and_events_per_month(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await SmallRegistry.SeedAsync(app);

        var page = await app.PageAsync("/?culture=en");

        Assert.Equal([("Detained", "3"), ("Missing", "1"), ("Released", "1")], Rows(page, "chart-status"));
        Assert.Equal([("Kazakh", "3"), ("Not recorded", "1"), ("Uyghur", "1")], Rows(page, "chart-ethnicity").OrderBy(r => r.Item1, StringComparer.Ordinal));
        Assert.Equal(
            [("China > Xinjiang > Altay", "1"), ("China > Xinjiang > Ili", "2"), ("Kazakhstan > Almaty", "1"), ("Not recorded", "1")],
            Rows(page, "chart-prefecture").OrderBy(r => r.Item1, StringComparer.Ordinal));
        Assert.Equal([("January 2019", "2"), ("February 2019", "0"), ("March 2019", "1")], Rows(page, "chart-events"));

        foreach (var chart in new[] { "chart-status", "chart-ethnicity", "chart-prefecture", "chart-events" })
        {
            var svg = page.QuerySelector($"#{chart} svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.False(string.IsNullOrEmpty(svg.GetAttribute("aria-label")));
            Assert.NotNull(svg.QuerySelector("title"));
        }

        // The bars follow the numbers: Ili's bar is twice as long as Altay's.
        var bars = page.QuerySelectorAll("#chart-prefecture rect.chart-bar").Select(r => double.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, bars.Count);
        Assert.Equal(bars[0] / 2, bars[1], 1);
        Assert.Equal(3, page.QuerySelectorAll("#chart-events circle").Length);
        Assert.Empty(page.QuerySelectorAll("[style], style, script:not([src])"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_dashboard_lists_the_newest_people_and_the_deadlines_ahead(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var registry = await SmallRegistry.SeedAsync(app);

        var page = await app.PageAsync("/?culture=en");

        var newest = page.QuerySelectorAll("#newest tbody tr").ToList();
        Assert.Equal(5, newest.Count);
        Assert.Contains("Gulnar Nowheretest", newest[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/persons/{registry.Gulnar.Id}", newest[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Detained", newest[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), newest[0].QuerySelector("time")!.GetAttribute("datetime"));

        var deadlines = page.QuerySelectorAll("#deadlines tbody tr").ToList();
        var today = DateOnly.FromDateTime(DateTime.Now);
        Assert.Equal(2, deadlines.Count);
        Assert.Equal(today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), deadlines[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("Hearing", deadlines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Appeal due", deadlines[1].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/cases/{registry.Case.Id}", deadlines[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Asylum of Erlan <Almaty> & co", deadlines[1].QuerySelector("a")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_empty_registry_shows_empty_charts(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);

        var page = await app.PageAsync("/?culture=ru");

        Assert.Equal("0", Count(page, "persons"));
        Assert.Equal(4, page.QuerySelectorAll("figure.chart svg").Length);
        Assert.All(page.QuerySelectorAll("figure.chart svg"), svg => Assert.Contains("Данных пока нет", svg.TextContent, StringComparison.Ordinal));
    }

    private static string Count(IDocument page, string what) => page.QuerySelector($"#count-{what} b")!.TextContent.Trim();

    private static List<(string, string)> Rows(IDocument page, string chart) =>
        page.QuerySelectorAll($"#{chart} details.chart-table tbody tr")
            .Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent))
            .ToList();
}
