using System.Text.RegularExpressions;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Ingestion;

/// <summary>
/// Proposes persons, places, organisations, dates and events from an article, each with the exact sentence it came
/// from. Names: runs of capitalised words outside known places and organisations, titles stripped, grouped across
/// spellings with the name library; a later surname-only or given-name-only mention is resolved to the full name it
/// belongs to, and a sentence that begins with a pronoun speaks of the people of the sentence before.
/// </summary>
public static partial class Extractor
{
    private const double SamePerson = 0.85;
    private const double SamePart = 0.9;

    public static Extraction Extract(Article article) => Extract(article, KnownNames.None);

    /// <summary>Extracts, taking a run of Uyghur Arabic script or Chinese characters that is a registry person's name (<paramref name="known"/>) for a person without a cue.</summary>
    public static Extraction Extract(Article article, KnownNames known)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(known);
        // The title is read too ("Two men who fled Xinjiang ..."); it is paragraph -1.
        var sentences = new List<Sentence>(Sentences.Split(article.Title, -1));
        for (var p = 0; p < article.Paragraphs.Count; p++)
            sentences.AddRange(Sentences.Split(article.Paragraphs[p], p));

        var analysed = sentences.Select(s => Analyse(s, known)).ToList();
        // Capitalised phrases of a headline ("Refugees Feel Unsafe") are names only when the body names them too.
        var bodyWords = analysed.Where(a => !a.Headline).SelectMany(a => a.FullNames.SelectMany(n => n.Split(' ')).Concat(a.Singles)).ToHashSet(StringComparer.Ordinal);
        foreach (var a in analysed.Where(a => a.Headline))
            a.FullNames.RemoveAll(n => !n.Split(' ').All(bodyWords.Contains));
        var persons = GroupPersons(analysed);
        var places = Named(analysed, a => a.Places);
        var organizations = Named(analysed, a => a.Organizations);
        var dates = new List<DateFound>();
        var events = new List<EventFound>();
        IReadOnlyList<string> previous = [];
        var names = persons.Select(p => p.Name).ToArray();
        var headlineEvents = new List<EventFound>();
        var introduced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in analysed)
        {
            var date = DateIn(a.Sentence.Text, article.Date);
            if (date is not null)
                dates.Add(new DateFound(date.Text ?? a.Sentence.Text, date, null, a.Sentence.Text));
            foreach (Match m in Duration().Matches(a.Sentence.Text))
            {
                if (DurationDays(m.Value) is { } days)
                    dates.Add(new DateFound(m.Value.Trim(), null, days, a.Sentence.Text));
            }

            var people = a.People.Select(i => names[i]).Distinct(StringComparer.Ordinal).ToList();
            var pronoun = a.People.Count == 0 ? PronounIn(a.Sentence.Text) : null;
            if (people.Count == 0 && pronoun is not null)
                people = [.. previous];

            // "Her father was taken to a camp": the person the article introduced as "her father X".
            if (people.Count == 0 && RelativeOfPronoun().Match(a.Sentence.Text) is { Success: true } kin
                && introduced.TryGetValue(Stem(kin.Groups["kin"].Value), out var relative))
                people = [relative];
            foreach (var i in a.People.Distinct())
            {
                foreach (var form in persons[i].Forms)
                {
                    var at = a.Sentence.Text.IndexOf(form, StringComparison.Ordinal);
                    if (at > 0 && KinBefore().Match(a.Sentence.Text[..at]) is { Success: true } k)
                        introduced[Stem(k.Groups["kin"].Value)] = persons[i].Name;
                }
            }

            foreach (var (type, particulars, at) in Events.In(a.Sentence.Text))
            {
                // "Her father was taken", "Our neighbours' daughter was detained": the verb's subject is a relative, the one
                // introduced as that relative when the sentence opens with it, else no one named.
                var kinSubject = KinSubject().Match(a.Sentence.Text[..at]);
                IReadOnlyList<string> subjectKin = kinSubject.Success && RelativeOfPronoun().IsMatch(a.Sentence.Text)
                    && introduced.TryGetValue(Stem(kinSubject.Groups["kin"].Value), out var kinName) ? [kinName] : [];
                var concerned = a.People.Count == 0
                    ? Attribution.GroupSubject(a.Sentence.Text, at) ? []
                    : kinSubject.Success ? subjectKin
                    : Agreeing(people, PronounNear(a.Sentence.Text, at) ?? pronoun)
                    : Attribution.Concerned(a.Sentence.Text, at, a.People.Distinct().Select(i => (names[i], persons[i].Forms)).ToList());
                if (concerned.Count == 0 && subjectKin.Count > 0)
                    concerned = subjectKin;
                var place = a.Places.Count > 0 ? a.Places[0].Entry.Entry : null;
                var found = new EventFound(type, date, concerned, place?.Name, a.Sentence.Text, particulars) { PlacePath = place?.Path };
                (a.Headline || a.Sentence.Paragraph < 0 ? headlineEvents : events).Add(found);
            }

            if (people.Count > 0)
                previous = people;
        }

        // A headline ("Activist detained in Almaty") announces what the body tells with its people: only an event the
        // body does not tell is kept from it.
        events.InsertRange(0, headlineEvents.Where(h => !events.Any(e => e.Type == h.Type)));
        return new Extraction(persons.Select(p => p.ToFound()).ToList(), places, organizations, dates, events);
    }

    /// <summary>What one sentence holds: known places and organisations, and name candidates (full names and single words).</summary>
    private sealed class Analysed(Sentence sentence)
    {
        public Sentence Sentence { get; } = sentence;

        /// <summary>Written in title case, as headlines are: its capitalised words are not evidence of names.</summary>
        public bool Headline { get; set; }

        public List<(Gazetteer.Hit Entry, string Text)> Places { get; } = [];

        public List<(Gazetteer.Hit Entry, string Text)> Organizations { get; } = [];

        public List<string> FullNames { get; } = [];

        public List<string> Singles { get; } = [];

        public HashSet<string> Speakers { get; } = new(StringComparer.Ordinal);

        /// <summary>The persons (indexes into the article's list) this sentence mentions.</summary>
        public List<int> People { get; } = [];
    }

    private static Analysed Analyse(Sentence sentence, KnownNames known)
    {
        var a = new Analysed(sentence);
        var text = sentence.Text;
        var words = Word.Split(text);
        var covered = new bool[words.Count];
        var long_ = words.Where(w => w.Text.Length >= 4 && char.IsLetter(w.Text[0])).ToList();
        // A headline: the article's title, or a line without a full stop between paragraphs, mostly in capitals.
        a.Headline = (sentence.Paragraph < 0 || !EndsSentence().IsMatch(text)) && long_.Count >= 3 && long_.Count(w => w.IsCapitalised) >= 0.75 * long_.Count;
        foreach (var hit in Gazetteer.Organizations.Find(words))
        {
            a.Organizations.Add((hit, Span(text, words, hit.From, hit.To)));
            Cover(covered, hit.From, hit.To);
        }

        foreach (var hit in Gazetteer.Places.Find(words).Where(h => !covered[h.From]))
        {
            a.Places.Add((hit, Span(text, words, hit.From, hit.To)));
            Cover(covered, hit.From, hit.To);
        }

        foreach (var (from, to) in OrganizationRuns(words, covered, text))
        {
            var name = Span(text, words, from, to);
            a.Organizations.Add((new Gazetteer.Hit(new GazetteerEntry(name, "organization", null), from, to), name));
            Cover(covered, from, to);
        }

        // Runs of name-shaped words written next to each other, outside places and organisations.
        var run = new List<int>();
        for (var i = 0; i <= words.Count; i++)
        {
            var joins = i < words.Count && !covered[i] && words[i].IsNameShaped
                && (run.Count == 0 || OnlySpaceBetween(text, words[run[^1]], words[i]));
            if (joins)
            {
                run.Add(i);
                continue;
            }

            AddCandidates(a, words, run, text);
            run.Clear();
            if (i < words.Count && !covered[i] && words[i].IsNameShaped)
                run.Add(i);
        }

        // Names without capital letters (Uyghur Arabic script, Chinese characters), next to a name cue or known to the registry.
        foreach (var (name, start, end) in ScriptNames.In(text, known))
        {
            a.FullNames.Add(name);
            if (IsSpeaker(text, start, end))
                a.Speakers.Add(name);
        }

        return a;
    }

    private static void AddCandidates(Analysed a, List<Word> words, List<int> run, string text)
    {
        // "Aerospace Industry Minister Askar Zhumagaliyev": the title ends the name of the thing, the person follows.
        var lastTitle = run.FindLastIndex(i => NameWords.Titles.Contains(words[i].Text));
        if (lastTitle >= 0 && lastTitle < run.Count - 1)
            run = run.GetRange(lastTitle + 1, run.Count - lastTitle - 1);
        if (run.Count == 0 || IsNameOfAThing(words, run, text))
            return;
        // Split the run at words that are never names; strip titles.
        var part = new List<int>();
        foreach (var i in run.Append(-1))
        {
            var w = i < 0 ? null : words[i].Text;
            if (w is not null && !NameWords.NotNames.Contains(w) && !NameWords.Titles.Contains(w) && !IsCommonWordShape(w))
            {
                part.Add(i);
                continue;
            }

            // "Гүлнар Сапарова Сапаровтың денсаулығы": a surname repeated in a Kazakh case is another mention, not a third word.
            if (part.Count >= 3 && KazakhCases.StemWord(words[part[^1]].Text) is { } stem
                && stem.Length >= 5 && words[part[^2]].Text.StartsWith(stem[..5], StringComparison.Ordinal))
            {
                a.Singles.Add(words[part[^1]].Text);
                part.RemoveAt(part.Count - 1);
            }

            if (part.Count is >= 2 and <= 4)
            {
                var name = string.Join(' ', part.Select(k => words[k].Text));
                a.FullNames.Add(name);
                if (IsSpeaker(text, words[part[0]].Start, words[part[^1]].End))
                    a.Speakers.Add(name);
            }
            else if (part.Count == 1)
            {
                a.Singles.Add(words[part[0]].Text);
                if (IsSpeaker(text, words[part[0]].Start, words[part[0]].End))
                    a.Speakers.Add(words[part[0]].Text);
            }

            part.Clear();
        }
    }

    /// <summary>
    /// A capitalised run that names a thing rather than a person: it holds a word like Group, Square or Partnership
    /// ("Religious Freedom Working Group"), a lowercase noun follows it ("the Qazaq Ovazy blog"), it stands alone in
    /// quotes or parentheses or is followed by its translation in parentheses ("Aq Jol (Bright Way)"), or it continues
    /// a title across "of"/"to"/"for" ("the Convention on the Status of Stateless Persons").
    /// </summary>
    private static bool IsNameOfAThing(List<Word> words, List<int> run, string text)
    {
        if (run.Any(i => words[i].Text is var w && (NameWords.Things.Contains(w) || (w.EndsWith('s') && NameWords.Things.Contains(w[..^1])))))
            return true;
        int start = words[run[0]].Start, end = words[run[^1]].End;
        var after = text[end..];
        var before = text[..start];
        if (ThingAfter().IsMatch(after) || TranslationAfter().IsMatch(after))
            return true;
        if (Opening().IsMatch(before) && Closing().IsMatch(after))
            return true;
        var title = TitleBefore().Match(before);
        return title.Success && !NameWords.NotNames.Contains(title.Groups["w"].Value) && !NameWords.Titles.Contains(title.Groups["w"].Value);
    }

    [GeneratedRegex(@"[.!?…][""”»’)]?\s*$")]
    private static partial Regex EndsSentence();

    [GeneratedRegex(@"^\s+(blog|podcast|programme|program|show|newspaper|channel|website|site|magazine|party|movement|group|campaign|project|festival|square|street|avenue|prize|award|law|act|company|bank|fund|platform|app|initiative|coalition|network|series|column|newsletter|brand|mine|plant|factory|hotel|airport|station|mosque|church|market|bazaar|district|region|village|camp)\b")]
    private static partial Regex ThingAfter();

    [GeneratedRegex(@"^\s*\((\s*[A-ZА-ЯЁ][\w'’-]*|\s+(of|the|and|for|of the|и|в))+\s*\)")]
    private static partial Regex TranslationAfter();

    [GeneratedRegex(@"[“«""‘(]\s*([A-ZА-ЯЁ][\w'’-]*\s+)*$")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^(\s+[A-ZА-ЯЁ][\w'’-]*)*\s*[”»""’)]")]
    private static partial Regex Closing();

    [GeneratedRegex(@"\b(?<w>[A-Z][\w'’-]+)\s+((of|to|for|on)\s+)+(the\s+)?$")]
    private static partial Regex TitleBefore();

    /// <summary>English words by their shape ("Assemblies", "Democratization"): capitalised only because they head a title.</summary>
    private static bool IsCommonWordShape(string word) =>
        word.Length > 5 && word[0] < 128 && CommonSuffix().IsMatch(word);

    private static bool OnlySpaceBetween(string text, Word a, Word b)
    {
        for (var k = a.End; k < b.Start; k++)
        {
            if (!(text[k] == ' ' || text[k] == '\u00A0'))
                return false;
        }

        return b.Start > a.End;
    }

    /// <summary>The speaker of a quotation: the name stands next to said/told/сказал/деді, or right after the closing quote.</summary>
    internal static bool IsSpeaker(string text, int start, int end)
    {
        var before = text[Math.Max(0, start - 45)..start];
        var after = text[end..Math.Min(text.Length, end + 90)];
        return SpeechBefore().IsMatch(before) || SpeechAfter().IsMatch(after) || AppositiveSpeech().IsMatch(after)
            || (SpeakerBefore().IsMatch(before) && ClauseEnd().IsMatch(after));
    }

    /// <summary>Organisation names by their head word: "Medeu District Court", "Ministry of Foreign Affairs", "Медеуский районный суд".</summary>
    private static IEnumerable<(int From, int To)> OrganizationRuns(List<Word> words, bool[] covered, string text)
    {
        foreach (Match m in OrganizationPattern().Matches(text))
        {
            var from = words.FindIndex(w => w.Start >= m.Index);
            var to = words.FindLastIndex(w => w.End <= m.Index + m.Length) + 1;
            if (from < 0 || to <= from || Enumerable.Range(from, to - from).Any(k => covered[k]))
                continue;
            // "The Supreme Court": the article is not part of the name.
            while (from < to && NameWords.NotNames.Contains(words[from].Text) && words[from].Text is "The" or "the" or "A" or "An")
                from++;
            if (to - from >= 2)
                yield return (from, to);
        }
    }

    private static string Span(string text, List<Word> words, int from, int to) => text[words[from].Start..words[to - 1].End];

    private static void Cover(bool[] covered, int from, int to)
    {
        for (var k = from; k < to; k++)
            covered[k] = true;
    }

    // ---- Persons across the article ------------------------------------------------------------------------------

    private sealed class Person(string first, NameKey key)
    {
        public List<string> Forms { get; } = [first];

        public List<NameKey> Keys { get; } = [key];

        public List<string> Sentences { get; } = [];

        public Dictionary<string, int> FullCounts { get; } = new(StringComparer.Ordinal) { [first] = 0 };

        public bool Quoted { get; set; }

        /// <summary>The full form written most often, in the nominative when a Russian text declined it.</summary>
        public string Name => RussianCases.Nominative(
            FullCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => Forms.IndexOf(kv.Key)).First().Key, Forms, Sentences);

        public PersonFound ToFound() => new(Name, Forms, Sentences)
        {
            Quoted = Quoted,
            Spellings = FullCounts.Keys.Where(f => RussianCases.Nominative(f, Forms, Sentences) == f).Prepend(Name).Distinct(StringComparer.Ordinal).ToList(),
        };

        public void Mention(string form, string sentence, bool full, bool speaker)
        {
            if (!Forms.Contains(form))
                Forms.Add(form);
            if (full)
                FullCounts[form] = FullCounts.GetValueOrDefault(form) + 1;
            if (Sentences.Count == 0 || Sentences[^1] != sentence)
                Sentences.Add(sentence);
            Quoted |= speaker;
        }
    }

    private static List<Person> GroupPersons(List<Analysed> analysed)
    {
        var persons = new List<Person>();
        var lastMentioned = new Dictionary<int, int>();
        var order = 0;
        foreach (var a in analysed)
        {
            // In the order written, so that "Nurlanov's brother Daulet Nurlanov" reads "Nurlanov" before Daulet is known.
            var text = a.Sentence.Text;
            var mentions = a.FullNames.Select(n => (Form: n, Full: true)).Concat(a.Singles.Select(n => (Form: n, Full: false)))
                .Select((m, k) => (m.Form, m.Full, At: text.IndexOf(m.Form, StringComparison.Ordinal) is var i and >= 0 ? i : int.MaxValue, k))
                .OrderBy(m => m.At).ThenBy(m => m.k).ToList();
            foreach (var (form, isFull, _, _) in mentions)
            {
                order++;
                var index = isFull ? FullName(persons, form) : Single(persons, form, lastMentioned, text);
                if (index < 0)
                    continue;
                persons[index].Mention(form, text, full: isFull, a.Speakers.Contains(form));
                a.People.Add(index);
                lastMentioned[index] = order;
            }
        }

        return persons;
    }

    /// <summary>The person a full name belongs to (a spelling of a name already met), or a new person.</summary>
    private static int FullName(List<Person> persons, string full)
    {
        var key = NameKeys.Of(full);
        var index = persons.FindIndex(p => p.Keys.Any(k => Math.Max(NameSimilarity.Score(key, k).Score, NameSimilarity.Score(k, key).Score) >= SamePerson));
        if (index < 0)
        {
            persons.Add(new Person(full, key));
            return persons.Count - 1;
        }

        if (!persons[index].Forms.Contains(full))
            persons[index].Keys.Add(key);
        return index;
    }

    /// <summary>
    /// The person a surname-only or given-name-only mention refers to: one whose name has that very word ("Nurlanova" is
    /// the wife Gulnar Nurlanova, not her husband Nurlanov), else one whose word shares its root or is spelled alike;
    /// among several, the one mentioned last. -1 when nobody fits.
    /// </summary>
    private static int Single(List<Person> persons, string single, Dictionary<int, int> lastMentioned, string sentence)
    {
        var key = NameKeys.Of(single);
        if (key.Parts.Count != 1)
            return -1;
        var part = key.Parts[0];
        // "Сапаровқа" is Сапаров in the dative.
        var stemKey = KazakhCases.StemWord(single) is { } stem && NameKeys.Of(stem).Parts is [var stemPart] ? stemPart.Key : null;
        // "Нургалиева задержали ..., где он держал плакат": a Russian "-ова" is a woman's name or a man's in the accusative;
        // a pronoun of one sex in the sentence says which of the family is meant.
        var sex = SexOfPronouns(sentence);
        var best = -1;
        var bestRank = -1;
        for (var i = 0; i < persons.Count; i++)
        {
            // The very word, as written or in the nominative ("Омаров" after "активиста Даурена Омарова").
            var exact = persons[i].Keys.Append(NameKeys.Of(persons[i].Name)).Any(k => k.Parts.Any(p => !p.IsInitial && (p.Key == part.Key || p.Key == stemKey)));
            if (!exact && !persons[i].Keys.Any(k => k.Parts.Any(p => SameWord(part, p))))
                continue;
            var rank = (exact ? 2 : 0) + (sex is not null && NameSex.Of(persons[i].Name) == sex ? 1 : 0);
            if (best < 0 || rank > bestRank
                || (rank == bestRank && lastMentioned.GetValueOrDefault(i, -1) > lastMentioned.GetValueOrDefault(best, -1)))
            {
                best = i;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>'m' or 'f' when the sentence's personal pronouns are all of one sex, else null.</summary>
    private static char? SexOfPronouns(string sentence)
    {
        var male = MalePronoun().IsMatch(sentence);
        var female = FemalePronoun().IsMatch(sentence);
        return male == female ? null : male ? 'm' : 'f';
    }

    [GeneratedRegex(@"\b(he|him|his|он|его|ему|нём|ним)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MalePronoun();

    [GeneratedRegex(@"\b(she|her|hers|она|её|ее|ей|нею|ней)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FemalePronoun();



    private static bool SameWord(NamePart a, NamePart b)
    {
        if (a.IsInitial || b.IsInitial)
            return false;
        if (a.Key == b.Key || (a.Root is not null && a.Root == b.Key) || (b.Root is not null && b.Root == a.Key))
            return true;
        return a.Key.Length >= 4 && b.Key.Length >= 4 && NameSimilarity.Part(a, b) >= SamePart;
    }

    private static List<NameFound> Named(List<Analysed> analysed, Func<Analysed, List<(Gazetteer.Hit Entry, string Text)>> pick)
    {
        var found = new List<NameFound>();
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in analysed)
        {
            foreach (var (hit, text) in pick(a))
            {
                if (byName.TryGetValue(hit.Entry.Name, out var i))
                {
                    if (!found[i].Mentions.Contains(text))
                        found[i] = found[i] with { Mentions = [.. found[i].Mentions, text] };
                    continue;
                }

                byName[hit.Entry.Name] = found.Count;
                found.Add(new NameFound(hit.Entry.Name, hit.Entry.Kind, hit.Entry.Kind == "organization" ? null : hit.Entry.Path, [text], a.Sentence.Text));
            }
        }

        return found;
    }

    // ---- Dates ------------------------------------------------------------------------------------------------------

    private static FuzzyDate? DateIn(string sentence, DateOnly? reference)
    {
        if (!DateHint().IsMatch(sentence))
            return null;
        return FuzzyDate.TryParseText(sentence, reference, out var date) ? date with { Text = DatePhrase(sentence) } : null;
    }

    /// <summary>The words that gave the date, for the proposal: the shortest phrase with a month, season or year.</summary>
    private static string DatePhrase(string sentence)
    {
        var m = DatePhrasePattern().Match(sentence);
        return m.Success ? m.Value.Trim() : sentence;
    }

    internal static int? DurationDays(string text)
    {
        var total = 0;
        var any = false;
        foreach (Match m in DurationPart().Matches(text))
        {
            var n = Numbers.Parse(m.Groups["n"].Value) ?? (m.Groups["n"].Value.Length == 0 ? 1 : null);
            if (n is null)
                continue;
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            total += n.Value * (unit.StartsWith('y') || unit.StartsWith("год", StringComparison.Ordinal) || unit == "лет" || unit.StartsWith("жыл", StringComparison.Ordinal) ? 365
                : unit.StartsWith('m') || unit.StartsWith("мес", StringComparison.Ordinal) || unit.StartsWith("ай", StringComparison.Ordinal) ? 30
                : unit.StartsWith('w') || unit.StartsWith("нед", StringComparison.Ordinal) || unit.StartsWith("апта", StringComparison.Ordinal) ? 7 : 1);
            any = true;
        }

        return any ? total : null;
    }

    /// <summary>
    /// The first pronoun of a sentence without names ("He was released", "a court sentenced her", "его оштрафовали",
    /// "Полиция оны ... қамады"), but not one that names a relative ("Her father ..."): that is someone else.
    /// </summary>
    private static string? PronounIn(string sentence)
    {
        foreach (Match m in AnyPronoun().Matches(sentence))
        {
            if (Refers(sentence, m))
                return m.Value;
        }

        return null;
    }

    /// <summary>
    /// Whether a pronoun can stand for the people of the sentence before: not one naming a relative ("her father"),
    /// not the speaker of a speech tag ("…,” he said"), and a plural subject ("they") only opening the sentence:
    /// elsewhere it is mostly a group ("they detained journalists").
    /// </summary>
    private static bool Refers(string sentence, Match m)
    {
        if (RelativeOfPronoun().IsMatch(sentence[m.Index..]) || SpeechTag().IsMatch(sentence[(m.Index + m.Length)..]))
            return false;
        return !Plural(m.Value) || Pronoun().IsMatch(sentence[..(m.Index + m.Length)]);
    }

    // Plural subjects and possessives; the plural object ("fined them", "их задержали") is the one the verb acts on.
    private static bool Plural(string pronoun) => pronoun.ToLowerInvariant() is "they" or "their" or "они" or "им" or "олар" or "олардың";

    [GeneratedRegex(@"^[""“«]?\s*(he|she|they|his|her|their|him|он|она|они|его|её|ее|их|ол|олар|оның|олардың)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^\s+(said|says|told|added|continues|continued|explained|recalled|wrote|сказал\w*|рассказал\w*|говорит|добавил\w*|отметил\w*|деді|айтты)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpeechTag();

    /// <summary>The pronoun standing closest to the event's verb (the object or subject of that verb), if any.</summary>
    private static string? PronounNear(string sentence, int verb)
    {
        Match? best = null;
        foreach (Match m in AnyPronoun().Matches(sentence))
        {
            if (Refers(sentence, m) && (best is null || Math.Abs(m.Index - verb) < Math.Abs(best.Index - verb)))
                best = m;
        }

        return best?.Value;
    }

    /// <summary>'f', 'm' or null: the sex a pronoun speaks of.</summary>
    private static char? Sex(string? pronoun) => pronoun?.ToLowerInvariant() switch
    {
        "she" or "her" or "она" or "её" or "ее" or "ей" or "ней" => 'f',
        "he" or "him" or "his" or "он" or "его" or "ему" or "ним" => 'm',
        _ => null,
    };

    /// <summary>The people a pronoun can stand for: a plural one ("them", "их") only several, a singular one those of its sex.</summary>
    private static IReadOnlyList<string> Agreeing(IReadOnlyList<string> people, string? pronoun)
    {
        if (pronoun is not null && (Plural(pronoun) || pronoun.ToLowerInvariant() is "them" or "их" or "оларды"))
            return people.Count >= 2 ? people : [];
        return OfSex(people, Sex(pronoun));
    }

    /// <summary>The people of a sex, when their names tell it (Russian and Kazakh endings); all of them when none is told apart.</summary>
    private static IReadOnlyList<string> OfSex(IReadOnlyList<string> people, char? sex)
    {
        if (sex is null || people.Count < 2)
            return people;
        var kept = people.Where(p => NameSex.Of(p) is var s && (s is null || s == sex)).ToList();
        return kept.Count > 0 ? kept : people;
    }

    [GeneratedRegex(@"\b(he|she|they|his|her|their|him|them|он|она|они|его|её|ее|их|ему|ей|им|ним|ней|ол|олар|оның|олардың|оны|оларды)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyPronoun();

    private const string Kin = @"(?<kin>husband|wife|son|daughter|brother|sister|father|mother|parents|relatives?|family|cousin|uncle|aunt|nephew|niece|children|child|муж\w*|жен\w*|сын\w*|доч\w*|брат\w*|сестр\w*|отец|отца|мать|матер\w*|родител\w*|родственни\w*|әйелі|күйеуі|ұлы|қызы|ағасы|інісі|әпкесі|қарындасы|әкесі|анасы|туыстары)";

    [GeneratedRegex(@"^[""“«]?\s*(his|her|their|его|её|ее|их|оның|олардың)\s+(\w+\s+)?" + Kin + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeOfPronoun();

    // The verb's subject is a relative: "Our acquaintances’ daughter was detained", "Her father was taken".
    [GeneratedRegex(@"\b" + Kin + @"\s+((was|were|has\s+been|had\s+been|is|are|have\s+been|был\w*)\s+)?(\w+ly\s+|also\s+|again\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex KinSubject();

    // "her father ئەخمەت", "his brother, Nurlan", "своего брата Ержана", "Aigerim Sadykova’s husband, Nurbol": the
    // relative's word right before a name.
    [GeneratedRegex(@"(\b(his|her|their|его|её|ее|их|своего|своей|свою|своих|оның)|\p{Lu}[\w-]+(’|')s)\s+(\w+\s+)?" + Kin + @"[\s,]+$", RegexOptions.IgnoreCase)]
    private static partial Regex KinBefore();

    /// <summary>A relative's word without its case ending or letter case: "брата" and "брат" are one.</summary>
    private static string Stem(string kin)
    {
        var lower = kin.ToLowerInvariant();
        return lower.Length > 4 ? lower[..4] : lower;
    }

    [GeneratedRegex(@"(tion|tions|ment|ments|ness|ity|ies|ful|ive|ance|ence|ism|ous|ship|ical|ings|ated|ists|ts|ges)$")]
    private static partial Regex CommonSuffix();

    [GeneratedRegex(@"\b(said|says|told|added|wrote|explained|recalled|according to|сказал|сказала|рассказал|рассказала|заявил|заявила|отметил|отметила|сообщил|сообщила|сообщает|рассказывает|говорит|пишет|по словам|деді|айтты)[\s,]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SpeechBefore();

    // The speaker named after the verb and a few words, ending the clause: "..., сообщил его брат Нурлан.", "..., said her
    // lawyer Aiman." (but not "says her brother Nurlan was taken": there the name begins what is said).
    [GeneratedRegex(@"\b(said|says|told|added|wrote|сказал|сказала|рассказал|рассказала|заявил|заявила|отметил|отметила|сообщил|сообщила|сообщили|хабарлады)([\s,]+\p{Ll}[\w’'-]*){1,3}[\s,]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SpeakerBefore();

    [GeneratedRegex(@"^\s*([.,;:!?»”""]|$)")]
    private static partial Regex ClauseEnd();

    // Not when the verb has its own subject after it: "X was attacked, said his wife Y", "..., сообщила его жена Y".
    [GeneratedRegex(@"^[\s,]*(said|says|told|added|wrote|explained|recalled|сказал|сказала|рассказал|рассказала|заявил|заявила|отметил|отметила|сообщил|сообщила|деді|айтты)\b(?!\s+((his|her|their|its|the|a|его|её|ее|их|оның)\s+)?(\w+\s+)?(wife|husband|son|daughter|brother|sister|father|mother|lawyer|relative|friend|colleague|жена|муж|сын|дочь|брат|сестра|отец|мать|адвокат\w*|родственни\w*|коллега|друг|подруга|правозащитни\w*|активист\w*)\s+\p{Lu})", RegexOptions.IgnoreCase)]
    private static partial Regex SpeechAfter();

    // ", the association's director, said": a description between the name and its speech verb.
    [GeneratedRegex(@"^\s*,\s*[^,.;:“”""«»()]{2,70},\s*(said|says|told|added|wrote|explained|сказал|сказала|заявил|заявила|сообщил|сообщила|отметил|отметила)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AppositiveSpeech();

    [GeneratedRegex(
        @"(\b(The\s+)?([A-Z][\w'’-]+\s+){1,4}(Court|Ministry|Committee|Department|Party|Foundation|Bureau|Police|Office|Council|Agency|University|Service|Union|Association|Congress|Centre|Center|Prosecutor's Office|Akimat|Institute|Commission|Movement)(\s+of(\s+the)?(\s+[A-Z][\w'’-]+){1,4})?)|(\b(Ministry|Committee|Department|Bureau|Office|Council|Agency|Union|Association|Institute|Commission|Movement)\s+of(\s+the)?(\s+[A-Z][\w'’-]+){1,4})|(\b[А-ЯЁ][а-яё-]+(ский|цкий|ского|ском|скому|ской|ская)\s+(районн\w+\s+|городск\w+\s+|областн\w+\s+|межрайонн\w+\s+)*(суд\w*|акимат\w*|прокуратур\w*))|(\b[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі-]+\s+(аудандық|қалалық|облыстық)\s+(сот\w*|әкімдіг\w*))")]
    private static partial Regex OrganizationPattern();

    [GeneratedRegex(@"\d{4}|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|last year|this year|next year|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма күні|сенбі|жексенбі|янв|фев|март|апрел|мая|май|июн|июл|август|сентябр|октябр|ноябр|декабр|весн|лет|осен|зим|прошлом году|этом году|вчера|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|былтыр|өткен жылы|жылы", RegexOptions.IgnoreCase)]
    private static partial Regex DateHint();

    [GeneratedRegex(@"((on|in|since|until|by|at the end of|in early|in late|в|во|с|до|к)\s+)?((\d{1,2}(st|nd|rd|th)?\s+)?(January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|winter|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре|қаңтар\w*|ақпан\w*|наурыз\w*|сәуір\w*|мамыр\w*|маусым\w*|шілде\w*|тамыз\w*|қыркүйек\w*|қазан\w*|қараша\w*|желтоқсан\w*)(\s+\d{1,2}(st|nd|rd|th)?)?(,?\s+(of\s+)?\d{4}(\s+(года|году|г\.|жылы))?)?|\d{4}\s+(жылы\s+)?(қаңтар\w*|ақпан\w*|наурыз\w*|сәуір\w*|мамыр\w*|маусым\w*|шілде\w*|тамыз\w*|қыркүйек\w*|қазан\w*|қараша\w*|желтоқсан\w*)(\s+\d{1,2}-?\w*)?|\d{4}(\s+(году|года|г\.|жылы))?|last year|this year|next year|yesterday|в прошлом году|в этом году|вчера|былтыр|өткен жылы|(on|last|this)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(в|во)\s+(прошл\w+\s+)?(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|(дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі)\s+күні)", RegexOptions.IgnoreCase)]
    private static partial Regex DatePhrasePattern();

    [GeneratedRegex(
        @"\b((a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\d{1,3})[\s-]+(years?|months?|weeks?|days?)(\s+and\s+(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+(years?|months?|weeks?|days?))?|(\d{1,3}|один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|пятнадцать)?\s*(год|года|лет|месяц|месяца|месяцев|недел\w+|суток|сутки|дней|дня)(\s+и\s+(\d{1,2}|один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+(месяц|месяца|месяцев|недел\w+|дней|дня|суток))?|(\d{1,3}|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|он бес)\s+(жыл|ай|апта|күн|тәулік)\w*)(?=[\s,.;:!?)]|$)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\d{1,3}|один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|пятнадцать|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|)[\s-]*(?<unit>years?|months?|weeks?|days?|год|года|лет|месяц\w*|недел\w+|суток|сутки|дней|дня|жыл\w*|ай\w*|апта\w*|күн\w*|тәулік\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPart();
}
