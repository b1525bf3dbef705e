using System.Globalization;
using System.Text;

namespace Kuager.Core;

/// <summary>
/// Finds a date in English, Russian or Kazakh text. Words are lower-cased and Kazakh letters folded to their
/// Russian look-alikes (қ→к, ң→н, і→и...), so text typed without a Kazakh keyboard matches too. Month and season
/// names are matched by stem with the case endings each language allows. The first (leftmost) date in the text
/// wins; at one position the longest reading wins ("June or July of 2018" over "June").
/// </summary>
internal sealed class FuzzyDateText
{
    // "On February 22" read on February 20 means this year's February 22, not last year's.
    private const int FutureToleranceDays = 7;
    private const int MaxDepth = 4;

    private static readonly Dictionary<string, int> ExactMonths = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
        ["янв"] = 1, ["фев"] = 2, ["февр"] = 2, ["мар"] = 3, ["апр"] = 4, ["авг"] = 8, ["сент"] = 9,
        ["окт"] = 10, ["ноя"] = 11, ["нояб"] = 11, ["дек"] = 12,
    };

    private static readonly HashSet<string> Abbreviations =
    [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "янв", "фев", "февр", "мар", "апр", "авг", "сент", "окт", "ноя", "нояб", "дек",
        "г", "гг", "ж", "жж", "ca", "c", "approx",
    ];

    private static readonly string[] RussianSoft = ["ь", "я", "е", "ю", "ем"];
    private static readonly string[] RussianHard = ["", "а", "е", "у", "ом"];

    private static readonly (string Stem, int Month, string[] Endings)[] RussianMonths =
    [
        ("январ", 1, RussianSoft), ("феврал", 2, RussianSoft), ("март", 3, RussianHard), ("апрел", 4, RussianSoft),
        ("ма", 5, ["й", "я", "е", "ю", "ем"]), ("июн", 6, RussianSoft), ("июл", 7, RussianSoft), ("август", 8, RussianHard),
        ("сентябр", 9, RussianSoft), ("октябр", 10, RussianSoft), ("ноябр", 11, RussianSoft), ("декабр", 12, RussianSoft),
    ];

    // Kazakh case and possessive endings (folded), split by vowel harmony: "наурызда", "сәуірде", "қарашасында".
    // Harmony keeps the Russian "Казани" (Kazan) from reading as қазан (October).
    private static readonly string[] KazakhBack =
    [
        "", "да", "та", "нын", "дын", "тын", "га", "ка", "на", "дан", "тан", "нан", "ды", "ты", "ны", "дагы", "тагы",
        "ы", "ын", "ында", "ынын", "ына", "ынан", "ындагы", "сы", "сын", "сында", "сынын", "сына", "сынан", "сындагы",
    ];

    private static readonly string[] KazakhFront =
    [
        "", "де", "те", "нин", "дин", "тин", "ге", "ке", "не", "ден", "тен", "нен", "ди", "ти", "ни", "деги", "теги",
        "и", "ин", "инде", "инин", "ине", "инен", "индеги", "си", "син", "синде", "синин", "сине", "синен", "синдеги",
    ];

    private static readonly (string Stem, int Month, string[] Endings)[] KazakhMonths =
    [
        ("кантар", 1, KazakhBack), ("акпан", 2, KazakhBack), ("наурыз", 3, KazakhBack), ("сауир", 4, KazakhFront),
        ("мамыр", 5, KazakhBack), ("маусым", 6, KazakhBack), ("шилде", 7, KazakhFront), ("тамыз", 8, KazakhBack),
        ("кыркуйек", 9, KazakhFront), ("казан", 10, KazakhBack), ("караша", 11, KazakhBack), ("желтоксан", 12, KazakhBack),
    ];

    private static readonly Dictionary<string, Season> ExactSeasons = new(StringComparer.Ordinal)
    {
        ["spring"] = Season.Spring, ["summer"] = Season.Summer, ["autumn"] = Season.Autumn, ["fall"] = Season.Autumn,
        ["winter"] = Season.Winter,
    };

    private static readonly (string Stem, Season Season, string[] Endings)[] StemSeasons =
    [
        ("весн", Season.Spring, ["а", "ы", "е", "у", "ой", "ою"]),
        ("лет", Season.Summer, ["о", "а", "е", "у", "ом"]),
        ("осен", Season.Autumn, ["ь", "и", "ью"]),
        ("зим", Season.Winter, ["а", "ы", "е", "у", "ой", "ою"]),
        ("коктем", Season.Spring, KazakhFront),
        ("жаз", Season.Summer, KazakhBack),
        ("куз", Season.Autumn, KazakhFront),
        ("кыс", Season.Winter, KazakhBack),
    ];

    // "весной", "летом": Russian says "in spring" without a preposition.
    private static readonly HashSet<string> SeasonAdverbs = ["весной", "весною", "летом", "осенью", "зимой", "зимою"];

    private static readonly HashSet<string> RussianYearWords =
        ["год", "года", "году", "годом", "годе", "годы", "годах", "годов", "годам", "г", "гг"];

    private static readonly HashSet<string> KazakhYearEndings =
        ["", "ы", "гы", "дын", "дан", "га", "да", "ды", "дагы", "дар", "дары", "дарда", "дарга", "дардын", "дардан", "дардагы"];

    private static readonly HashSet<string> DayOrdinals =
        ["st", "nd", "rd", "th", "го", "е", "ое", "ого", "й", "ий", "ши", "шы", "си", "сы", "нши", "ншы", "инши"];

    private static readonly HashSet<string> YearOrdinals = ["го", "м", "й", "ом", "ого", "ый", "ой"];

    private static readonly HashSet<string> DecadeSuffixes = ["s", "е", "х", "ые", "ых", "ым", "ми"];

    // "тамыз айында": Kazakh often adds the word "month" after the month's name.
    private static readonly HashSet<string> KazakhMonthWords =
        ["ай", "айы", "айда", "айында", "айынын", "айына", "айынан", "айлары", "айларында", "айларда", "айдын"];

    private static readonly HashSet<string> RangePrefixes = ["between", "from", "между", "с", "со"];

    private static readonly HashSet<string> RangeClosers = ["inclusive", "включительно", "дейин", "шейин", "аралыгында", "аралыгы"];

    private static readonly HashSet<string> LooseContext = ["in", "during", "в", "во"];

    private static readonly HashSet<string> CircaWords =
    [
        "around", "about", "circa", "approximately", "approx", "roughly", "ca",
        "около", "примерно", "приблизительно", "ориентировочно", "шамамен",
    ];

    private static readonly HashSet<string> KazakhCirca = ["шамасында", "шамасы", "шамалы"];

    private static readonly Dictionary<string, Part> KazakhPartWords = new(StringComparer.Ordinal)
    {
        ["басында"] = Part.Early, ["басы"] = Part.Early, ["басына"] = Part.Early,
        ["ортасында"] = Part.Mid, ["ортасы"] = Part.Mid, ["ортасына"] = Part.Mid,
        ["сонында"] = Part.Late, ["соны"] = Part.Late, ["сонына"] = Part.Late,
        ["аягында"] = Part.Late, ["аягы"] = Part.Late, ["аягына"] = Part.Late,
    };

    private static readonly Dictionary<string, Part> RussianPartWords = new(StringComparer.Ordinal)
    {
        ["начале"] = Part.Early, ["начала"] = Part.Early, ["начало"] = Part.Early,
        ["середине"] = Part.Mid, ["середины"] = Part.Mid, ["середина"] = Part.Mid, ["середину"] = Part.Mid,
        ["конце"] = Part.Late, ["конца"] = Part.Late, ["конец"] = Part.Late, ["концу"] = Part.Late,
    };

    private static readonly Dictionary<string, int> RussianRelativeYears = new(StringComparer.Ordinal)
    {
        ["прошлого"] = -1, ["прошлом"] = -1, ["прошлый"] = -1, ["минувшего"] = -1, ["минувшем"] = -1, ["минувший"] = -1,
        ["позапрошлого"] = -2, ["позапрошлом"] = -2, ["позапрошлый"] = -2,
        ["этого"] = 0, ["этом"] = 0, ["этот"] = 0, ["текущего"] = 0, ["текущем"] = 0, ["текущий"] = 0,
        ["нынешнего"] = 0, ["нынешнем"] = 0, ["нынешний"] = 0,
        ["следующего"] = 1, ["следующем"] = 1, ["следующий"] = 1, ["будущего"] = 1, ["будущем"] = 1,
    };

    private static readonly HashSet<string> RussianMonthWords = ["месяц", "месяца", "месяце", "месяцем"];

    private readonly List<Token> _t;
    private readonly DateOnly? _reference;

    private FuzzyDateText(List<Token> tokens, DateOnly? reference)
    {
        _t = tokens;
        _reference = reference;
    }

    private enum TokenKind
    {
        Word,
        Number,
        Punct,
    }

    private enum Part
    {
        Early,
        Mid,
        Late,
        FirstHalf,
        SecondHalf,
    }

    public static FuzzyDate? Find(string words, DateOnly? reference)
    {
        var parser = new FuzzyDateText(Tokenize(words), reference);
        for (int i = 0; i < parser._t.Count; i++)
        {
            if (parser.BestAt(i) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private FuzzyDate? BestAt(int i)
    {
        var hits = new List<Hit>();
        UnitsAt(i, hits, 0);
        RangesAt(i, hits, 0);
        FuzzyDate? best = null;
        int bestEnd = -1;
        foreach (var hit in hits)
        {
            if (hit.End <= bestEnd)
            {
                continue;
            }

            var date = hit.Date ?? (hit.Loose && !LooseAllowed(i) ? null : Resolve(hit.Build));
            if (date is not null)
            {
                best = date;
                bestEnd = hit.End;
            }
        }

        return best;
    }

    /// <summary>A date without a year takes the latest year in which it does not lie (much) after the reference.</summary>
    private FuzzyDate? Resolve(Func<int, FuzzyDate?>? build)
    {
        if (build is null || _reference is not DateOnly reference)
        {
            return null;
        }

        var limit = reference.AddDays(FutureToleranceDays);
        for (int year = reference.Year; year >= reference.Year - 4; year--)
        {
            if (build(year) is { } date && date.Start <= limit)
            {
                return date;
            }
        }

        return null;
    }

    // A bare month or season ("May", "spring") is a date only where the wording says so: "in May", "весной", "мамырда".
    private bool LooseAllowed(int i)
    {
        var word = _t[i].Text;
        if (SeasonAdverbs.Contains(word) || word.EndsWith("да", StringComparison.Ordinal) || word.EndsWith("де", StringComparison.Ordinal)
            || word.EndsWith("та", StringComparison.Ordinal) || word.EndsWith("те", StringComparison.Ordinal))
        {
            return true;
        }

        // "мамыр айында": the locative sits on the word "month" after the name.
        if (At(i + 1) is { Kind: TokenKind.Word } next && KazakhMonthWords.Contains(next.Text) && next.Text.EndsWith("да", StringComparison.Ordinal))
        {
            return true;
        }

        int before = WordAt(i - 1, "the") ? i - 2 : i - 1;
        return At(before) is { Kind: TokenKind.Word } previous && LooseContext.Contains(previous.Text);
    }

    private void UnitsAt(int i, List<Hit> hits, int depth)
    {
        if (depth > MaxDepth || i >= _t.Count)
        {
            return;
        }

        NumericAt(i, hits);
        DecadeAt(i, hits);
        RelativeAt(i, hits);
        YearFirstAt(i, hits, depth);
        YearlessFirstAt(i, hits);

        if (PartAt(i) is var (part, afterPart))
        {
            var inner = new List<Hit>();
            UnitsAt(afterPart, inner, depth + 1);
            foreach (var hit in inner)
            {
                Add(hits, Map(hit, d => ApplyPart(d, part), hit.End));
            }
        }

        if (CircaAt(i) is int afterCirca)
        {
            var inner = new List<Hit>();
            UnitsAt(afterCirca, inner, depth + 1);
            foreach (var hit in inner)
            {
                Add(hits, Map(hit, ToCirca, hit.End));
            }
        }
    }

    // "2018-02-22", "22.02.2018", "02/22/2018", "2018-02", "02.2018", "2017-spring".
    private void NumericAt(int i, List<Hit> hits)
    {
        if (At(i) is not { Kind: TokenKind.Number } a || FollowsNumber(i))
        {
            return;
        }

        if (a.Text.Length == 4 && a.Suffix.Length > 0 && SeasonOf(a.Suffix) is Season season)
        {
            Add(hits, new Hit(i + 1, FuzzyDate.TryInSeason(a.Value, season), null));
            return;
        }

        if (a.Suffix.Length > 0 || AdjacentPunct(i + 1) is not ('-' or '.' or '/') || AdjacentNumber(i + 2) is not { } b)
        {
            return;
        }

        char separator = _t[i + 1].Text[0];
        if (AdjacentPunct(i + 3) == separator && AdjacentNumber(i + 4) is { } c && b.Suffix.Length == 0)
        {
            int end = i + 5;
            FuzzyDate? date = null;
            if (a.Text.Length == 4 && b.Text.Length <= 2 && c.Text.Length <= 2 && c.Suffix.Length == 0)
            {
                date = FuzzyDate.TryOnDay(a.Value, b.Value, c.Value);
            }
            else if (a.Text.Length <= 2 && b.Text.Length <= 2 && c.Text.Length == 4 && (c.Suffix.Length == 0 || IsYearWord(c.Suffix)))
            {
                // Day first, as in Russian and Kazakh; a slash date is month first only when it cannot be day first.
                var (day, month) = separator == '/' && b.Value > 12 && a.Value <= 12 ? (b.Value, a.Value) : (a.Value, b.Value);
                date = FuzzyDate.TryOnDay(c.Value, month, day);
                end = c.Suffix.Length > 0 ? SkipDot(c.Suffix, end) : SkipYearWord(end);
            }

            Add(hits, new Hit(end, date, null));
            return;
        }

        if (a.Text.Length == 4 && b.Text.Length == 2 && b.Suffix.Length == 0)
        {
            Add(hits, new Hit(i + 3, FuzzyDate.TryInMonth(a.Value, b.Value), null));
        }
        else if (a.Text.Length <= 2 && b.Text.Length == 4 && separator is '.' or '/' && (b.Suffix.Length == 0 || IsYearWord(b.Suffix)))
        {
            Add(hits, new Hit(b.Suffix.Length > 0 ? SkipDot(b.Suffix, i + 3) : SkipYearWord(i + 3), FuzzyDate.TryInMonth(b.Value, a.Value), null));
        }
    }

    // "the 1990s", "в 1990-е годы", "1990-х годах".
    private void DecadeAt(int i, List<Hit> hits)
    {
        if (At(i) is { Kind: TokenKind.Number } n && n.Text.Length == 4 && n.Value % 10 == 0 && DecadeSuffixes.Contains(n.Suffix))
        {
            Add(hits, new Hit(SkipYearWord(i + 1), FuzzyDate.TryBetween(FuzzyDate.TryInYear(n.Value), FuzzyDate.TryInYear(n.Value + 9)), null));
        }
    }

    // "yesterday", "вчера", "кеше"; "last month", "в этом месяце", "өткен айда".
    private void RelativeAt(int i, List<Hit> hits)
    {
        if (_reference is not DateOnly today || At(i) is not { Kind: TokenKind.Word } t)
        {
            return;
        }

        switch (t.Text)
        {
            case "today" or "сегодня" or "бугин":
                Add(hits, new Hit(i + 1, FuzzyDate.TryOnDay(today.Year, today.Month, today.Day), null));
                return;
            case "yesterday" or "вчера" or "кеше":
                Add(hits, Day(i + 1, today.AddDays(-1)));
                return;
            case "позавчера":
                Add(hits, Day(i + 1, today.AddDays(-2)));
                return;
            case "day" when WordAt(i + 1, "before") && WordAt(i + 2, "yesterday"):
                Add(hits, Day(i + 3, today.AddDays(-2)));
                return;
        }

        if (WeekdayAt(i) is { } weekday)
        {
            // "on Monday" in a news report is the last such day on or before its date ("last Monday": strictly before).
            var strictly = WordAt(i - 1, "last") || WordAt(i - 1, "прошлый") || WordAt(i - 1, "прошлую") || WordAt(i - 1, "откен");
            var back = ((int)today.DayOfWeek - (int)weekday + 7) % 7;
            if (back == 0 && strictly)
            {
                back = 7;
            }

            var end = WordAt(i + 1, "куни") ? i + 2 : i + 1;
            Add(hits, Day(end, today.AddDays(-back)));
            return;
        }

        int? offset = t.Text switch
        {
            "last" when WordAt(i + 1, "month") => -1,
            "this" or "current" when WordAt(i + 1, "month") => 0,
            "откен" when At(i + 1) is { Kind: TokenKind.Word } w && KazakhMonthWords.Contains(w.Text) => -1,
            "осы" when At(i + 1) is { Kind: TokenKind.Word } w && KazakhMonthWords.Contains(w.Text) => 0,
            _ when RussianRelativeYears.TryGetValue(t.Text, out int o) && o is -1 or 0
                && At(i + 1) is { Kind: TokenKind.Word } w && RussianMonthWords.Contains(w.Text) => o,
            _ => null,
        };
        if (offset is int months)
        {
            var month = today.AddMonths(months);
            Add(hits, new Hit(i + 2, FuzzyDate.TryInMonth(month.Year, month.Month), null));
        }
    }

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
        ["понедельник"] = DayOfWeek.Monday, ["вторник"] = DayOfWeek.Tuesday, ["среду"] = DayOfWeek.Wednesday, ["четверг"] = DayOfWeek.Thursday,
        ["пятницу"] = DayOfWeek.Friday, ["субботу"] = DayOfWeek.Saturday, ["воскресенье"] = DayOfWeek.Sunday,
        ["дуйсенби"] = DayOfWeek.Monday, ["сейсенби"] = DayOfWeek.Tuesday, ["сарсенби"] = DayOfWeek.Wednesday, ["бейсенби"] = DayOfWeek.Thursday,
        ["жума"] = DayOfWeek.Friday, ["сенби"] = DayOfWeek.Saturday, ["жексенби"] = DayOfWeek.Sunday,
    };

    /// <summary>
    /// A weekday that names a day: English after "on", "last" or "this" ("on Monday"), Russian after "в"/"во" ("в
    /// понедельник"), Kazakh before "күні" ("дүйсенбі күні"). A weekday alone ("Monday's protest") is too loose.
    /// </summary>
    private DayOfWeek? WeekdayAt(int i)
    {
        if (At(i) is not { Kind: TokenKind.Word } t || !Weekdays.TryGetValue(t.Text, out var day))
        {
            return null;
        }

        var cued = t.Text[0] < 128
            ? WordAt(i - 1, "on") || WordAt(i - 1, "last") || WordAt(i - 1, "this")
            : WordAt(i - 1, "в") || WordAt(i - 1, "во") || WordAt(i - 1, "прошлый") || WordAt(i - 1, "прошлую") || WordAt(i + 1, "куни");
        return cued ? day : null;
    }

    private static Hit Day(int end, DateOnly day) => new(end, FuzzyDate.TryOnDay(day.Year, day.Month, day.Day), null);

    // A year, then maybe what it qualifies, Kazakh order: "2019 жылы наурызда", "2018 жылғы 22 ақпан", "2018 жылы маусымда немесе шілдеде".
    private void YearFirstAt(int i, List<Hit> hits, int depth)
    {
        if (YearAt(i) is not { } year)
        {
            return;
        }

        AddWithSuffixes(hits, new Hit(year.End, FuzzyDate.TryInYear(year.Year), null));
        if (!year.Explicit)
        {
            return;
        }

        int k = PunctAt(year.End, ',') ? year.End + 1 : year.End;
        var after = new List<Hit>();
        YearlessAt(k, after);
        RangesAt(k, after, depth + 1);
        foreach (var hit in after)
        {
            if (hit.Date is null && hit.Build is not null)
            {
                AddWithSuffixes(hits, new Hit(hit.End, hit.Build(year.Year), null));
            }
        }
    }

    // What lacks a year, then maybe the year: "February 22, 2018", "22 февраля 2018 года", "the spring of 2017", "March last year".
    private void YearlessFirstAt(int i, List<Hit> hits)
    {
        var yearless = new List<Hit>();
        YearlessAt(i, yearless);
        foreach (var hit in yearless)
        {
            int k = hit.End;
            if (PunctAt(k, ','))
            {
                k++;
            }

            if (WordAt(k, "of"))
            {
                k++;
            }

            if (YearAt(k) is { } year)
            {
                AddWithSuffixes(hits, new Hit(year.End, hit.Build!(year.Year), null));

                // "the winter of 2017-2018", "зимой 2017/18 года": the winter that began in December 2017.
                if (At(i) is { Kind: TokenKind.Word } w && SeasonOf(w.Text) == Season.Winter && AdjacentPunct(year.End) is '-' or '/'
                    && AdjacentNumber(year.End + 1) is { Suffix.Length: 0 } next
                    && (next.Value == year.Year + 1 || (next.Text.Length == 2 && next.Value == (year.Year + 1) % 100)))
                {
                    AddWithSuffixes(hits, new Hit(SkipYearWord(year.End + 2), FuzzyDate.TryInSeason(year.Year, Season.Winter), null));
                }
            }

            AddWithSuffixes(hits, hit);
        }
    }

    private void YearlessAt(int i, List<Hit> hits)
    {
        if (DayAt(i) is var (day, afterDay))
        {
            int k = WordAt(afterDay, "of") ? afterDay + 1 : afterDay;
            if (MonthAt(k) is var (month, afterMonth))
            {
                hits.Add(new Hit(afterMonth, null, y => FuzzyDate.TryOnDay(y, month, day)));
            }
        }

        if (MonthAt(i) is var (m, end))
        {
            int k = WordAt(end, "the") ? end + 1 : end;
            if (DayAt(k) is var (d, afterDay2))
            {
                hits.Add(new Hit(afterDay2, null, y => FuzzyDate.TryOnDay(y, m, d)));
            }

            hits.Add(new Hit(end, null, y => FuzzyDate.TryInMonth(y, m), Loose: true));
        }

        // "Winter 2018" in words is the winter of January and February 2018 (as in "the 2018 Winter Olympics"),
        // which the canonical form calls 2017-winter (December 2017 to February 2018).
        if (At(i) is { Kind: TokenKind.Word } w && SeasonOf(w.Text) is Season season)
        {
            hits.Add(new Hit(i + 1, null, y => FuzzyDate.TryInSeason(season == Season.Winter ? y - 1 : y, season), Loose: true));
        }
    }

    // Kazakh puts "the end of" and "about" after the date: "2018 жылдың соңында", "2016 жыл шамасында".
    private void AddWithSuffixes(List<Hit> hits, Hit hit)
    {
        if (hit.Date is null && hit.Build is null)
        {
            return;
        }

        hits.Add(hit);
        if (At(hit.End) is not { Kind: TokenKind.Word } w)
        {
            return;
        }

        if (KazakhPartWords.TryGetValue(w.Text, out var part))
        {
            Add(hits, Map(hit, d => ApplyPart(d, part), hit.End + 1));
        }
        else if (w.Text is "биринши" or "екинши" && At(hit.End + 1) is { Kind: TokenKind.Word } half && half.Text.StartsWith("жарты", StringComparison.Ordinal))
        {
            var which = w.Text == "биринши" ? Part.FirstHalf : Part.SecondHalf;
            Add(hits, Map(hit, d => ApplyPart(d, which), hit.End + 2));
        }
        else if (KazakhCirca.Contains(w.Text))
        {
            Add(hits, Map(hit, ToCirca, hit.End + 1));
        }
    }

    // [between|from|с|между] A (and|or|to|-|или|по|немесе|...) B: "June or July of 2018", "с мая по август 2018 года",
    // "2016-2018 жылдары", "мамырдан тамызға дейін", "February 22-25, 2018".
    private void RangesAt(int i, List<Hit> hits, int depth)
    {
        if (depth > MaxDepth || i >= _t.Count)
        {
            return;
        }

        int j = i;
        bool prefixed = false;
        if (At(i) is { Kind: TokenKind.Word } p && RangePrefixes.Contains(p.Text))
        {
            j = i + 1;
            prefixed = true;
        }

        var starts = new List<Hit>();
        UnitsAt(j, starts, depth + 1);

        // "around 2016 or 2017" is a span, not a circa date followed by noise.
        if (CircaAt(j) is int afterCirca)
        {
            UnitsAt(afterCirca, starts, depth + 1);
        }

        foreach (var start in starts)
        {
            RangeFrom(start, prefixed, hits, depth);
        }

        if (DayAt(j) is var (firstDay, afterDay))
        {
            BareDayRange(firstDay, afterDay, prefixed, hits, depth);
        }

        // "February 22-25, 2018"
        if (MonthAt(j) is var (month, afterMonth) && DayAt(afterMonth) is var (d1, afterD1)
            && ConnectorAt(afterD1, out bool andLike) > afterD1 && (!andLike || prefixed) && DayAt(afterD1 + 1) is var (d2, afterD2))
        {
            int k = PunctAt(afterD2, ',') ? afterD2 + 1 : afterD2;
            if (YearAt(k) is { } year)
            {
                Add(hits, new Hit(year.End, FuzzyDate.TryBetween(FuzzyDate.TryOnDay(year.Year, month, d1), FuzzyDate.TryOnDay(year.Year, month, d2)), null));
            }

            hits.Add(new Hit(afterD2, null, y => FuzzyDate.TryBetween(FuzzyDate.TryOnDay(y, month, d1), FuzzyDate.TryOnDay(y, month, d2))));
        }
    }

    private void RangeFrom(Hit start, bool prefixed, List<Hit> hits, int depth)
    {
        int c = ConnectorAt(start.End, out bool andLike);
        if (c < 0)
        {
            // Kazakh marks "from" on the first end itself: "2016 жылдан 2018 жылға дейін".
            if (At(start.End - 1) is not { Kind: TokenKind.Word } last || !IsKazakhAblative(last.Text))
            {
                return;
            }

            c = start.End;
        }

        // "2016 and 2018" are two dates; "May and June 2018" and "between 2016 and 2018" are one span.
        if (andLike && !prefixed && start.Date is not null)
        {
            return;
        }

        c = SkipFillers(c);
        var ends = new List<Hit>();
        UnitsAt(c, ends, depth + 1);
        foreach (var end in ends)
        {
            if (Combine(start, end) is { } range)
            {
                hits.Add(range with { End = At(end.End) is { Kind: TokenKind.Word } w && RangeClosers.Contains(w.Text) ? end.End + 1 : end.End });
            }
        }
    }

    // "22-25 February 2018", "с 22 по 25 февраля 2018 года".
    private void BareDayRange(int firstDay, int afterDay, bool prefixed, List<Hit> hits, int depth)
    {
        int c = ConnectorAt(afterDay, out bool andLike);
        if (c < 0 || (andLike && !prefixed))
        {
            return;
        }

        var ends = new List<Hit>();
        UnitsAt(SkipFillers(c), ends, depth + 1);
        foreach (var end in ends)
        {
            if (end.Date is { Precision: DatePrecision.Day } last)
            {
                Add(hits, new Hit(end.End, FuzzyDate.TryBetween(FuzzyDate.TryOnDay(last.Start.Year, last.Start.Month, firstDay), last), null));
            }
            else if (end.Date is null && end.Build is { } build)
            {
                hits.Add(new Hit(end.End, null, y => build(y) is { Precision: DatePrecision.Day } l
                    ? FuzzyDate.TryBetween(FuzzyDate.TryOnDay(l.Start.Year, l.Start.Month, firstDay), l)
                    : null));
            }
        }
    }

    private static Hit? Combine(Hit from, Hit to)
    {
        if (from.Date is { } a && to.Date is { } b)
        {
            return Complete(to.End, FuzzyDate.TryBetween(a, b));
        }

        if (from.Build is { } buildFrom && to.Date is { } b2)
        {
            return Complete(to.End, FuzzyDate.TryBetween(AlignBefore(buildFrom, b2), b2));
        }

        if (from.Date is { } a2 && to.Build is { } buildTo)
        {
            var end = buildTo(a2.End.Year);
            if (end is null || end.End < a2.Start)
            {
                end = buildTo(a2.End.Year + 1);
            }

            return Complete(to.End, FuzzyDate.TryBetween(a2, end));
        }

        if (from.Build is { } bf && to.Build is { } bt)
        {
            return new Hit(to.End, null, y => bt(y) is { } e ? FuzzyDate.TryBetween(AlignBefore(bf, e), e) : null);
        }

        return null;

        static Hit? Complete(int end, FuzzyDate? date) => date is null ? null : new Hit(end, date, null);
    }

    // The first end of "between November and February 2018" is November 2017.
    private static FuzzyDate? AlignBefore(Func<int, FuzzyDate?> build, FuzzyDate anchor)
    {
        var date = build(anchor.Start.Year);
        return date is null || date.Start > anchor.Start ? build(anchor.Start.Year - 1) : date;
    }

    private int ConnectorAt(int k, out bool andLike)
    {
        andLike = false;
        switch (At(k))
        {
            case { Kind: TokenKind.Punct } p when p.Text is "-" or "/":
                return k + 1;
            case { Kind: TokenKind.Word } w when w.Text is "to" or "till" or "until" or "through" or "thru" or "or"
                or "по" or "до" or "или" or "либо" or "немесе" or "не":
                return k + 1;
            case { Kind: TokenKind.Word } w when w.Text is "and" or "и" or "мен" or "жане":
                andLike = true;
                return k + 1;
            default:
                return -1;
        }
    }

    private int SkipFillers(int k)
    {
        while (At(k) is { Kind: TokenKind.Word } w && w.Text is "in" or "the" or "в" or "во")
        {
            k++;
        }

        return k;
    }

    private static bool IsKazakhAblative(string word) =>
        word.Length > 4 && (word.EndsWith("дан", StringComparison.Ordinal) || word.EndsWith("ден", StringComparison.Ordinal)
            || word.EndsWith("тан", StringComparison.Ordinal) || word.EndsWith("тен", StringComparison.Ordinal)
            || word.EndsWith("нан", StringComparison.Ordinal) || word.EndsWith("нен", StringComparison.Ordinal));

    // "early", "mid-", "late", "the end of", "the first half of", "в начале", "в конце", "во второй половине".
    private (Part Part, int End)? PartAt(int i)
    {
        if (At(i) is not { Kind: TokenKind.Word } t)
        {
            return null;
        }

        switch (t.Text)
        {
            case "early" or "late":
            {
                int k = PunctAt(i + 1, '-') ? i + 2 : i + 1;
                if (WordAt(k, "in"))
                {
                    k++;
                }

                return (t.Text == "early" ? Part.Early : Part.Late, k);
            }

            case "mid":
                return (Part.Mid, PunctAt(i + 1, '-') ? i + 2 : i + 1);
            case "beginning" or "start" or "middle" or "end" when WordAt(i + 1, "of"):
                return (t.Text switch { "middle" => Part.Mid, "end" => Part.Late, _ => Part.Early }, i + 2);
            case "first" or "second" or "latter" when WordAt(i + 1, "half") && WordAt(i + 2, "of"):
                return (t.Text == "first" ? Part.FirstHalf : Part.SecondHalf, i + 3);
            case "первой" or "первая" or "первую" or "второй" or "вторая" or "вторую"
                when At(i + 1) is { Kind: TokenKind.Word } h && h.Text.StartsWith("половин", StringComparison.Ordinal):
                return (t.Text.StartsWith("перв", StringComparison.Ordinal) ? Part.FirstHalf : Part.SecondHalf, i + 2);
        }

        return RussianPartWords.TryGetValue(t.Text, out var part) ? (part, i + 1) : null;
    }

    // "around", "circa", "c.", "~", "около", "примерно в", "где-то в", "шамамен".
    private int? CircaAt(int i)
    {
        int k;
        switch (At(i))
        {
            case { Kind: TokenKind.Punct } p when p.Text is "~" or "≈":
                return i + 1;
            case { Kind: TokenKind.Word } w when w.Text == "c" && PunctAt(i + 1, '.'):
                return i + 2;
            case { Kind: TokenKind.Word } w when CircaWords.Contains(w.Text):
                k = PunctAt(i + 1, '.') && Abbreviations.Contains(w.Text) ? i + 2 : i + 1;
                break;
            case { Kind: TokenKind.Word } w when w.Text == "где" && PunctAt(i + 1, '-') && WordAt(i + 2, "то"):
                k = i + 3;
                break;
            default:
                return null;
        }

        return WordAt(k, "в") || WordAt(k, "во") || WordAt(k, "in") ? k + 1 : k;
    }

    private static FuzzyDate? ApplyPart(FuzzyDate? date, Part part)
    {
        if (date is null)
        {
            return null;
        }

        int year = date.Start.Year;
        if (date.Precision == DatePrecision.Year)
        {
            var (first, last) = part switch
            {
                Part.Early => (1, 4),
                Part.Mid => (5, 8),
                Part.Late => (9, 12),
                Part.FirstHalf => (1, 6),
                _ => (7, 12),
            };
            return FuzzyDate.TryBetween(FuzzyDate.TryInMonth(year, first), FuzzyDate.TryInMonth(year, last));
        }

        if (date.Precision == DatePrecision.Month)
        {
            int month = date.Start.Month;
            int days = date.End.Day;
            var (first, last) = part switch
            {
                Part.Early => (1, 10),
                Part.Mid => (11, 20),
                Part.Late => (days - 9, days),
                Part.FirstHalf => (1, 15),
                _ => (16, days),
            };
            return FuzzyDate.TryBetween(FuzzyDate.TryOnDay(year, month, first), FuzzyDate.TryOnDay(year, month, last));
        }

        // A day, a season or a range is already as narrow as "early" would make it useful.
        return date;
    }

    private static FuzzyDate? ToCirca(FuzzyDate? date) =>
        date is { Precision: DatePrecision.Year } ? FuzzyDate.TryCirca(date.Start.Year) : date;

    private static Hit Map(Hit hit, Func<FuzzyDate?, FuzzyDate?> change, int end) =>
        hit.Date is not null
            ? new Hit(end, change(hit.Date), null)
            : new Hit(end, null, hit.Build is { } build ? y => change(build(y)) : null);

    private static void Add(List<Hit> hits, Hit hit)
    {
        if (hit.Date is not null || hit.Build is not null)
        {
            hits.Add(hit);
        }
    }

    // "2016", "2016 года", "2016-м году", "2016 жылы", "2018ж.", "the year 2016", "last year", "в прошлом году", "былтыр".
    private YearHit? YearAt(int i)
    {
        int j = i;
        if (WordAt(i, "the") && WordAt(i + 1, "year") && At(i + 2) is { Kind: TokenKind.Number })
        {
            j = i + 2;
        }
        else if (WordAt(i, "year") && At(i + 1) is { Kind: TokenKind.Number })
        {
            j = i + 1;
        }

        if (At(j) is not { Kind: TokenKind.Number } n)
        {
            return RelativeYearAt(i);
        }

        if (n.Text.Length != 4 || n.Value is < FuzzyDate.MinYear or > FuzzyDate.MaxYear || FollowsNumber(j) || IsDecimal(j))
        {
            return null;
        }

        int end = j + 1;
        bool hasWord = false;
        if (n.Suffix.Length > 0)
        {
            if (IsYearWord(n.Suffix))
            {
                hasWord = true;
                end = SkipDot(n.Suffix, end);
            }
            else if (!YearOrdinals.Contains(n.Suffix))
            {
                return null;
            }
        }

        if (!hasWord)
        {
            int afterWord = SkipYearWord(end);
            hasWord = afterWord > end;
            end = afterWord;
        }

        return new YearHit(n.Value, end, hasWord);
    }

    private YearHit? RelativeYearAt(int i)
    {
        if (_reference is not DateOnly today || At(i) is not { Kind: TokenKind.Word } t)
        {
            return null;
        }

        int end = i + 2;
        int? offset = t.Text switch
        {
            "last" when WordAt(i + 1, "year") => -1,
            "this" or "current" when WordAt(i + 1, "year") => 0,
            "next" when WordAt(i + 1, "year") => 1,
            "откен" or "алдынгы" when At(i + 1) is { Kind: TokenKind.Word } w && IsKazakhYearWord(w.Text) => -1,
            "осы" when At(i + 1) is { Kind: TokenKind.Word } w && IsKazakhYearWord(w.Text) => 0,
            "келеси" when At(i + 1) is { Kind: TokenKind.Word } w && IsKazakhYearWord(w.Text) => 1,
            _ when RussianRelativeYears.TryGetValue(t.Text, out int o)
                && At(i + 1) is { Kind: TokenKind.Word } w && RussianYearWords.Contains(w.Text) && w.Text is not ("г" or "гг") => o,
            _ => null,
        };

        if (offset is null)
        {
            end = i + 1;
            offset = t.Text switch
            {
                "былтыр" or "былтыргы" => -1,
                "биыл" or "биылгы" => 0,
                _ => null,
            };
        }

        int year = today.Year + (offset ?? 0);
        return offset is null || FuzzyDate.YearError(year) is not null ? null : new YearHit(year, end, true);
    }

    private (int Month, int End)? MonthAt(int i)
    {
        if (At(i) is not { Kind: TokenKind.Word } t || MonthOf(t.Text) is not (> 0 and var month))
        {
            return null;
        }

        int end = i + 1;
        if (Abbreviations.Contains(t.Text) && AdjacentPunct(end) == '.')
        {
            end++;
        }

        if (At(end) is { Kind: TokenKind.Word } w && KazakhMonthWords.Contains(w.Text))
        {
            end++;
        }

        return (month, end);
    }

    private (int Day, int End)? DayAt(int i)
    {
        if (At(i) is not { Kind: TokenKind.Number } n || n.Text.Length > 2 || n.Value is < 1 or > 31
            || (n.Suffix.Length > 0 && !DayOrdinals.Contains(n.Suffix)) || AdjacentPunct(i + 1) is ':' or '.' && AdjacentNumber(i + 2) is not null)
        {
            return null;
        }

        return (n.Value, i + 1);
    }

    private static int MonthOf(string word)
    {
        if (ExactMonths.TryGetValue(word, out int month))
        {
            return month;
        }

        foreach (var (stem, m, endings) in RussianMonths)
        {
            if (HasStem(word, stem, endings))
            {
                return m;
            }
        }

        foreach (var (stem, m, endings) in KazakhMonths)
        {
            if (HasStem(word, stem, endings))
            {
                return m;
            }
        }

        return 0;
    }

    private static Season? SeasonOf(string word)
    {
        if (ExactSeasons.TryGetValue(word, out var season))
        {
            return season;
        }

        foreach (var (stem, s, endings) in StemSeasons)
        {
            if (HasStem(word, stem, endings))
            {
                return s;
            }
        }

        return null;
    }

    private static bool HasStem(string word, string stem, string[] endings) =>
        word.StartsWith(stem, StringComparison.Ordinal) && Array.IndexOf(endings, word[stem.Length..]) >= 0;

    private static bool IsYearWord(string word) =>
        RussianYearWords.Contains(word) || IsKazakhYearWord(word) || word is "ж" or "жж";

    private static bool IsKazakhYearWord(string word) =>
        word.StartsWith("жыл", StringComparison.Ordinal) && KazakhYearEndings.Contains(word[3..]);

    private int SkipYearWord(int k) =>
        At(k) is { Kind: TokenKind.Word } w && IsYearWord(w.Text) ? SkipDot(w.Text, k + 1) : k;

    private int SkipDot(string word, int k) => Abbreviations.Contains(word) && AdjacentPunct(k) == '.' ? k + 1 : k;

    private Token? At(int i) => i >= 0 && i < _t.Count ? _t[i] : null;

    private bool WordAt(int i, string word) => At(i) is { Kind: TokenKind.Word } t && t.Text == word;

    private bool PunctAt(int i, char c) => At(i) is { Kind: TokenKind.Punct } t && t.Text[0] == c;

    private char? AdjacentPunct(int i) => At(i) is { Kind: TokenKind.Punct, SpaceBefore: false } t ? t.Text[0] : null;

    private Token? AdjacentNumber(int i) => At(i) is { Kind: TokenKind.Number, SpaceBefore: false } t ? t : null;

    // The middle or last number of "22.02.2018" or "22/02/2018" is not a date of its own; "2016-2018" and "2018-06/2018-07" are two.
    private bool FollowsNumber(int i)
    {
        if (_t[i].SpaceBefore || AdjacentPunct(i - 1) is not char separator || At(i - 2) is not { Kind: TokenKind.Number } before)
        {
            return false;
        }

        return separator == '.' || (separator is '/' or '-' && before.Text.Length <= 2 && AdjacentPunct(i - 3) == separator);
    }

    // "2016.5", "2016,000"
    private bool IsDecimal(int i) => AdjacentPunct(i + 1) is '.' or ',' && AdjacentNumber(i + 2) is not null;

    private static List<Token> Tokenize(string text)
    {
        string s;
        try
        {
            s = text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            s = text;
        }

        var tokens = new List<Token>();
        bool space = true;
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            int start = i;
            if (IsWordChar(c))
            {
                while (i < s.Length && IsWordChar(s[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, Fold(s[start..i]), 0, "", space));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                var digits = s[start..i];
                int value = digits.Length <= 6 ? int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) : -1;

                // "22nd", "2018г", "2016-жылы", "1990-е", "1990's" keep their ending on the number.
                int suffixStart = -1;
                if (i < s.Length && IsWordChar(s[i]))
                {
                    suffixStart = i;
                }
                else if (i + 1 < s.Length && (IsDash(s[i]) || s[i] is '\'' or '’') && IsWordChar(s[i + 1]))
                {
                    suffixStart = i + 1;
                }

                string suffix = "";
                if (suffixStart >= 0)
                {
                    i = suffixStart;
                    while (i < s.Length && IsWordChar(s[i]))
                    {
                        i++;
                    }

                    suffix = Fold(s[suffixStart..i]);
                }

                tokens.Add(new Token(TokenKind.Number, digits, value, suffix, space));
            }
            else
            {
                i++;
                tokens.Add(new Token(TokenKind.Punct, IsDash(c) ? "-" : c.ToString(), 0, "", space));
            }

            space = false;
        }

        return tokens;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark;

    private static bool IsDash(char c) => c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '−';

    // Lower case; in Cyrillic words, Kazakh letters and Latin look-alikes become the Russian letters they resemble.
    private static string Fold(string word)
    {
        var lower = word.ToLowerInvariant();
        bool cyrillic = false;
        foreach (char ch in lower)
        {
            if (ch is >= '\u0400' and <= '\u04FF')
            {
                cyrillic = true;
                break;
            }
        }

        if (!cyrillic)
        {
            return lower;
        }

        var folded = new StringBuilder(lower.Length);
        foreach (char ch in lower)
        {
            folded.Append(ch switch
            {
                'ё' => 'е',
                'ә' => 'а',
                'ғ' => 'г',
                'қ' => 'к',
                'ң' => 'н',
                'ө' => 'о',
                'ұ' or 'ү' => 'у',
                'һ' => 'х',
                'і' or 'i' => 'и',
                'a' => 'а',
                'e' => 'е',
                'o' => 'о',
                'c' => 'с',
                'p' => 'р',
                'x' => 'х',
                'y' => 'у',
                _ => ch,
            });
        }

        return folded.ToString();
    }

    private sealed record Token(TokenKind Kind, string Text, int Value, string Suffix, bool SpaceBefore);

    /// <summary>A reading that ends before token <see cref="End"/>: a date, or a way to build one once the year is known.</summary>
    private readonly record struct Hit(int End, FuzzyDate? Date, Func<int, FuzzyDate?>? Build, bool Loose = false);

    private readonly record struct YearHit(int Year, int End, bool Explicit);
}
