using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kuager.Core;

/// <summary>How precisely a <see cref="FuzzyDate"/> is known.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Season,
    Year,
    Range,
    Circa,
}

/// <summary>A season of a year. Winter of year Y runs from December Y to the end of February Y+1.</summary>
public enum Season
{
    Winter,
    Spring,
    Summer,
    Autumn,
}

/// <summary>
/// A date known to a day, a month, a season, a year, a range or only roughly ("circa"), with the words the
/// source used. Canonical forms: "2017-02-22", "2017-02", "2017-spring", "2017", "2018-06/2018-07", "~2016".
/// Create one with the factory methods or the parsers, which enforce the rules (years 1900 to 2100, real days);
/// <c>with</c> is meant for <see cref="Text"/> only.
/// </summary>
public sealed record FuzzyDate : IComparable<FuzzyDate>
{
    internal const int MinYear = 1900;
    internal const int MaxYear = 2100;

    private const string ExpectedForms = "expected YYYY-MM-DD, YYYY-MM, YYYY-season, YYYY, ~YYYY or FROM/TO";

    private FuzzyDate()
    {
    }

    public DatePrecision Precision { get; init; }

    /// <summary>The earliest day the date can mean.</summary>
    public DateOnly Start { get; init; }

    /// <summary>The latest day the date can mean (inclusive).</summary>
    public DateOnly End { get; init; }

    /// <summary>Set when <see cref="Precision"/> is <see cref="DatePrecision.Season"/>.</summary>
    public Season? Season { get; init; }

    /// <summary>The source's own words, verbatim ("in spring 2017"); null when there are none.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// One integer that sorts like <see cref="CompareTo"/>: the start day, then the length of the span
    /// (so a more precise date comes first when two start on the same day).
    /// </summary>
    public long SortKey => (Start.DayNumber * 100000L) + Math.Clamp(End.DayNumber - Start.DayNumber, 0, 99999);

    // A range keeps the precision of each end so that "2018-06/2018-07" and "2018-06-01/2018-07-31" stay distinct.
    private DatePrecision FromPrecision { get; init; }

    private DatePrecision ToPrecision { get; init; }

