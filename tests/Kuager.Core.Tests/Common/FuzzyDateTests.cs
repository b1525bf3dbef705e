using System.Globalization;

namespace Kuager.Core.Tests.Common;

public class FuzzyDateTests
{
    [Theory]
    [InlineData("2017-02-22", DatePrecision.Day, "2017-02-22", "2017-02-22")]
    [InlineData("2016-02-29", DatePrecision.Day, "2016-02-29", "2016-02-29")]
    [InlineData("2017-02", DatePrecision.Month, "2017-02-01", "2017-02-28")]
    [InlineData("2017-spring", DatePrecision.Season, "2017-03-01", "2017-05-31")]
    [InlineData("2017-summer", DatePrecision.Season, "2017-06-01", "2017-08-31")]
    [InlineData("2017-autumn", DatePrecision.Season, "2017-09-01", "2017-11-30")]
    [InlineData("2017-winter", DatePrecision.Season, "2017-12-01", "2018-02-28")]
    [InlineData("2019-winter", DatePrecision.Season, "2019-12-01", "2020-02-29")]
    [InlineData("2017", DatePrecision.Year, "2017-01-01", "2017-12-31")]
    [InlineData("2018-06/2018-07", DatePrecision.Range, "2018-06-01", "2018-07-31")]
    [InlineData("2018-06-01/2018-07-31", DatePrecision.Range, "2018-06-01", "2018-07-31")]
    [InlineData("2016/2018", DatePrecision.Range, "2016-01-01", "2018-12-31")]
    [InlineData("2017-winter/2018-03-05", DatePrecision.Range, "2017-12-01", "2018-03-05")]
    [InlineData("~2016", DatePrecision.Circa, "2015-01-01", "2017-12-31")]
    public void Canonical_forms_round_trip(string canonical, DatePrecision precision, string start, string end)
    {
        var date = FuzzyDate.ParseCanonical(canonical);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(Day(start), date.Start);
        Assert.Equal(Day(end), date.End);
        Assert.Equal(canonical, date.ToCanonical());
        Assert.Equal(canonical, date.ToString());
        Assert.Equal(date, FuzzyDate.ParseCanonical(date.ToCanonical()));
        Assert.True(FuzzyDate.TryParseCanonical(canonical, out var again, out var error));
        Assert.Equal(date, again);
        Assert.Null(error);
    }

    [Fact]
    public void Factories_give_the_canonical_forms()
    {
        Assert.Equal("2017-02-22", FuzzyDate.OnDay(2017, 2, 22).ToCanonical());
        Assert.Equal("2017-02", FuzzyDate.InMonth(2017, 2).ToCanonical());
        Assert.Equal("2017-spring", FuzzyDate.InSeason(2017, Season.Spring).ToCanonical());
        Assert.Equal("2017", FuzzyDate.InYear(2017).ToCanonical());
        Assert.Equal("~2016", FuzzyDate.Circa(2016).ToCanonical());
        Assert.Equal("2018-06/2018-07", FuzzyDate.Between(FuzzyDate.InMonth(2018, 6), FuzzyDate.InMonth(2018, 7)).ToCanonical());
        Assert.Equal(Season.Winter, FuzzyDate.InSeason(2017, Season.Winter).Season);
        Assert.Null(FuzzyDate.InMonth(2017, 2).Season);
        Assert.Equal("in spring 2017", FuzzyDate.InSeason(2017, Season.Spring, "in spring 2017").Text);
    }

    [Fact]
    public void Range_and_day_precision_stay_distinct()
    {
        var months = FuzzyDate.ParseCanonical("2018-06/2018-07");
        var days = FuzzyDate.ParseCanonical("2018-06-01/2018-07-31");

        Assert.NotEqual(months, days);
        Assert.Equal(months.SortKey, days.SortKey);
    }

    [Fact]
    public void A_range_of_ranges_keeps_the_outer_ends()
    {
        var range = FuzzyDate.Between(FuzzyDate.ParseCanonical("2018-06/2018-07"), FuzzyDate.ParseCanonical("2018-09-01/2018-10"));

        Assert.Equal("2018-06/2018-10", range.ToCanonical());
    }

