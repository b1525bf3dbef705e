using System.Globalization;
using System.Xml.Linq;
using Kuager.Web.Charts;

namespace Kuager.Web.Tests.Charts;

/// <summary>Counts hidden as "fewer than 5" draw no exact bar or point, and their number appears nowhere in the chart.</summary>
public sealed class SmallCountChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly ChartText Text = new("People by status", "Status", "People", "No data yet", "Show table") { FewerThanFive = "fewer than 5" };

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void A_hidden_bar_has_no_rect_and_is_labelled_fewer_than_5()
    {
        var chart = BarChart.Render(Text, [new Bar("Detained", 12), new Bar("Missing", 0, FewerThanFive: true)], English);

        var svg = XElement.Parse(chart.Svg);
        var rows = svg.Elements(Svg + "g").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows[0].Elements(Svg + "rect"));
        Assert.Empty(rows[1].Elements(Svg + "rect"));
        Assert.Equal("Missing: fewer than 5", rows[1].Element(Svg + "title")!.Value);
        Assert.Contains("fewer than 5", rows[1].Value, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">fewer than 5</td>", chart.Table, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">12</td>", chart.Table, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_bars_alone_draw_no_bars_at_all()
    {
        var chart = BarChart.Render(Text, [new Bar("Detained", 0, true), new Bar("Missing", 0, true)], English);

        Assert.Empty(XElement.Parse(chart.Svg).Descendants(Svg + "rect"));
        Assert.Equal(2, chart.Table.Split("fewer than 5").Length - 1);
    }

    [Fact]
    public void A_hidden_month_breaks_the_line_and_sits_on_the_axis_with_no_value()
    {
        var chart = LineChart.Render(Text,
            [new MonthValue(2019, 1, 8), new MonthValue(2019, 2, 0, true), new MonthValue(2019, 3, 6), new MonthValue(2019, 4, 7)], English);

        var svg = XElement.Parse(chart.Svg);
        var lines = svg.Descendants(Svg + "polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Single(lines[0].Attribute("points")!.Value.Split(' '));
        Assert.Equal(2, lines[1].Attribute("points")!.Value.Split(' ').Length);
        var hidden = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "chart-point chart-fewer");
        Assert.Equal("February 2019: fewer than 5", hidden.Element(Svg + "title")!.Value);
        Assert.Equal(LineChart.Top + LineChart.PlotHeight, double.Parse(hidden.Element(Svg + "circle")!.Attribute("cy")!.Value, CultureInfo.InvariantCulture));
        Assert.Contains("<td class=\"num\">fewer than 5</td>", chart.Table, StringComparison.Ordinal);
    }
}
