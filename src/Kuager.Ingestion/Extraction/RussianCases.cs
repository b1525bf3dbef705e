using System.Text.RegularExpressions;

namespace Kuager.Ingestion;

/// <summary>
/// The nominative of a name that a Russian text declines: "задержала Айгуль Сапарову" names Айгуль Сапарова, "штраф
/// Ерлану Сапарову" names Ерлан Сапаров. The case shows on the surname (-ов, -ев, -ин, -ын, -ский), and the gender
/// on the surname's ending in another mention ("Сапаровой" is a woman's, "Сапаровым" a man's) or on a word before the
/// name ("активистку", "жена"). Only an ending that tells its case is changed; "Сапарова" with nothing else to go on
/// stays as written (a woman's nominative, or a man's genitive).
/// </summary>
internal static partial class RussianCases
{
    private enum Gender
    {
        Unknown,
        Male,
        Female,
    }

    /// <summary>The nominative of <paramref name="name"/>, reading gender from all the forms of the person and the sentences they stand in.</summary>
    public static string Nominative(string name, IReadOnlyList<string> forms, IReadOnlyList<string> sentences)
    {
        if (!Cyrillic().IsMatch(name))
            return name;
        if (KazakhCases.Stem(name) is { } kazakh)
            return kazakh;
        var words = name.Split(' ');
        var surname = Array.FindLastIndex(words, w => SurnameEnding().IsMatch(w));
        if (surname < 0)
            return TurkicAccusative(words, GenderOf(forms, sentences)) ?? name;
        var gender = GenderOf(forms, sentences);
        var lower = words[surname].ToLowerInvariant();
        var (nominative, @case) = Surname(words[surname], lower, gender);
        if (nominative is null)
            return name;
        words[surname] = nominative;
        for (var i = 0; i < words.Length; i++)
        {
            if (i != surname && !Patronymic().IsMatch(words[i]))
                words[i] = GivenName(words[i], @case, gender == Gender.Unknown ? GenderOfCase(lower) : gender);
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// A man's name without a Russian surname ending, declined like any noun: "мужа Абдуллу Турсуна" (accusative of
    /// Абдулла Турсун), "активиста Ерлана Турсуна". Both words must show the case, so a name that merely ends in -а stays.
    /// </summary>
    private static string? TurkicAccusative(string[] words, Gender gender)
    {
        if (gender != Gender.Male || words.Length != 2)
            return null;
        var (given, family) = (words[0], words[1]);
        var g = given.ToLowerInvariant();
        var f = family.ToLowerInvariant();
        if (f.Length < 4 || g.Length < 4 || !f.EndsWith('а') || !IsConsonant(f[^2]) || !IsConsonant(g[^2]))
            return null;
        var nominative = g.EndsWith('у') ? given[..^1] + "а" : g.EndsWith('а') ? given[..^1] : null;
        return nominative is null ? null : $"{nominative} {family[..^1]}";
    }

    private enum Case
    {
        Genitive,
        Accusative,
        Dative,
        Instrumental,
        Oblique,
    }

    private static Gender GenderOfCase(string surname) =>
        FemaleSurname().IsMatch(surname) ? Gender.Female : MaleSurname().IsMatch(surname) ? Gender.Male : Gender.Unknown;

    private static Gender GenderOf(IReadOnlyList<string> forms, IReadOnlyList<string> sentences)
    {
        var female = false;
        var male = false;
        foreach (var word in forms.SelectMany(f => f.Split(' ')).Select(w => w.ToLowerInvariant()))
        {
            female |= FemaleSurname().IsMatch(word) || word.EndsWith("овна", StringComparison.Ordinal) || word.EndsWith("евна", StringComparison.Ordinal) || word is "кызы" or "қызы";
            male |= MaleSurname().IsMatch(word) || word.EndsWith("ович", StringComparison.Ordinal) || word.EndsWith("евич", StringComparison.Ordinal) || word is "улы" or "ұлы";
        }

        if (female != male)
            return female ? Gender.Female : Gender.Male;

        // Only when the endings tell nothing: a noun before the name ("активистку Айгуль Сапарову"). Not first, since
        // "сестру Сапаровой" puts a noun before someone else's name.
        foreach (var sentence in sentences)
        {
            foreach (var form in forms)
            {
                var at = sentence.IndexOf(form, StringComparison.Ordinal);
                if (at > 0)
                {
                    var before = sentence[..at];
                    female |= FemaleNounBefore().IsMatch(before);
                    male |= MaleNounBefore().IsMatch(before);
                }
            }
        }

        return female == male ? Gender.Unknown : female ? Gender.Female : Gender.Male;
    }

    /// <summary>The surname's nominative and the case its ending shows, or null when the ending is nominative or tells nothing.</summary>
    private static (string? Nominative, Case Case) Surname(string word, string lower, Gender gender)
    {
        string Cut(int n, string add) => word[..^n] + add;
        foreach (var stem in (string[])["ов", "ев", "ёв", "ин", "ын"])
        {
            if (lower.EndsWith(stem + "ой", StringComparison.Ordinal))
                return (Cut(2, "а"), Case.Oblique); // -овой: a woman's genitive, dative, instrumental or prepositional
            if (lower.EndsWith(stem + "ым", StringComparison.Ordinal))
                return (Cut(2, ""), Case.Instrumental); // -овым: a man's instrumental
            if (lower.EndsWith(stem + "у", StringComparison.Ordinal))
            {
                return gender switch
                {
                    Gender.Female => (Cut(1, "а"), Case.Accusative),
                    Gender.Male => (Cut(1, ""), Case.Dative),
                    _ => (null, Case.Oblique),
                };
            }

            if (lower.EndsWith(stem + "а", StringComparison.Ordinal) && gender == Gender.Male)
                return (Cut(1, ""), Case.Genitive); // a man's genitive or accusative
            if (lower.EndsWith(stem + "е", StringComparison.Ordinal) && gender == Gender.Male)
                return (Cut(1, ""), Case.Oblique); // a man's prepositional
        }

        if (lower.EndsWith("ской", StringComparison.Ordinal) || lower.EndsWith("цкой", StringComparison.Ordinal))
            return (Cut(2, "ая"), Case.Oblique);
        if (lower.EndsWith("скую", StringComparison.Ordinal) || lower.EndsWith("цкую", StringComparison.Ordinal))
            return (Cut(2, "ая"), Case.Accusative);
        if (lower.EndsWith("ского", StringComparison.Ordinal) || lower.EndsWith("цкого", StringComparison.Ordinal))
            return (Cut(3, "ий"), Case.Genitive);
        if (lower.EndsWith("скому", StringComparison.Ordinal) || lower.EndsWith("цкому", StringComparison.Ordinal))
            return (Cut(3, "ий"), Case.Dative);
        if (lower.EndsWith("ским", StringComparison.Ordinal) || lower.EndsWith("цким", StringComparison.Ordinal))
            return (Cut(2, "ий"), Case.Instrumental);
        return (null, Case.Oblique);
    }

    /// <summary>The given name in the nominative, from the case the surname showed.</summary>
    private static string GivenName(string word, Case @case, Gender gender)
    {
        if (word.Length < 4)
            return word;
        var lower = word.ToLowerInvariant();
        string Cut(int n, string add) => word[..^n] + add;
        bool Ends(string s) => lower.EndsWith(s, StringComparison.Ordinal);
        if (gender == Gender.Male)
        {
            return @case switch
            {
                Case.Genitive when Ends("ея") || Ends("ия") => Cut(1, "й"), // Алексея, Василия
                Case.Genitive when Ends("а") && IsConsonant(lower[^2]) => Cut(1, ""), // Ерлана
                Case.Dative when Ends("ею") || Ends("ию") => Cut(1, "й"),
                Case.Dative when Ends("у") && IsConsonant(lower[^2]) => Cut(1, ""), // Ерлану
                Case.Instrumental when Ends("еем") || Ends("ием") => Cut(2, "й"),
                Case.Instrumental when Ends("ом") && IsConsonant(lower[^3]) => Cut(2, ""), // Ерланом
                _ => word,
            };
        }

        if (gender == Gender.Female)
        {
            return @case switch
            {
                Case.Accusative when Ends("ю") => Cut(1, "я"),
                Case.Accusative when Ends("у") => Cut(1, "а"), // Гульмиру
                Case.Oblique when Ends("ой") && IsConsonant(lower[^3]) => Cut(2, "а"), // Гульмирой
                Case.Oblique when Ends("ы") => Cut(1, "а"), // Гульмиры
                _ => word,
            };
        }

        return word;
    }

    private static bool IsConsonant(char c) => c is >= 'а' and <= 'я' && "аеёиоуыэюяь".IndexOf(c, StringComparison.Ordinal) < 0;

    [GeneratedRegex(@"^[\p{IsCyrillic}\s'’-]+$")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"(ов|ев|ёв|ин|ын)(а|у|ой|ым|е)?$|(ск|цк)(ий|ая|ой|ую|ого|ому|им)$", RegexOptions.IgnoreCase)]
    private static partial Regex SurnameEnding();

    [GeneratedRegex(@"(ов|ев|ёв|ин|ын)(ой)$|(ск|цк)(ая|ой|ую)$")]
    private static partial Regex FemaleSurname();

    [GeneratedRegex(@"(ов|ев|ёв|ин|ын|ов|ев)(ым)?$|(ск|цк)(ий|ого|ому|им)$")]
    private static partial Regex MaleSurname();

    [GeneratedRegex(@"(ович|евич|овна|евна|улы|ұлы|кызы|қызы)$", RegexOptions.IgnoreCase)]
    private static partial Regex Patronymic();

    [GeneratedRegex(@"\b(активистк\w*|журналистк\w*|блогерш\w*|жен[аыуе]|жену|мать|матери|сестр[аыуе]|сестру|доч(ь|ери)|женщин\w*|гражданк\w*|жительниц\w*|пенсионерк\w*|студентк\w*|вдов\w*|супруг[аиу])\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex FemaleNounBefore();

    [GeneratedRegex(@"\b(активист(а|у|ом)?|журналист(а|у|ом)?|блогер(а|у|ом)?|муж(а|у|ем)?|отц(а|у|ом)|отец|брат(а|у|ом)?|сын(а|у|ом)?|мужчин\w*|граждан(ин|ина|ину)|житель|жителя|пенсионер(а|у|ом)?|студент(а|у|ом)?)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex MaleNounBefore();
}