    [Fact]
    public void Fall_is_read_as_autumn()
    {
        Assert.Equal("2017-autumn", FuzzyDate.ParseCanonical("2017-fall").ToCanonical());
        Assert.Equal("2017-autumn", FuzzyDate.ParseCanonical("2017-fall/2018").ToCanonical()[..11]);
    }

    [Fact]
    public void Text_survives_with_and_is_part_of_equality()
    {
        var plain = FuzzyDate.InYear(2016);
        var worded = plain with { Text = "in 2016" };

        Assert.Equal("in 2016", worded.Text);
        Assert.Equal("2016", worded.ToCanonical());
        Assert.NotEqual(plain, worded);
        Assert.Equal(0, plain.CompareTo(worded));
    }

    [Theory]
    [InlineData("2017-13", "\"2017-13\" is not a date: month must be 1 to 12")]
    [InlineData("2017-00-10", "\"2017-00-10\" is not a date: month must be 1 to 12")]
    [InlineData("2017-02-29", "\"2017-02-29\" is not a date: February 29 does not exist in 2017, which is not a leap year")]
    [InlineData("2017-04-31", "\"2017-04-31\" is not a date: day must be 1 to 30 in April 2017")]
    [InlineData("1850", "\"1850\" is not a date: year must be 1900 to 2100")]
    [InlineData("~2101", "\"~2101\" is not a date: year must be 1900 to 2100")]
    [InlineData("2018-09/2018-07", "\"2018-09/2018-07\" is not a date: the range ends (2018-07) before it starts (2018-09)")]
    [InlineData("2017-spriing", "\"2017-spriing\" is not a date: \"spriing\" is not a season; expected spring, summer, autumn (or fall) or winter")]
    [InlineData("spring 2017", "\"spring 2017\" is not a canonical date; expected YYYY-MM-DD, YYYY-MM, YYYY-season, YYYY, ~YYYY or FROM/TO")]
    [InlineData("2017-2", "\"2017-2\" is not a canonical date; expected YYYY-MM-DD, YYYY-MM, YYYY-season, YYYY, ~YYYY or FROM/TO")]
    [InlineData("22.02.2018", "\"22.02.2018\" is not a canonical date; expected YYYY-MM-DD, YYYY-MM, YYYY-season, YYYY, ~YYYY or FROM/TO")]
    [InlineData("", "\"\" is not a canonical date; expected YYYY-MM-DD, YYYY-MM, YYYY-season, YYYY, ~YYYY or FROM/TO")]
    [InlineData("2016/2017/2018", "\"2016/2017/2018\" is not a canonical date; expected YYYY-MM-DD, YYYY-MM, YYYY-season, YYYY, ~YYYY or FROM/TO")]
    [InlineData("~2016/2018", "\"~2016/2018\" is not a canonical date; the ends of a range must each be YYYY-MM-DD, YYYY-MM, YYYY-season or YYYY")]
    public void Invalid_canonical_values_are_rejected_with_a_clear_message(string value, string message)
    {
        var exception = Assert.Throws<FormatException>(() => FuzzyDate.ParseCanonical(value));
        Assert.Equal(message, exception.Message);

        Assert.False(FuzzyDate.TryParseCanonical(value, out var date, out var error));
        Assert.Null(date);
        Assert.Equal(message, error);
    }

    [Fact]
    public void A_missing_canonical_value_is_an_error_not_a_crash()
    {
        Assert.False(FuzzyDate.TryParseCanonical(null, out var date, out var error));
        Assert.Null(date);
        Assert.Contains("expected YYYY-MM-DD", error);
    }

