using System.Globalization;
using Kuager.Core;

namespace Kuager.Web.Features.Persons;

/// <summary>One stretch of the timeline: the person was in the change's status from it to the next.</summary>
public sealed record TimelineSegment(StatusChange Change, double X, double Width, string Fill, DateOnly From, DateOnly? Until);

/// <summary>How uncertain the date of a change is: the span its fuzzy date covers (a season, a year), drawn under the bar.</summary>
public sealed record TimelineSpan(double X, double Width);

public sealed record TimelineTick(double X, string Label);

/// <summary>
/// The geometry of a person's status timeline, computed on the server: a horizontal bar from the first dated status
/// change to today, one coloured segment per status, each change placed at the start of its fuzzy date with the
/// date's uncertainty drawn beneath. Undated changes have no place on the axis; the table lists them.
/// </summary>
public sealed class StatusTimelineChart
{
    public const double Width = 760;
    public const double Height = 96;
    public const double BarY = 24;
    public const double BarHeight = 28;
    public const double SpanY = 56;
    public const double AxisY = 80;
    private const double Left = 12;
    private const double Right = Width - 12;

    private StatusTimelineChart(IReadOnlyList<TimelineSegment> segments, IReadOnlyList<TimelineSpan> spans, IReadOnlyList<TimelineTick> ticks)
    {
        Segments = segments;
        Spans = spans;
        Ticks = ticks;
    }

    public IReadOnlyList<TimelineSegment> Segments { get; }

    public IReadOnlyList<TimelineSpan> Spans { get; }

    public IReadOnlyList<TimelineTick> Ticks { get; }

    public static string FillOf(PersonStatus status) => status switch
    {
        PersonStatus.Detained => "#b3261e",
        PersonStatus.InCamp => "#7a1f12",
        PersonStatus.Imprisoned => "#5c2a7a",
        PersonStatus.Released => "#2f6b3a",
        PersonStatus.UnderSurveillance => "#9a5b00",
        PersonStatus.Missing => "#3c434d",
        PersonStatus.Deceased => "#1b1f24",
        PersonStatus.Deported => "#8e244d",
        PersonStatus.AsylumSeeker => "#1d4f91",
        PersonStatus.Refugee => "#0f6e6e",
        PersonStatus.Abroad => "#3d6fb6",
        _ => "#6b7480",
    };

    /// <summary>Null when no change has a date: there is nothing to place on an axis.</summary>
    public static StatusTimelineChart? Build(IReadOnlyList<StatusChange> history, DateOnly today)
    {
        var dated = history.Where(c => c.Date is not null).ToList();
        if (dated.Count == 0)
        {
            return null;
        }

        var firstYear = dated.Min(c => c.Date!.Start.Year);
        var lastDay = new[] { today, dated.Max(c => c.Date!.End) }.Max();
        var start = new DateOnly(firstYear, 1, 1);
        var end = new DateOnly(lastDay.Year, 12, 31);
        var days = Math.Max(1, end.DayNumber - start.DayNumber + 1);
        double X(DateOnly d) => Left + ((Right - Left) * (Math.Clamp(d.DayNumber, start.DayNumber, end.DayNumber + 1) - start.DayNumber) / days);

        var segments = new List<TimelineSegment>();
        for (var i = 0; i < dated.Count; i++)
        {
            var from = dated[i].Date!.Start;
            DateOnly? until = i + 1 < dated.Count ? dated[i + 1].Date!.Start : null;
            var x = X(from);
            var x2 = X(until ?? (today > from ? today : from));
            segments.Add(new TimelineSegment(dated[i], x, Math.Max(2, x2 - x), FillOf(dated[i].Status), from, until));
        }

        var spans = dated.Where(c => c.Date!.End > c.Date.Start)
            .Select(c => new TimelineSpan(X(c.Date!.Start), Math.Max(2, X(c.Date.End.AddDays(1)) - X(c.Date.Start))))
            .ToList();

        var years = end.Year - start.Year + 1;
        var step = years <= 12 ? 1 : years <= 30 ? 5 : 10;
        var ticks = Enumerable.Range(start.Year, years).Where(y => y % step == 0 || y == start.Year)
            .Select(y => new TimelineTick(X(new DateOnly(y, 1, 1)), y.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return new StatusTimelineChart(segments, spans, ticks);
    }

    /// <summary>Coordinates in SVG attributes: always a dot, whatever the page's culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
