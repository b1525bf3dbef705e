using System.Text.RegularExpressions;

namespace Kuager.Ingestion;

/// <summary>
/// Whom an event of a sentence concerns: the subject or object of its verb, not every name the sentence holds.
/// A name in the possessive ("Aizhan's husband was detained") is someone else's relative; a head of state or
/// other titled person mentioned in another clause ("before President X arrived, activists were arrested") is
/// context; a passive verb whose subject is a group ("dozens were detained") concerns no named person; the speaker
/// of a quotation is not the one its event happened to unless the quotation speaks in the first person.
/// </summary>
internal static partial class Attribution
{
    public static List<string> Concerned(string sentence, int verb, IReadOnlyList<(string Name, List<string> Forms)> persons)
    {
        if (GroupSubject(sentence, verb))
            return [];
        var quote = QuotationAround(sentence, verb);
        var concerned = new List<string>();
        var speakers = new HashSet<string>(StringComparer.Ordinal);
        var speakerEnd = int.MaxValue;
        var someoneElse = new List<int>(); // where a name stands for someone else's relative ("сестру Сапаровой")
        // Where each person is written; a surname inside another person's full name ("Daulet Nurlanov") is that other person's.
        var all = persons.Select(p => Positions(sentence, p.Forms).ToList()).ToList();
        for (var n = 0; n < persons.Count; n++)
        {
            var (name, _) = persons[n];
            var positions = all[n].Where(p => !all.SelectMany(o => o)
                .Any(q => q.End - q.Start > p.End - p.Start && q.Start <= p.Start && p.End <= q.End)).ToList();
            if (positions.Count == 0)
            {
                if (all[n].Count == 0)
                    concerned.Add(name);
                continue;
            }

            var kept = new List<(int Start, int End)>();
            foreach (var p in positions)
            {
                if (!Concerns(sentence, verb, p.Start, p.End, quote))
                    continue;
                if (RelativeOf(sentence, name, p.Start, p.End))
                    someoneElse.Add(p.Start);
                else
                    kept.Add(p);
            }

            if (kept.Count > 0)
                concerned.Add(name);
            if (kept.Count > 0 && kept.All(p => Extractor.IsSpeaker(sentence, p.Start, p.End) || (p.End <= verb && Reporting().IsMatch(sentence[p.End..verb]))))
            {
                speakers.Add(name);
                speakerEnd = Math.Min(speakerEnd, kept.Min(p => p.End));
            }
        }

        // "Kairat demands the release of his brother Yerzhan, who was taken to a camp": the verb of a relative clause is
        // of the one the clause hangs on.
        if (RelativeClause().Matches(sentence[..Math.Min(verb, sentence.Length)]).LastOrDefault() is { } clause
            && !SpeechVerb().IsMatch(sentence[(clause.Index + clause.Length)..]))
        {
            var owner = persons.Where((p, n) => concerned.Contains(p.Name) && all[n].Any(q => q.End <= clause.Index && clause.Index - q.End <= 3)).Select(p => p.Name).FirstOrDefault();
            if (owner is not null)
                return [owner];
        }

        // "X was released, his lawyer Y said": the one who speaks is not the one it happened to, when someone else is
        // named; nor when what they said is of someone else's relative ("Y said that Saparova's sister was detained").
        if (concerned.Count > speakers.Count || someoneElse.Any(at => at > speakerEnd && at < verb))
            concerned.RemoveAll(speakers.Contains);
        // "По словам Динары, брата оштрафовали", "According to Aiman, ...": only the source of what follows, unless it
        // speaks of them ("По словам Сапаровой, её освободили").
        concerned.RemoveAll(name => persons.Where(p => p.Name == name).SelectMany(p => Positions(sentence, p.Forms))
            .Any(p => p.Start < verb && SourceOnly().IsMatch(sentence[Math.Max(0, p.Start - 20)..p.Start]) && !PersonalPronoun().IsMatch(sentence[p.End..])));
        return concerned;
    }