    [Fact]
    public void Factories_validate_their_arguments()
    {
        Assert.Contains("month must be 1 to 12", Assert.Throws<ArgumentOutOfRangeException>(() => FuzzyDate.InMonth(2017, 13)).Message);
        Assert.Contains("February 29 does not exist in 2017, which is not a leap year",
            Assert.Throws<ArgumentOutOfRangeException>(() => FuzzyDate.OnDay(2017, 2, 29)).Message);
        Assert.Equal("2016-02-29", FuzzyDate.OnDay(2016, 2, 29).ToCanonical());
        Assert.Contains("day must be 1 to 31 in January 2017", Assert.Throws<ArgumentOutOfRangeException>(() => FuzzyDate.OnDay(2017, 1, 32)).Message);
        Assert.Contains("year must be 1900 to 2100", Assert.Throws<ArgumentOutOfRangeException>(() => FuzzyDate.InYear(1899)).Message);
        Assert.Contains("year must be 1900 to 2100", Assert.Throws<ArgumentOutOfRangeException>(() => FuzzyDate.Circa(2101)).Message);
        Assert.Contains("year must be 1900 to 2100", Assert.Throws<ArgumentOutOfRangeException>(() => FuzzyDate.InSeason(1850, Season.Summer)).Message);
        Assert.Contains("the range ends (2018-07) before it starts (2018-09)",
            Assert.Throws<ArgumentException>(() => FuzzyDate.Between(FuzzyDate.InMonth(2018, 9), FuzzyDate.InMonth(2018, 7))).Message);
        Assert.Contains("circa", Assert.Throws<ArgumentException>(() => FuzzyDate.Between(FuzzyDate.Circa(2016), FuzzyDate.InYear(2018))).Message);
    }

    [Fact]
    public void Sorting_by_CompareTo_and_by_SortKey_agree_and_read_sensibly()
    {
        // Earlier start first; on the same start the narrower date first: 2016 before ~2017 (which starts with 2016).
        string[] expected =
        [
            "~2016",
            "2016",
            "~2017",
            "2016-05/2016-08",
            "2016-winter",
            "2017-01-01",
            "2017",
            "2017-02",
            "2017-02-22",
            "2017-03-01",
            "2017-03",
            "2017-spring",
            "2017-03/2017-08",
            "2017-06-01",
            "2018-06/2018-07",
            "2018-07",
        ];
        var dates = expected.Select(FuzzyDate.ParseCanonical).Reverse().ToList();

        var byCompare = dates.Order().Select(d => d.ToCanonical()).ToArray();
        var byKey = dates.OrderBy(d => d.SortKey).Select(d => d.ToCanonical()).ToArray();

        Assert.Equal(expected, byCompare);
        Assert.Equal(expected, byKey);
    }

    [Fact]
    public void SortKey_is_start_day_then_span()
    {
        var spring = FuzzyDate.InSeason(2017, Season.Spring);

        Assert.Equal((new DateOnly(2017, 3, 1).DayNumber * 100000L) + 91, spring.SortKey);
        Assert.True(FuzzyDate.InMonth(2017, 2).CompareTo(spring) < 0);
        Assert.True(spring.CompareTo(FuzzyDate.OnDay(2017, 6, 1)) < 0);
        Assert.True(spring.CompareTo(null) > 0);
    }