    public static FuzzyDate OnDay(int year, int month, int day, string? text = null)
    {
        if (YearError(year) is { } yearError)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, yearError);
        }

        if (MonthError(month) is { } monthError)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, monthError);
        }

        if (DayError(year, month, day) is { } dayError)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, dayError);
        }

        var date = new DateOnly(year, month, day);
        return new FuzzyDate { Precision = DatePrecision.Day, Start = date, End = date, Text = text };
    }

    public static FuzzyDate InMonth(int year, int month, string? text = null)
    {
        if (YearError(year) is { } yearError)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, yearError);
        }

        if (MonthError(month) is { } monthError)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, monthError);
        }

        return new FuzzyDate
        {
            Precision = DatePrecision.Month,
            Start = new DateOnly(year, month, 1),
            End = new DateOnly(year, month, DateTime.DaysInMonth(year, month)),
            Text = text,
        };
    }

    /// <summary>Winter of <paramref name="year"/> is December of that year to the end of February of the next; spring March to May; summer June to August; autumn September to November.</summary>
    public static FuzzyDate InSeason(int year, Season season, string? text = null)
    {
        if (YearError(year) is { } yearError)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, yearError);
        }

        if (!Enum.IsDefined(season))
        {
            throw new ArgumentOutOfRangeException(nameof(season), season, "season must be winter, spring, summer or autumn");
        }

        var start = new DateOnly(year, SeasonCalendar.FirstMonth(season), 1);
        var last = start.AddMonths(2);
        return new FuzzyDate
        {
            Precision = DatePrecision.Season,
            Start = start,
            End = new DateOnly(last.Year, last.Month, DateTime.DaysInMonth(last.Year, last.Month)),
            Season = season,
            Text = text,
        };
    }

    public static FuzzyDate InYear(int year, string? text = null)
    {
        if (YearError(year) is { } yearError)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, yearError);
        }

        return new FuzzyDate { Precision = DatePrecision.Year, Start = new DateOnly(year, 1, 1), End = new DateOnly(year, 12, 31), Text = text };
    }

    /// <summary>
    /// From the start of <paramref name="from"/> to the end of <paramref name="to"/>. Either end may itself be a
    /// range (its outer end is used), but not a circa date.
    /// </summary>
    public static FuzzyDate Between(FuzzyDate from, FuzzyDate to, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Precision == DatePrecision.Circa)
        {
            throw new ArgumentException($"a range cannot start with a circa date ({from.ToCanonical()})", nameof(from));
        }

        if (to.Precision == DatePrecision.Circa)
        {
            throw new ArgumentException($"a range cannot end with a circa date ({to.ToCanonical()})", nameof(to));
        }

        if (to.End < from.Start)
        {
            throw new ArgumentException(RangeReversed(from, to), nameof(to));
        }

        return new FuzzyDate
        {
            Precision = DatePrecision.Range,
            Start = from.Start,
            End = to.End,
            FromPrecision = from.Precision == DatePrecision.Range ? from.FromPrecision : from.Precision,
            ToPrecision = to.Precision == DatePrecision.Range ? to.ToPrecision : to.Precision,
            Text = text,
        };
    }

    /// <summary>About <paramref name="year"/>: from January 1 of the year before to December 31 of the year after.</summary>
    public static FuzzyDate Circa(int year, string? text = null)
    {
        if (YearError(year) is { } yearError)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, yearError);
        }

        return new FuzzyDate { Precision = DatePrecision.Circa, Start = new DateOnly(year - 1, 1, 1), End = new DateOnly(year + 1, 12, 31), Text = text };
    }

    public string ToCanonical() => Precision switch
    {
        DatePrecision.Range => FormatPoint(Start, FromPrecision) + "/" + FormatPoint(End, ToPrecision),
        DatePrecision.Circa => "~" + (Start.Year + 1).ToString("D4", CultureInfo.InvariantCulture),
        _ => FormatPoint(Start, Precision),
    };

    /// <summary>Parses a canonical form; throws <see cref="FormatException"/> naming the value and the expected forms.</summary>
    public static FuzzyDate ParseCanonical(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParseCanonical(value, out var date, out var error) ? date : throw new FormatException(error);
    }

    public static bool TryParseCanonical(string? value, [NotNullWhen(true)] out FuzzyDate? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        if (value is null)
        {
            error = "a missing value is not a canonical date; " + ExpectedForms;
            return false;
        }

        var s = value.Trim();
        int slash = s.IndexOf('/');
        if (slash < 0)
        {
            if (!s.StartsWith('~'))
            {
                return TryParsePoint(s, value, out date, out error);
            }

            if (s.Length != 5 || !IsDigits(s.AsSpan(1)))
            {
                error = NotCanonical(value);
                return false;
            }

            int year = int.Parse(s.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
            if (YearError(year) is { } yearError)
            {
                error = NotADate(value, yearError);
                return false;
            }

            date = Circa(year);
            error = null;
            return true;
        }

        var left = s[..slash];
        var right = s[(slash + 1)..];
        if (right.Contains('/'))
        {
            error = NotCanonical(value);
            return false;
        }

        if (left.StartsWith('~') || right.StartsWith('~'))
        {
            error = $"\"{value}\" is not a canonical date; the ends of a range must each be YYYY-MM-DD, YYYY-MM, YYYY-season or YYYY";
            return false;
        }

        if (!TryParsePoint(left, value, out var from, out error) || !TryParsePoint(right, value, out var to, out error))
        {
            return false;
        }

        if (to.End < from.Start)
        {
            error = NotADate(value, RangeReversed(from, to));
            return false;
        }

        date = Between(from, to);
        return true;
    }

    /// <summary>
    /// Finds a date in English, Russian or Kazakh words ("in spring 2017", "в конце августа 2018",
    /// "2019 жылы наурызда"); the first date mentioned wins. <paramref name="reference"/> (usually the
    /// publication date) supplies the year when the words give none ("on February 22", "last year").
    /// The result keeps <paramref name="words"/> as its <see cref="Text"/>. Never throws.
    /// </summary>
    public static bool TryParseText(string words, DateOnly? reference, [NotNullWhen(true)] out FuzzyDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(words))
        {
            return false;
        }

        try
        {
            var found = TryParseCanonical(words, out var canonical, out _) ? canonical : FuzzyDateText.Find(words, reference);
            if (found is null)
            {
                return false;
            }

            date = found with { Text = words };
            return true;
        }
        catch (Exception)
        {
            // Ingestion feeds arbitrary text; a parser bug must cost one date, not the import.
            date = null;
            return false;
        }
    }

    /// <summary>Earlier start first; on the same start the narrower date first; then by canonical form.</summary>
    public int CompareTo(FuzzyDate? other)
    {
        if (other is null)
        {
            return 1;
        }

        int byStart = Start.CompareTo(other.Start);
        if (byStart != 0)
        {
            return byStart;
        }

        int byEnd = End.CompareTo(other.End);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(ToCanonical(), other.ToCanonical());
    }

    public override string ToString() => ToCanonical();

    internal static string? YearError(int year) =>
        year is < MinYear or > MaxYear ? $"year must be {MinYear} to {MaxYear}" : null;

    internal static string? MonthError(int month) => month is < 1 or > 12 ? "month must be 1 to 12" : null;

    /// <summary>Call only with a valid year and month.</summary>
    internal static string? DayError(int year, int month, int day)
    {
        int days = DateTime.DaysInMonth(year, month);
        if (day >= 1 && day <= days)
        {
            return null;
        }

        return month == 2 && day == 29
            ? $"February 29 does not exist in {year}, which is not a leap year"
            : $"day must be 1 to {days} in {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year}";
    }

    internal static FuzzyDate? TryOnDay(int year, int month, int day) =>
        YearError(year) is null && MonthError(month) is null && DayError(year, month, day) is null ? OnDay(year, month, day) : null;

    internal static FuzzyDate? TryInMonth(int year, int month) =>
        YearError(year) is null && MonthError(month) is null ? InMonth(year, month) : null;

    internal static FuzzyDate? TryInSeason(int year, Season season) => YearError(year) is null ? InSeason(year, season) : null;

    internal static FuzzyDate? TryInYear(int year) => YearError(year) is null ? InYear(year) : null;

    internal static FuzzyDate? TryCirca(int year) => YearError(year) is null ? Circa(year) : null;

    internal static FuzzyDate? TryBetween(FuzzyDate? from, FuzzyDate? to) =>
        from is null || to is null || from.Precision == DatePrecision.Circa || to.Precision == DatePrecision.Circa || to.End < from.Start
            ? null
            : Between(from, to);

    private static string FormatPoint(DateOnly day, DatePrecision precision) => precision switch
    {
        DatePrecision.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Season => SeasonCalendar.Format(day),
        DatePrecision.Year => day.Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static bool TryParsePoint(string part, string whole, [NotNullWhen(true)] out FuzzyDate? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        error = null;
        if (part.Length < 4 || !IsDigits(part.AsSpan(0, 4)) || (part.Length > 4 && part[4] != '-'))
        {
            error = NotCanonical(whole);
            return false;
        }

        int year = int.Parse(part.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var rest = part.AsSpan(Math.Min(part.Length, 5));
        bool isMonth = rest.Length == 2 && IsDigits(rest);
        bool isDay = rest.Length == 5 && IsDigits(rest[..2]) && rest[2] == '-' && IsDigits(rest[3..]);
        bool isSeason = rest.Length > 0 && IsLetters(rest);
        if (part.Length > 4 && !isMonth && !isDay && !isSeason)
        {
            error = NotCanonical(whole);
            return false;
        }

        if (YearError(year) is { } yearError)
        {
            error = NotADate(whole, yearError);
            return false;
        }

        if (part.Length == 4)
        {
            date = InYear(year);
            return true;
        }

        if (isSeason)
        {
            if (!SeasonCalendar.TryParseName(rest.ToString(), out var season))
            {
                error = NotADate(whole, $"\"{rest}\" is not a season; expected spring, summer, autumn (or fall) or winter");
                return false;
            }

            date = InSeason(year, season);
            return true;
        }

        int month = int.Parse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture);
        if (MonthError(month) is { } monthError)
        {
            error = NotADate(whole, monthError);
            return false;
        }

        if (isMonth)
        {
            date = InMonth(year, month);
            return true;
        }

        int day = int.Parse(rest[3..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (DayError(year, month, day) is { } dayError)
        {
            error = NotADate(whole, dayError);
            return false;
        }

        date = OnDay(year, month, day);
        return true;
    }

    private static string RangeReversed(FuzzyDate from, FuzzyDate to) =>
        $"the range ends ({to.ToCanonical()}) before it starts ({from.ToCanonical()})";

    private static string NotCanonical(string value) => $"\"{value}\" is not a canonical date; {ExpectedForms}";

    private static string NotADate(string value, string reason) => $"\"{value}\" is not a date: {reason}";

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Which months make a season, and the canonical season names.</summary>
internal static class SeasonCalendar
{
    public static int FirstMonth(Season season) => season switch
    {
        Season.Winter => 12,
        Season.Spring => 3,
        Season.Summer => 6,
        _ => 9,
    };

    /// <summary>"2017-spring" for any day of spring 2017; "2017-winter" for December 2017 to February 2018.</summary>
    public static string Format(DateOnly day)
    {
        var (year, season) = day.Month switch
        {
            12 => (day.Year, Season.Winter),
            1 or 2 => (day.Year - 1, Season.Winter),
            <= 5 => (day.Year, Season.Spring),
            <= 8 => (day.Year, Season.Summer),
            _ => (day.Year, Season.Autumn),
        };
        return year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Name(season);
    }

    public static string Name(Season season) => season switch
    {
        Season.Winter => "winter",
        Season.Spring => "spring",
        Season.Summer => "summer",
        _ => "autumn",
    };

    public static bool TryParseName(string name, out Season season)
    {
        switch (name.ToLowerInvariant())
        {
            case "winter":
                season = Season.Winter;
                return true;
            case "spring":
                season = Season.Spring;
                return true;
            case "summer":
                season = Season.Summer;
                return true;
            case "autumn" or "fall":
                season = Season.Autumn;
                return true;
            default:
                season = default;
                return false;
        }
    }
}
