using System.Globalization;
using System.Text;

namespace Kuager.Web.Charts;

/// <summary>
/// A horizontal bar chart as server-rendered SVG: one row per category, the label on the left, the bar's length
/// proportional to its value, the value at its end. A hidden small count draws no bar, only "fewer than 5", so the
/// picture reveals no more than the table. Pure: same input, same markup.
/// </summary>
public static class BarChart
{
    internal const double Width = 640;
    internal const double LabelWidth = 220;
    internal const double ValueWidth = 70;
    internal const double RowHeight = 28;
    internal const double BarHeight = 20;
    internal const double Top = 8;

    /// <summary>The longest bar, in SVG units: the space between the labels and the value text.</summary>
    internal const double BarArea = Width - LabelWidth - ValueWidth;

    public static RenderedChart Render(ChartText text, IReadOnlyList<Bar> bars, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var table = ChartMarkup.Table(text, bars.Select(b => (b.Label, b.Value, b.FewerThanFive)), culture);
        if (bars.Count == 0)
        {
            return new RenderedChart(ChartMarkup.NoData(text, "bar"), table);
        }

        // Counts are never negative; a negative or NaN value draws as no bar rather than breaking the picture.
        var max = bars.Max(b => b.FewerThanFive ? 0 : Clean(b.Value));
        var height = Top * 2 + bars.Count * RowHeight;
        var sb = new StringBuilder(ChartMarkup.Open(text, Width, height, "bar"));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var value = bar.FewerThanFive ? 0 : Clean(bar.Value);
            var length = max > 0 ? value / max * BarArea : 0;
            var y = Top + i * RowHeight;
            var middle = y + RowHeight / 2;
            var label = ChartMarkup.Escape(bar.Label);
            var number = ChartMarkup.Escape(ChartMarkup.Shown(text, bar.Value, bar.FewerThanFive, culture));
            sb.Append(bar.FewerThanFive ? "<g class=\"chart-row chart-fewer\">" : "<g class=\"chart-row\">")
                .Append("<title>").Append(label).Append(": ").Append(number).Append("</title>")
                .Append($"<text x=\"{ChartMarkup.N(LabelWidth - 8)}\" y=\"{ChartMarkup.N(middle)}\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"13\" fill=\"#1b1f24\">")
                .Append(ChartMarkup.Escape(ChartMarkup.Shorten(bar.Label, 32))).Append("</text>");
            if (!bar.FewerThanFive)
            {
                sb.Append($"<rect class=\"chart-bar\" x=\"{ChartMarkup.N(LabelWidth)}\" y=\"{ChartMarkup.N(y + (RowHeight - BarHeight) / 2)}\" ")
                    .Append($"width=\"{ChartMarkup.N(length)}\" height=\"{ChartMarkup.N(BarHeight)}\" fill=\"#1f3a5f\"/>");
            }

            sb.Append($"<text x=\"{ChartMarkup.N(LabelWidth + length + 6)}\" y=\"{ChartMarkup.N(middle)}\" dominant-baseline=\"middle\" font-size=\"13\" fill=\"#1b1f24\">")
                .Append(number).Append("</text></g>");
        }

        sb.Append("</svg>");
        return new RenderedChart(sb.ToString(), table);
    }

    private static double Clean(double value) => double.IsFinite(value) && value > 0 ? value : 0;
}