    [Theory]
    // English
    [InlineData("February 22, 2018", null, "2018-02-22")]
    [InlineData("22 February 2018", null, "2018-02-22")]
    [InlineData("on the 22nd of February 2018", null, "2018-02-22")]
    [InlineData("Feb. 22, 2018", null, "2018-02-22")]
    [InlineData("He was detained on February 22", "2019-05-01", "2019-02-22")]
    [InlineData("on February 22", "2019-02-10", "2018-02-22")]
    [InlineData("on February 22", "2019-02-19", "2019-02-22")]
    [InlineData("in March 2019", null, "2019-03")]
    [InlineData("March 2019", null, "2019-03")]
    [InlineData("in March of last year", "2019-05-01", "2018-03")]
    [InlineData("in May", "2019-03-01", "2018-05")]
    [InlineData("in spring 2017", null, "2017-spring")]
    [InlineData("in the spring of 2017", null, "2017-spring")]
    [InlineData("She was taken away in the fall of 2017 and has not been heard from since", null, "2017-autumn")]
    [InlineData("winter 2018", null, "2017-winter")]
    [InlineData("in the winter of 2017-2018", null, "2017-winter")]
    [InlineData("June or July of 2018", null, "2018-06/2018-07")]
    [InlineData("sometime around 2016 or 2017", null, "2016/2017")]
    [InlineData("between May and August 2018", null, "2018-05/2018-08")]
    [InlineData("between November and February 2018", null, "2017-11/2018-02")]
    [InlineData("from March 2017 to June 2018", null, "2017-03/2018-06")]
    [InlineData("between 2016 and 2018", null, "2016/2018")]
    [InlineData("in 2016–2018", null, "2016/2018")]
    [InlineData("February 22-25, 2018", null, "2018-02-22/2018-02-25")]
    [InlineData("at the end of August 2018", null, "2018-08-22/2018-08-31")]
    [InlineData("in late August 2018", null, "2018-08-22/2018-08-31")]
    [InlineData("in early February 2019", null, "2019-02-01/2019-02-10")]
    [InlineData("at the end of August", "2018-10-15", "2018-08-22/2018-08-31")]
    [InlineData("early 2017", null, "2017-01/2017-04")]
    [InlineData("mid-2017", null, "2017-05/2017-08")]
    [InlineData("in the second half of 2017", null, "2017-07/2017-12")]
    [InlineData("in 2016", null, "2016")]
    [InlineData("He may have been detained in 2017", null, "2017")]
    [InlineData("around 2016", null, "~2016")]
    [InlineData("circa 2016", null, "~2016")]
    [InlineData("about 2016", null, "~2016")]
    [InlineData("c. 2016", null, "~2016")]
    [InlineData("in the 1990s", null, "1990/1999")]
    [InlineData("last year", "2019-05-01", "2018")]
    [InlineData("this year", "2019-05-01", "2019")]
    [InlineData("yesterday", "2019-05-01", "2019-04-30")]
    // Weekdays: the last such day on or before the report's date (2021-03-10 is a Wednesday); "last" means strictly before.
    [InlineData("He was detained on Monday after the protest", "2021-03-10", "2021-03-08")]
    [InlineData("detained on Wednesday", "2021-03-10", "2021-03-10")]
    [InlineData("detained last Wednesday", "2021-03-10", "2021-03-03")]
    [InlineData("released on Sunday", "2021-03-10", "2021-03-07")]
    [InlineData("Его задержали в понедельник", "2021-03-10", "2021-03-08")]
    [InlineData("во вторник суд назначил штраф", "2021-03-10", "2021-03-09")]
    [InlineData("в прошлую пятницу", "2021-03-10", "2021-03-05")]
    [InlineData("Ол дүйсенбі күні ұсталды", "2021-03-10", "2021-03-08")]
    [InlineData("2018-02-22", null, "2018-02-22")]
    [InlineData("detained on 2018-02-22 in Urumqi", null, "2018-02-22")]
    [InlineData("22.02.2018", null, "2018-02-22")]
    [InlineData("02/22/2018", null, "2018-02-22")]
    // Russian
    [InlineData("22 февраля 2018 года", null, "2018-02-22")]
    [InlineData("22.02.2018 г.", null, "2018-02-22")]
    [InlineData("Его задержали 5 мая", "2019-06-01", "2019-05-05")]
    [InlineData("в марте 2019 года", null, "2019-03")]
    [InlineData("в марте прошлого года", "2019-05-01", "2018-03")]
    [InlineData("весной 2017 года", null, "2017-spring")]
    [InlineData("летом 2018", null, "2018-summer")]
    [InlineData("осенью", "2019-01-20", "2018-autumn")]
    [InlineData("зимой 2018 года", null, "2017-winter")]
    [InlineData("в 2016 году", null, "2016")]
    [InlineData("в 2016-м году", null, "2016")]
    [InlineData("в прошлом году", "2019-05-01", "2018")]
    [InlineData("в конце августа 2018", null, "2018-08-22/2018-08-31")]
    [InlineData("в начале 2017 года", null, "2017-01/2017-04")]
    [InlineData("в июне или июле 2018 года", null, "2018-06/2018-07")]
    [InlineData("с мая по август 2018 года", null, "2018-05/2018-08")]
    [InlineData("с 2016 по 2018 год", null, "2016/2018")]
    [InlineData("около 2016 года", null, "~2016")]
    [InlineData("примерно в 2016 году", null, "~2016")]
    [InlineData("в 1990-е годы", null, "1990/1999")]
    [InlineData("в Казани 22 февраля 2018 года", null, "2018-02-22")]
    // Kazakh
    [InlineData("2018 жылғы 22 ақпан", null, "2018-02-22")]
    [InlineData("2018 жылы 22 ақпанда", null, "2018-02-22")]
    [InlineData("2019 жылы наурызда", null, "2019-03")]
    [InlineData("Ол 2017 жылы сәуірде ұсталды", null, "2017-04")]
    [InlineData("2017 жылдың көктемінде", null, "2017-spring")]
    [InlineData("2016 жылы", null, "2016")]
    [InlineData("2018 жылдың тамыз айының соңында", null, "2018-08-22/2018-08-31")]
    [InlineData("2017 жылдың басында", null, "2017-01/2017-04")]
    [InlineData("2018 жылы маусымда немесе шілдеде", null, "2018-06/2018-07")]
    [InlineData("2016-2018 жылдары", null, "2016/2018")]
    [InlineData("2016 жылдан 2018 жылға дейін", null, "2016/2018")]
    [InlineData("шамамен 2016 жылы", null, "~2016")]
    [InlineData("мамыр айында", "2019-05-20", "2019-05")]
    [InlineData("Ақпанның 22-сі күні", "2019-05-01", "2019-02-22")]
    [InlineData("былтыр", "2019-05-01", "2018")]
    [InlineData("биыл қыркүйекте", "2019-10-01", "2019-09")]
    [InlineData("2018 ж. 5 желтоқсан", null, "2018-12-05")]
    public void Natural_language_dates_are_found(string words, string? reference, string canonical)
    {
        Assert.True(FuzzyDate.TryParseText(words, reference is null ? null : Day(reference), out var date), words);
        Assert.Equal(canonical, date.ToCanonical());
        Assert.Equal(words, date.Text);
    }