    /// <summary>The verb's subject is a group: "dozens were detained", "ethnic Kazakhs detained in Xinjiang".</summary>
    public static bool GroupSubject(string sentence, int verb)
    {
        var m = GroupSubject().Match(sentence[..Math.Min(verb, sentence.Length)]);
        if (!m.Success)
            return false;
        if (m.Groups["aux"].Success)
            return true;

        // Without an auxiliary the group may be the one acting ("two men attacked him"): it is the verb's subject only
        // as a participle, followed by a preposition or the end of the clause ("Kazakhs detained in Xinjiang").
        var after = sentence[Math.Min(verb, sentence.Length)..];
        return ParticipleAfter().IsMatch(after);
    }

    [GeneratedRegex(@"^\w+(\s+and\s+\w+)?(\s*[,.;:)]|\s+(in|at|by|for|since|during|from|after|over|under|across|inside|near|without|on|в|во|на|с|после|за)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ParticipleAfter();

    private static bool Concerns(string sentence, int verb, int start, int end, (int From, int To)? quote)
    {
        if (Possessive().IsMatch(sentence[end..]) || WhoseRelative().IsMatch(sentence[end..]) || KazakhCases.IsGenitive(sentence[start..end]))
            return false;
        if (quote is { } q && (end <= q.From || start >= q.To) && !FirstPerson().IsMatch(sentence[q.From..q.To]))
            return false;
        // "X, whose brother was detained", "X ... her brother Y, who was detained", "X left a brother who was sent to a
        // camp": the event is the relative's.
        // But "X, a musician whose relatives are missing, was sentenced": the relative's clause closed before the verb.
        if (end <= verb && Relative().Match(sentence[end..verb]) is { Success: true } kin
            && sentence[(end + kin.Index + kin.Length)..verb].IndexOfAny([',', '—', ';']) < 0)
            return false;

        // "..., Y, a researcher, said": who reports an event after it is told is not the one it happened to, unless
        // the report speaks in the first person.
        if (start >= verb && Extractor.IsSpeaker(sentence, start, end) && !FirstPerson().IsMatch(sentence[..start]))
            return false;

        var before = sentence[Math.Max(0, start - 30)..start];
        if (HeadTitle().IsMatch(before))
        {
            var between = start < verb ? sentence[end..verb] : sentence[verb..start];
            if (between.Contains(',', StringComparison.Ordinal) || between.Contains(';', StringComparison.Ordinal) || between.Contains('—', StringComparison.Ordinal))
                return false;
        }

        return true;
    }

    /// <summary>
    /// The name stands for someone else's relative: "the brother of Erzhan Nurlanov", or Russian's genitive after the
    /// relative's word ("сестру Сапаровой", "жену Ерлана Сапарова"), told from an apposition ("своего брата Ержана
    /// Нургалиева", "сестра Айгуль Сапарова") by the agreement of the two in case and gender.
    /// </summary>
    private static bool RelativeOf(string sentence, string name, int start, int end)
    {
        var before = sentence[Math.Max(0, start - 40)..start];
        if (RelativeOfBefore().IsMatch(before))
            return true;
        if (RussianRelativeBefore().Match(before) is not { Success: true } relative)
            return false;
        var noun = relative.Groups["noun"].Value.ToLowerInvariant();
        var form = sentence[start..end];
        var last = form.Split(' ')[^1].ToLowerInvariant();
        var surname = name.Split(' ')[^1].ToLowerInvariant();
        var feminineNoun = FeminineRelative().IsMatch(noun);
        var sex = NameSex.Of(name);
        var (womansName, mansName) = (sex == 'f', sex == 'm');
        if ((feminineNoun && mansName) || (MasculineRelative().IsMatch(noun) && womansName))
            return true; // a sister is not a man, nor a brother a woman
        if (last.Equals(surname, StringComparison.Ordinal))
            return false; // the nominative: an apposition ("сестра Айгуль Сапарова")
        return (NounCases(noun, feminineNoun) & NameCases(last)) == 0;
    }

    [Flags]
    private enum Cases
    {
        None = 0,
        Nominative = 1,
        Genitive = 2,
        Dative = 4,
        Accusative = 8,
        Instrumental = 16,
        Prepositional = 32,
    }

    private static Cases NounCases(string noun, bool feminine)
    {
        bool Ends(string e) => noun.EndsWith(e, StringComparison.Ordinal);
        if (feminine)
        {
            return Ends("ой") || Ends("ью") || Ends("ей") ? Cases.Instrumental
                : Ends("у") || Ends("ю") ? Cases.Accusative
                : Ends("ы") || Ends("и") ? Cases.Genitive | Cases.Dative | Cases.Prepositional
                : Ends("е") ? Cases.Dative | Cases.Prepositional
                : Ends("ь") ? Cases.Nominative | Cases.Accusative
                : Cases.Nominative;
        }

        return Ends("ом") || Ends("ем") ? Cases.Instrumental
            : Ends("а") || Ends("я") ? Cases.Genitive | Cases.Accusative
            : Ends("у") || Ends("ю") ? Cases.Dative
            : Ends("е") ? Cases.Prepositional
            : Ends("и") ? Cases.Genitive | Cases.Accusative | Cases.Nominative // родители, родственники
            : Cases.Nominative | Cases.Accusative;
    }

    private static Cases NameCases(string word)
    {
        bool Ends(string e) => word.EndsWith(e, StringComparison.Ordinal);
        return Ends("ой") ? Cases.Genitive | Cases.Dative | Cases.Instrumental | Cases.Prepositional
            : Ends("ым") || Ends("ом") || Ends("им") ? Cases.Instrumental
            : Ends("у") || Ends("ю") ? Cases.Accusative | Cases.Dative
            : Ends("а") || Ends("я") || Ends("ого") ? Cases.Genitive | Cases.Accusative
            : Ends("е") ? Cases.Prepositional | Cases.Dative
            : Ends("ы") || Ends("и") ? Cases.Genitive
            : Cases.Nominative | Cases.Accusative;
    }

    [GeneratedRegex(@"\b(he|she|him|her|они|он|она|его|её|ее|ему|ей|оны|оған)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalPronoun();

    [GeneratedRegex(@"(по\s+словам|according\s+to|as\s+told\s+by|сөзінше|айтуынша)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceOnly();

    // "Saule Mukhametova, whose husband Arman was detained": the event is the husband's.
    [GeneratedRegex(@"^,?\s+(whose|чей|чья|чьё|чьи|чьего|чьей)\s", RegexOptions.IgnoreCase)]
    private static partial Regex WhoseRelative();

    [GeneratedRegex(@"\b(who|whom|которо\w+|которы\w+|которая|которую)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeClause();

    [GeneratedRegex(@"^\s*(says|said|told|added|claims|believes|говорит|сказал\w*|рассказ\w*|заявил\w*|сообщил\w*|считает)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpeechVerb();

    [GeneratedRegex(@"\b(husband|wife|son|daughter|brother|sister|father|mother|parents|relatives?|family|cousin|uncle|aunt|nephew|niece|children|child|lawyer)\s+of\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeOfBefore();

    [GeneratedRegex(@"(^|[\s,(«""])(?<noun>муж\w*|жен[аыуе]|жену|женой|сын\w*|доч(ь|ери|ерью)|брат\w*|сестр\w*|отц\w*|отец|мат(ь|ери|ерью)|родител\w*|родственни\w*|адвокат\w*)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex RussianRelativeBefore();

    [GeneratedRegex(@"^(жен|сестр|доч|мат)")]
    private static partial Regex FeminineRelative();

    [GeneratedRegex(@"^(муж|сын|брат|отц|отец)")]
    private static partial Regex MasculineRelative();


    /// <summary>
    /// Where the forms stand as whole words ("Xi" is not in "Xinjiang", "Омаров" not in "Омарова"), a shorter form
    /// inside a longer one ("Aliya" in "Aliya Sarsenbayeva") counted once, as the longer.
    /// </summary>
    private static IEnumerable<(int Start, int End)> Positions(string sentence, List<string> forms)
    {
        var all = new List<(int Start, int End)>();
        foreach (var form in forms)
        {
            for (var i = sentence.IndexOf(form, StringComparison.Ordinal); i >= 0; i = sentence.IndexOf(form, i + form.Length, StringComparison.Ordinal))
            {
                var end = i + form.Length;
                if ((i == 0 || !char.IsLetterOrDigit(sentence[i - 1])) && (end == sentence.Length || !char.IsLetterOrDigit(sentence[end])))
                    all.Add((i, end));
            }
        }

        return all.Where(p => !all.Any(o => o != p && o.Start <= p.Start && p.End <= o.End)).Distinct();
    }

    private const string Relatives = @"(husband|wife|son|daughter|brother|sister|father|mother|parents|relatives?|cousin|uncle|aunt|nephew|niece|grand\w+|children|child|муж\w*|жен\w*|сын\w*|доч\w*|брат\w*|сестр\w*|отц\w*|отец|мать|матер\w*|родител\w*|родствен\w*)";

    // Between the name and the verb: "whose husband", "чей муж", or a relative followed by who/который ("her brother
    // Nurlan, who was", "своего брата Ержана, которого").
    [GeneratedRegex(@"\b(whose|чей|чья|чьи|чьего|чьей)\s+(\w+\s+)?" + Relatives + @"\b|\b" + Relatives + @"\s+([\w'’-]+,?\s+){0,2}(who|whom|that|которо\w*|которы\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    // A reporting verb between a name and the event: "X told reporters that ...", "X говорит, что ...", "X, who says ...".
    [GeneratedRegex(@"\b(say|says|said|told|tells|added|stated|reported|explained|recalled|wrote|writes|говорит|говорят|сказал\w*|рассказал\w*|рассказывает|заявил\w*|заявляет|сообщил\w*|сообщает|отметил\w*|пишет|написал\w*|деді|айтты|айтады|хабарлады)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reporting();

    /// <summary>The quotation (between “ and ”, « and », or straight quotes) that holds the verb, if any.</summary>
    private static (int From, int To)? QuotationAround(string sentence, int verb)
    {
        foreach (Match m in Quotation().Matches(sentence))
        {
            if (m.Index <= verb && verb < m.Index + m.Length)
                return (m.Index, m.Index + m.Length);
        }

        // A quotation opened in an earlier sentence and closed in this one: "...he was detained,” she said.
        var close = sentence.IndexOfAny(['”', '»']);
        var open = sentence.IndexOfAny(['“', '«']);
        if (close > verb && (open < 0 || open > close))
            return (0, close + 1);
        return null;
    }

    // "Aizhan's husband", "the president's visit": the event is the relative's, or the name only dates it.
    [GeneratedRegex(@"^(’|')s?\s+(\w+\s+)?(husband|wife|son|daughter|brother|sister|father|mother|parents|relatives?|family|cousin|uncle|aunt|nephew|niece|grand\w+|children|child|lawyer|colleague\w*|friend\w*|visit|arrival|trip|speech|government|administration|regime|polic(y|ies)|rule|office|words)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(president|president-elect|leader|prime minister|premier|chancellor|king|minister|secretary of state|chairman|ambassador|президент\w*|лидер\w*|председател\w*|премьер\w*|министр\w*|президенті)\s+((of\s+)?[A-ZА-ЯЁ][\w-]*\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadTitle();

    // "activists were arrested", "thousands were arbitrarily detained", "dozens of people have been detained".
    // Also without the auxiliary ("ethnic Kazakhs detained in Xinjiang") and through a relative clause ("relatives,
    // friends who have been placed").
    [GeneratedRegex(@"(?<!\b(other|and)\s+)\b(activists|people|protesters|demonstrators|journalists|reporters|thousands|hundreds|dozens|others|residents|citizens|relatives|friends|members|men|women|children|students|believers|Muslims|Kazakhs|Uyghurs|Uighurs|officials|many|several|some)(\s*,\s*\w+)*\s+((who|that)\s+)?(?<aux>(of\s+([\w'’-]+\s+){1,4})?(were|have\s+been|had\s+been|are|being|got)\s+)?((\w+ly|also|again|later|then)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex GroupSubject();

    [GeneratedRegex(@"“[^”]*”|«[^»]*»|""[^""]*""")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"\b(I|me|my|we|us|our|я|меня|мы|нас|мен|біз)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPerson();
}
