using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Kuager.Web.Charts;

namespace Kuager.Web.Tests.Charts;

public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly ChartText Text = new("People by status", "Status", "People", "No data yet", "Show table");

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void A_bar_chart_is_well_formed_svg_with_a_title_and_a_label()
    {
        var chart = BarChart.Render(Text, [new Bar("Detained", 3), new Bar("Missing", 1)], English);

        var svg = Parse(chart.Svg);
        Assert.Equal("img", svg.Attribute("role")?.Value);
        Assert.Equal("People by status", svg.Attribute("aria-label")?.Value);
        Assert.Equal("People by status", svg.Element(Svg + "title")?.Value);
        Assert.Matches(@"^0 0 \d+(\.\d+)? \d+(\.\d+)?$", svg.Attribute("viewBox")!.Value);
        Assert.DoesNotContain("style=", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Bar_lengths_are_proportional_to_the_values()
    {
        var chart = BarChart.Render(Text, [new Bar("a", 40), new Bar("b", 10), new Bar("c", 20), new Bar("d", 0)], English);

        var widths = Parse(chart.Svg).Descendants(Svg + "rect").Select(r => double.Parse(r.Attribute("width")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, widths.Count);
        Assert.Equal(BarChart.BarArea, widths[0], 1);
        Assert.Equal(widths[0] / 4, widths[1], 1);
        Assert.Equal(widths[0] / 2, widths[2], 1);
        Assert.Equal(0, widths[3]);
    }

    [Fact]
    public void Line_points_are_placed_in_order_and_in_proportion()
    {
        var chart = LineChart.Render(Text, [new MonthValue(2019, 11, 0), new MonthValue(2019, 12, 5), new MonthValue(2020, 1, 10)], English);

        var svg = Parse(chart.Svg);
        var points = svg.Descendants(Svg + "circle")
            .Select(c => (X: double.Parse(c.Attribute("cx")!.Value, CultureInfo.InvariantCulture), Y: double.Parse(c.Attribute("cy")!.Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(3, points.Count);
        Assert.True(points[0].X < points[1].X && points[1].X < points[2].X);
        Assert.Equal(points[1].X - points[0].X, points[2].X - points[1].X, 1);
        var bottom = LineChart.Top + LineChart.PlotHeight;
        Assert.Equal(bottom, points[0].Y, 1);
        // 5 is half of 10: its height above the axis is half the other's.
        Assert.Equal((bottom - points[2].Y) / 2, bottom - points[1].Y, 1);
        Assert.Single(svg.Descendants(Svg + "polyline"));
    }

    [Fact]
    public void The_line_chart_has_month_and_value_ticks()
    {
        var months = Enumerable.Range(0, 24).Select(i => new MonthValue(2018 + (i / 12), (i % 12) + 1, i)).ToList();
        var chart = LineChart.Render(Text, months, English);

        var svg = Parse(chart.Svg);
        var xTicks = svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "chart-tick-x").ToList();
        var yTicks = svg.Descendants(Svg + "text").Where(t => t.Attribute("class")?.Value == "chart-tick-y").Select(t => t.Value).ToList();
        Assert.InRange(xTicks.Count, 2, 12);
        Assert.StartsWith("Jan", xTicks[0].Value, StringComparison.Ordinal);
        Assert.Contains("2018", xTicks[0].Value, StringComparison.Ordinal);
        // Values up to 23: round steps of 10 up to 30.
        Assert.Equal(["0", "10", "20", "30"], yTicks);
    }

    [Fact]
    public void Names_with_markup_characters_are_escaped()
    {
        const string name = "<script>alert(\"x\")</script> & 'Co'";
        var bar = BarChart.Render(Text with { Title = "A & B <c>" }, [new Bar(name, 2)], English);
        var line = LineChart.Render(Text with { Title = "\"quoted\" <title>" }, [new MonthValue(2020, 1, 1)], English);

        foreach (var markup in new[] { bar.Svg, bar.Table, line.Svg, line.Table })
        {
            Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
            Assert.DoesNotContain("<c>", markup, StringComparison.Ordinal);
        }

        Assert.Equal("A & B <c>", Parse(bar.Svg).Element(Svg + "title")!.Value);
        Assert.Contains(Parse(bar.Svg).Descendants(Svg + "title"), t => t.Value == name + ": 2");
        Assert.Equal(name, XElement.Parse(bar.Table).Descendants("th").Last().Value);
        Assert.Equal("\"quoted\" <title>", Parse(line.Svg).Attribute("aria-label")!.Value);
    }

    [Fact]
    public void Empty_data_renders_a_no_data_chart()
    {
        foreach (var chart in new[] { BarChart.Render(Text, [], English), LineChart.Render(Text, [], English) })
        {
            var svg = Parse(chart.Svg);
            Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "No data yet");
            Assert.Contains("No data yet", XElement.Parse(chart.Table).Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void All_zero_values_draw_without_dividing_by_zero()
    {
        var bar = BarChart.Render(Text, [new Bar("a", 0), new Bar("b", 0)], English);
        var line = LineChart.Render(Text, [new MonthValue(2020, 1, 0), new MonthValue(2020, 2, 0)], English);

        Assert.All(Parse(bar.Svg).Descendants(Svg + "rect"), r => Assert.Equal("0", r.Attribute("width")!.Value));
        Assert.All(Parse(line.Svg).Descendants(Svg + "circle"), c => Assert.DoesNotContain("NaN", c.Attribute("cy")!.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("NaN", bar.Svg + line.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", bar.Svg + line.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_view_holds_every_number()
    {
        var bars = new[] { new Bar("Detained", 1234), new Bar("Missing", 56), new Bar("Released", 7) };
        var table = XElement.Parse(BarChart.Render(Text, bars, English).Table);

        Assert.Equal("details", table.Name.LocalName);
        Assert.Equal("chart-table", table.Attribute("class")?.Value);
        var rows = table.Descendants("tbody").Single().Elements("tr").Select(r => (r.Element("th")!.Value, r.Element("td")!.Value)).ToList();
        Assert.Equal([("Detained", "1,234"), ("Missing", "56"), ("Released", "7")], rows);
        Assert.Equal(["Status", "People"], table.Descendants("thead").Single().Descendants("th").Select(th => th.Value));

        var months = XElement.Parse(LineChart.Render(Text, [new MonthValue(2020, 1, 3), new MonthValue(2020, 2, 4000)], English).Table);
        Assert.Equal(["3", "4,000"], months.Descendants("td").Select(td => td.Value));
        Assert.Contains("January 2020", months.Descendants("th").Select(th => th.Value));
    }

    [Fact]
    public void Numbers_follow_the_culture_but_coordinates_stay_invariant()
    {
        var russian = CultureInfo.GetCultureInfo("ru");
        var bar = BarChart.Render(Text, [new Bar("a", 12345), new Bar("b", 3)], russian);
        var line = LineChart.Render(Text, [new MonthValue(2020, 1, 1.5), new MonthValue(2020, 2, 12345)], russian);

        Assert.Contains(12345.ToString("N0", russian), XElement.Parse(bar.Table).Value, StringComparison.Ordinal);
        Assert.Contains(1.5.ToString("#,0.##", russian), XElement.Parse(line.Table).Value, StringComparison.Ordinal);
        var coordinates = Parse(bar.Svg).Descendants(Svg + "rect").Select(r => r.Attribute("width")!.Value)
            .Concat(Parse(line.Svg).Descendants(Svg + "circle").Select(c => c.Attribute("cy")!.Value));
        Assert.All(coordinates, c => Assert.Matches(@"^-?\d+(\.\d+)?$", c));
        Assert.Contains("янв", LineChart.Render(Text, [new MonthValue(2020, 1, 1)], russian).Svg, StringComparison.Ordinal);
    }

    private static XElement Parse(string svg)
    {
        var document = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", document.Root!.Name);
        // System.Xml also reads it as a DOM: the same markup is valid for both.
        new XmlDocument().LoadXml(svg);
        return document.Root;
    }
}
