using System.Globalization;
using System.Text;
using Kuager.Web.Charts;

namespace Kuager.Web.Features.Elections;

/// <summary>One region's votes per choice (party, candidate or referendum option), in the election's order, and "against all".</summary>
public sealed record RegionVotes(string Region, IReadOnlyList<(string Choice, long Votes)> Choices, long AgainstAll)
{
    public long Valid => Choices.Sum(c => c.Votes) + AgainstAll;
}

/// <summary>
/// Results by region as server-rendered SVG: one stacked bar per region, each choice's share of the region's valid
/// votes as a segment in its colour (the same colour in every region, by the choice's order), "against all" in grey,
/// a legend, a tooltip per segment, and the same figures as a table. Pure: same input, same markup.
/// </summary>
public static class RegionResultsChart
{
    private const double Width = 640;
    private const double LabelWidth = 160;
    private const double BarArea = Width - LabelWidth - 10;
    private const double RowHeight = 28;
    private const double BarHeight = 20;
    private const double LegendRow = 20;

    /// <summary>Colours told apart also with colour-blindness (Okabe and Ito), then repeated; against all is grey.</summary>
    internal static readonly string[] Palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];

    internal const string AgainstAllColour = "#9aa3ad";

    /// <param name="text">Title, "Region" header, value header ("% of valid votes"), no-data and show-table words.</param>
    /// <param name="againstAll">The words for "against all" in the reader's language.</param>
    public static RenderedChart Render(ChartText text, string againstAll, IReadOnlyList<RegionVotes> regions, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var choices = regions.SelectMany(r => r.Choices.Select(c => c.Choice)).Distinct().ToList();
        var withAgainst = regions.Any(r => r.AgainstAll > 0);
        var series = choices.Select((c, i) => (Name: c, Colour: Palette[i % Palette.Length])).ToList();
        if (withAgainst)
        {
            series.Add((againstAll, AgainstAllColour));
        }

        var table = Table(text, choices, regions, withAgainst ? againstAll : null, culture);
        var drawn = regions.Where(r => r.Valid > 0).ToList();
        if (drawn.Count == 0)
        {
            return new RenderedChart(ChartMarkup.NoData(text, "stacked"), table);
        }

        // The legend wraps four names to a row above the bars.
        const int perRow = 4;
        var legendRows = (series.Count + perRow - 1) / perRow;
        var top = 8 + legendRows * LegendRow + 6;
        var height = top + drawn.Count * RowHeight + 8;
        var sb = new StringBuilder(ChartMarkup.Open(text, Width, height, "stacked"));
        sb.Append("<g class=\"chart-legend\">");
        for (var i = 0; i < series.Count; i++)
        {
            var x = 8 + i % perRow * (Width - 16) / perRow;
            var y = 8 + i / perRow * LegendRow;
            sb.Append($"<g class=\"legend-item\"><rect x=\"{ChartMarkup.N(x)}\" y=\"{ChartMarkup.N(y + 3)}\" width=\"12\" height=\"12\" fill=\"{series[i].Colour}\"/>")
                .Append($"<text x=\"{ChartMarkup.N(x + 17)}\" y=\"{ChartMarkup.N(y + 9)}\" dominant-baseline=\"middle\" font-size=\"12\" fill=\"#1b1f24\">")
                .Append(ChartMarkup.Escape(ChartMarkup.Shorten(series[i].Name, 20))).Append("</text></g>");
        }

        sb.Append("</g>");
        for (var row = 0; row < drawn.Count; row++)
        {
            var region = drawn[row];
            var y = top + row * RowHeight;
            var label = ChartMarkup.Escape(region.Region);
            sb.Append("<g class=\"chart-row\" data-region=\"").Append(label).Append("\">")
                .Append($"<text x=\"{ChartMarkup.N(LabelWidth - 8)}\" y=\"{ChartMarkup.N(y + RowHeight / 2)}\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"13\" fill=\"#1b1f24\">")
                .Append(ChartMarkup.Escape(ChartMarkup.Shorten(region.Region, 22))).Append("</text>");
            var x = LabelWidth;
            var segments = region.Choices.Select(c => (Name: c.Choice, c.Votes, Colour: Palette[choices.IndexOf(c.Choice) % Palette.Length])).ToList();
            if (withAgainst)
            {
                segments.Add((againstAll, region.AgainstAll, AgainstAllColour));
            }

            foreach (var (choice, votes, colour) in segments.Where(s => s.Votes > 0))
            {
                var width = (double)votes / region.Valid * BarArea;
                var share = ((double)votes / region.Valid * 100).ToString("0.0", culture);
                sb.Append($"<rect class=\"chart-segment\" x=\"{ChartMarkup.N(x)}\" y=\"{ChartMarkup.N(y + (RowHeight - BarHeight) / 2)}\" width=\"{ChartMarkup.N(width)}\" ")
                    .Append($"height=\"{ChartMarkup.N(BarHeight)}\" fill=\"{colour}\" data-choice=\"{ChartMarkup.Escape(choice)}\">")
                    .Append("<title>").Append(label).Append(": ").Append(ChartMarkup.Escape(choice)).Append(' ').Append(share).Append(" % (")
                    .Append(votes.ToString("N0", culture)).Append(")</title></rect>");
                x += width;
            }

            sb.Append("</g>");
        }

        sb.Append("</svg>");
        return new RenderedChart(sb.ToString(), table);
    }

    /// <summary>Regions by rows, choices by columns, each cell the share of the region's valid votes with the votes.</summary>
    private static string Table(ChartText text, IReadOnlyList<string> choices, IReadOnlyList<RegionVotes> regions, string? againstAll, CultureInfo culture)
    {
        var series = againstAll is null ? choices : [.. choices, againstAll];
        var sb = new StringBuilder("<details class=\"chart-table\"><summary>").Append(ChartMarkup.Escape(text.ShowTable)).Append("</summary><table><caption>")
            .Append(ChartMarkup.Escape(text.Title)).Append(" (").Append(ChartMarkup.Escape(text.ValueHeader)).Append(")</caption><thead><tr><th scope=\"col\">")
            .Append(ChartMarkup.Escape(text.CategoryHeader)).Append("</th>");
        foreach (var s in series)
        {
            sb.Append("<th scope=\"col\" class=\"num\" dir=\"auto\">").Append(ChartMarkup.Escape(s)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var r in regions)
        {
            sb.Append("<tr><th scope=\"row\" dir=\"auto\">").Append(ChartMarkup.Escape(r.Region)).Append("</th>");
            for (var i = 0; i < series.Count; i++)
            {
                var votes = i == choices.Count ? r.AgainstAll : r.Choices.FirstOrDefault(c => c.Choice == choices[i]).Votes;
                var share = r.Valid == 0 ? "—" : ((double)votes / r.Valid * 100).ToString("0.0", culture) + " %";
                sb.Append("<td class=\"num\">").Append(share).Append(" (").Append(votes.ToString("N0", culture)).Append(")</td>");
            }

            sb.Append("</tr>");
        }

        if (regions.Count == 0)
        {
            sb.Append("<tr><td colspan=\"").Append(series.Count + 1).Append("\">").Append(ChartMarkup.Escape(text.NoData)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></details>");
        return sb.ToString();
    }
}
