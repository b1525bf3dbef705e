using System.Globalization;
using System.Text;

namespace Kuager.Web.Charts;

/// <summary>
/// A line over consecutive months as server-rendered SVG: months along the x axis, values up the y axis with
/// round-number ticks, one marked point per month. A hidden small count has no exact point: the line breaks there
/// and a hollow mark on the axis says "fewer than 5". Pure: same input, same markup.
/// </summary>
public static class LineChart
{
    internal const double Width = 640;
    internal const double Height = 280;
    internal const double Left = 56;
    internal const double Right = 20;
    internal const double Top = 16;
    internal const double Bottom = 44;
    internal const double PlotWidth = Width - Left - Right;
    internal const double PlotHeight = Height - Top - Bottom;

    /// <summary>At most this many month labels under the axis; the others are still points, in the tooltips and the table.</summary>
    private const int MaxLabels = 12;

    public static RenderedChart Render(ChartText text, IReadOnlyList<MonthValue> points, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var table = ChartMarkup.Table(text, points.Select(p => (MonthName(p, culture), p.Value, p.FewerThanFive)), culture);
        if (points.Count == 0)
        {
            return new RenderedChart(ChartMarkup.NoData(text, "line"), table);
        }

        var max = points.Max(p => p.FewerThanFive ? 0 : Clean(p.Value));
        var (step, top) = Ticks(max, integers: points.All(p => p.FewerThanFive || p.Value == Math.Floor(p.Value)));
        var sb = new StringBuilder(ChartMarkup.Open(text, Width, Height, "line"));

        // The y axis: a grid line and a label at each tick.
        for (var tick = 0.0; tick <= top + step / 2; tick += step)
        {
            var y = Y(tick, top);
            sb.Append($"<line x1=\"{ChartMarkup.N(Left)}\" y1=\"{ChartMarkup.N(y)}\" x2=\"{ChartMarkup.N(Width - Right)}\" y2=\"{ChartMarkup.N(y)}\" stroke=\"#d4d9e0\"/>")
                .Append($"<text class=\"chart-tick-y\" x=\"{ChartMarkup.N(Left - 6)}\" y=\"{ChartMarkup.N(y)}\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"11\" fill=\"#4a5563\">")
                .Append(ChartMarkup.Escape(ChartMarkup.Format(tick, culture))).Append("</text>");
        }

        sb.Append($"<line x1=\"{ChartMarkup.N(Left)}\" y1=\"{ChartMarkup.N(Top)}\" x2=\"{ChartMarkup.N(Left)}\" y2=\"{ChartMarkup.N(Top + PlotHeight)}\" stroke=\"#4a5563\"/>")
            .Append($"<line x1=\"{ChartMarkup.N(Left)}\" y1=\"{ChartMarkup.N(Top + PlotHeight)}\" x2=\"{ChartMarkup.N(Width - Right)}\" y2=\"{ChartMarkup.N(Top + PlotHeight)}\" stroke=\"#4a5563\"/>");

        // The x axis: a tick under every labelled month (month abbreviation, the year beneath).
        var every = (int)Math.Ceiling(points.Count / (double)MaxLabels);
        for (var i = 0; i < points.Count; i += every)
        {
            var x = X(i, points.Count);
            var month = new DateTime(points[i].Year, points[i].Month, 1);
            sb.Append($"<line x1=\"{ChartMarkup.N(x)}\" y1=\"{ChartMarkup.N(Top + PlotHeight)}\" x2=\"{ChartMarkup.N(x)}\" y2=\"{ChartMarkup.N(Top + PlotHeight + 5)}\" stroke=\"#4a5563\"/>")
                .Append($"<text class=\"chart-tick-x\" x=\"{ChartMarkup.N(x)}\" y=\"{ChartMarkup.N(Top + PlotHeight + 18)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#4a5563\">")
                .Append(ChartMarkup.Escape(month.ToString("MMM", culture)))
                .Append($"<tspan x=\"{ChartMarkup.N(x)}\" dy=\"13\">").Append(month.Year.ToString("D4", culture)).Append("</tspan></text>");
        }

        // One line per run of shown values: a hidden month breaks the line rather than placing a point.
        var run = new List<string>();
        for (var i = 0; i <= points.Count; i++)
        {
            if (i < points.Count && !points[i].FewerThanFive)
            {
                run.Add($"{ChartMarkup.N(X(i, points.Count))},{ChartMarkup.N(Y(Clean(points[i].Value), top))}");
                continue;
            }

            if (run.Count > 0)
            {
                sb.Append($"<polyline class=\"chart-line\" points=\"{string.Join(' ', run)}\" fill=\"none\" stroke=\"#1f3a5f\" stroke-width=\"2\"/>");
                run.Clear();
            }
        }

        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            sb.Append(p.FewerThanFive ? "<g class=\"chart-point chart-fewer\"><title>" : "<g class=\"chart-point\"><title>")
                .Append(ChartMarkup.Escape(MonthName(p, culture))).Append(": ")
                .Append(ChartMarkup.Escape(ChartMarkup.Shown(text, p.Value, p.FewerThanFive, culture))).Append("</title>")
                .Append(p.FewerThanFive
                    ? $"<circle cx=\"{ChartMarkup.N(X(i, points.Count))}\" cy=\"{ChartMarkup.N(Top + PlotHeight)}\" r=\"3\" fill=\"#ffffff\" stroke=\"#1f3a5f\"/></g>"
                    : $"<circle cx=\"{ChartMarkup.N(X(i, points.Count))}\" cy=\"{ChartMarkup.N(Y(Clean(p.Value), top))}\" r=\"3\" fill=\"#1f3a5f\"/></g>");
        }

        sb.Append("</svg>");
        return new RenderedChart(sb.ToString(), table);
    }

    /// <summary>The x of the i-th of n points: spread across the plot, a single point in its middle.</summary>
    internal static double X(int i, int n) => n > 1 ? Left + i * (PlotWidth / (n - 1)) : Left + PlotWidth / 2;

    /// <summary>The y of a value on an axis from 0 to <paramref name="top"/> (top &gt; 0).</summary>
    internal static double Y(double value, double top) => Top + PlotHeight - value / top * PlotHeight;

    /// <summary>A round step (1, 2 or 5 times a power of ten) giving about four intervals, and the axis top it reaches.</summary>
    internal static (double Step, double Top) Ticks(double max, bool integers)
    {
        if (max <= 0)
        {
            return (1, 1);
        }

        var raw = max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        var step = (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
        if (integers)
        {
            step = Math.Max(1, Math.Round(step));
        }

        return (step, Math.Ceiling(max / step) * step);
    }

    private static string MonthName(MonthValue p, CultureInfo culture) => new DateTime(p.Year, p.Month, 1).ToString("Y", culture);

    private static double Clean(double value) => double.IsFinite(value) && value > 0 ? value : 0;
}
