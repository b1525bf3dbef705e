using System.Globalization;
using System.Xml.Linq;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Charts;
using Kuager.Web.Features.Elections;

namespace Kuager.Web.Tests.Elections;

/// <summary>The results-by-region chart: stacked bars per region, parsed as SVG and measured.</summary>
public sealed class RegionResultsChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly ChartText Words = new("Results by region", "Region", "% of valid votes", "No data", "Show table");

    [Fact]
    public void Each_region_is_a_bar_split_by_its_shares_in_the_same_colours_with_a_legend()
    {
        // North: A 400, B 150, against all 50 (valid 600). South: A 100, B 300 (valid 400). The bars are 470 wide.
        var chart = RegionResultsChart.Render(Words, "Against all",
            [new RegionVotes("North", [("A", 400), ("B", 150)], 50), new RegionVotes("South", [("A", 100), ("B", 300)], 0)], CultureInfo.InvariantCulture);

        var svg = XElement.Parse(chart.Svg);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Results by region", (string?)svg.Attribute("aria-label"));
        Assert.Equal(["A", "B", "Against all"], svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend-item").Select(g => g.Element(Svg + "text")!.Value));
        var rows = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "chart-row").ToList();
        Assert.Equal(["North", "South"], rows.Select(r => (string?)r.Attribute("data-region")));

        (string Choice, double X, double Width, string Fill, string Title)[] Segments(XElement row) => row.Elements(Svg + "rect")
            .Select(r => ((string)r.Attribute("data-choice")!, (double)r.Attribute("x")!, (double)r.Attribute("width")!, (string)r.Attribute("fill")!, r.Element(Svg + "title")!.Value)).ToArray();
        var north = Segments(rows[0]);
        // 400 / 600 × 470 = 313.33; 150 / 600 × 470 = 117.5; 50 / 600 × 470 = 39.17; each starts where the one before ends.
        Assert.Equal([("A", 160, 313.33), ("B", 473.33, 117.5), ("Against all", 590.83, 39.17)], north.Select(s => (s.Choice, s.X, s.Width)));
        Assert.Equal("North: A 66.7 % (400)", north[0].Title);
        var south = Segments(rows[1]);
        // No against-all votes in the south: no segment for it. 100 / 400 × 470 = 117.5; 300 / 400 × 470 = 352.5.
        Assert.Equal([("A", 117.5), ("B", 352.5)], south.Select(s => (s.Choice, s.Width)));
        // A party keeps its colour from region to region; against all is grey.
        Assert.Equal((north[0].Fill, north[1].Fill), (south[0].Fill, south[1].Fill));
        Assert.NotEqual(north[0].Fill, north[1].Fill);
        Assert.Equal("#9aa3ad", north[2].Fill);

        // The same figures as a table.
        var table = XElement.Parse(chart.Table);
        Assert.Equal(["Region", "A", "B", "Against all"], table.Descendants("thead").Descendants("th").Select(th => th.Value));
        Assert.Equal(["66.7 % (400)", "25.0 % (150)", "8.3 % (50)"], table.Descendants("tbody").First().Elements("tr").First().Elements("td").Select(td => td.Value));
    }

    [Fact]
    public void No_votes_draw_the_no_data_picture_and_names_are_escaped()
    {
        var empty = RegionResultsChart.Render(Words, "Against all", [new RegionVotes("North", [("A", 0)], 0)], CultureInfo.InvariantCulture);
        Assert.Contains("No data", XElement.Parse(empty.Svg).Value);

        var odd = RegionResultsChart.Render(Words, "Against all", [new RegionVotes("<North & \"South\">", [("A & B", 5)], 0)], CultureInfo.InvariantCulture);
        var row = XElement.Parse(odd.Svg).Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "chart-row");
        Assert.Equal("<North & \"South\">", (string?)row.Attribute("data-region"));
        Assert.Equal("A & B", (string?)row.Element(Svg + "rect")!.Attribute("data-choice"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_election_page_draws_results_by_region(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var plan = await ElectionsApiTests.PlanAsync(app);
        var store = new ElectionStore(app.Store.Database);
        var south = await store.AddUnitAsync(plan.Election, null, TallyLevel.Region, "South", null, "test");
        var district = await store.AddUnitAsync(plan.Election, south.Id, TallyLevel.District, "S-1", null, "test");
        var station = await store.AddUnitAsync(plan.Election, district.Id, TallyLevel.Station, "301", 500, "test");
        await store.SaveProtocolAsync(plan.Stations[0], ProtocolSource.Observer, new Protocol(1000, 600, 590, 10, [new("A", 400), new("B", 190)]), "test");
        await store.SaveProtocolAsync(station.Id, ProtocolSource.Observer, new Protocol(500, 300, 300, 0, [new("A", 100), new("B", 200)]), "test");

        var page = await app.PageAsync($"/elections/{plan.Election}");

        var svg = XElement.Parse(page.QuerySelector("#chart-regions svg")!.OuterHtml);
        var rows = svg.Descendants().Where(g => (string?)g.Attribute("class") == "chart-row").ToList();
        Assert.Equal(["North", "South"], rows.Select(r => (string?)r.Attribute("data-region")));
        Assert.Equal(["A", "B"], rows[1].Elements().Where(e => e.Name.LocalName == "rect").Select(r => (string?)r.Attribute("data-choice")));
        Assert.Contains("South", page.QuerySelector("#chart-regions details.chart-table")!.TextContent);
    }
}