    [Fact]
    public void Precision_of_text_dates_matches_the_wording()
    {
        Assert.True(FuzzyDate.TryParseText("at the end of August 2018", null, out var end));
        Assert.Equal(DatePrecision.Range, end.Precision);

        Assert.True(FuzzyDate.TryParseText("весной 2017 года", null, out var spring));
        Assert.Equal(DatePrecision.Season, spring.Precision);
        Assert.Equal(Season.Spring, spring.Season);

        Assert.True(FuzzyDate.TryParseText("around 2016", null, out var circa));
        Assert.Equal(DatePrecision.Circa, circa.Precision);
    }

    [Theory]
    [InlineData("sentenced to a year and four months", "2019-05-01")]
    [InlineData("no date here", "2019-05-01")]
    [InlineData("last year", null)]
    [InlineData("on February 22", null)]
    [InlineData("He may be released", "2019-05-01")]
    [InlineData("31.02.2018", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("1850", null)]
    [InlineData("on Monday", null)]
    [InlineData("Monday's protest drew hundreds", "2021-03-10")]
    public void Text_without_a_usable_date_gives_false(string words, string? reference)
    {
        Assert.False(FuzzyDate.TryParseText(words, reference is null ? null : Day(reference), out var date));
        Assert.Null(date);
    }

    [Fact]
    public void Odd_input_never_throws()
    {
        string[] odd = ["\ud800 2018", "99999999999999999999 2017", "~~~~", "between and", "с по", "- - -", "2018-", "жылы жылы", new string('9', 5000)];
        foreach (var text in odd)
        {
            _ = FuzzyDate.TryParseText(text, new DateOnly(2019, 5, 1), out _);
        }

        Assert.False(FuzzyDate.TryParseText(null!, null, out _));
    }

    private static DateOnly Day(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
