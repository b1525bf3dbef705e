using System.Text;

namespace Kuager.Bench.Names;

/// <summary>One fictional person: which name parts, which surname style; the names themselves are rendered from this.</summary>
internal readonly record struct PersonSpec(People People, bool Female, int Given, int Father, Form Style, int Seed, short BirthYear)
{
    /// <summary>Equal for namesakes: people whose names are the same in every system.</summary>
    public long NameKey => ((long)People << 45) | ((Female ? 1L : 0L) << 44) | ((long)Style << 42) | ((long)Given << 21) | (uint)Father;
}

/// <summary>A query: a known person's name in a spelling not stored on them, maybe with a typo, swapped or in another form.</summary>
internal sealed record NameQuery(string Text, int Person, Spelling Spelling, string Kind);

/// <summary>
/// The fictional population: a vocabulary per people and gender (the hand-written lexicon first, then synthetic parts
/// composed from syllables), drawn with Zipf-like frequencies (a few names very common, a long tail of rare ones),
/// and each person's names rendered in the systems their records would use. Deterministic for a seed.
/// </summary>
internal sealed class NameWorld
{
    private const double ZipfExponent = 1.0;
    private const double ZipfOffset = 10;

    private readonly Dictionary<(People, bool), NamePartEntry[]> _parts = [];
    private readonly Dictionary<(People, bool), double[]> _cumulative = [];
    private readonly Dictionary<(People, bool), string[]> _chinese = [];
    private readonly Dictionary<(Spelling, string), string> _tokens = [];

    public NameWorld(int seed)
    {
        foreach (var people in Enum.GetValues<People>())
        {
            foreach (var female in new[] { false, true })
            {
                var random = new Random(seed + ((int)people * 2) + (female ? 1 : 0));
                var parts = Lexicon.Parts(people, female).ToList();
                var known = new HashSet<string>(parts.Select(p => p.Master), StringComparer.OrdinalIgnoreCase);
                var synthetic = Synthetic(people, female).Where(known.Add).ToArray();
                random.Shuffle(synthetic);
                parts.AddRange(synthetic.Select(m => new NamePartEntry(m, female, null, null)));
                _parts[(people, female)] = [.. parts];
                var cumulative = new double[parts.Count];
                var total = 0.0;
                for (var k = 0; k < parts.Count; k++)
                {
                    total += 1 / Math.Pow(k + 1 + ZipfOffset, ZipfExponent);
                    cumulative[k] = total;
                }

                _cumulative[(people, female)] = cumulative;
                _chinese[(people, female)] = parts.Select(p => Spellings.ChinesePart(people, p)).ToArray();
                foreach (var chinese in _chinese[(people, female)])
                {
                    _ = Spellings.PinyinOf(chinese); // every character must have its pinyin: fail now, not mid-run
                }
            }
        }
    }

    public int VocabularySize => _parts.Values.Sum(p => p.Length);

    private static IEnumerable<string> Synthetic(People people, bool female)
    {
        var (roots, middles, ends) = people switch
        {
            People.Kazakh => (Lexicon.KazakhRoots, Lexicon.KazakhMiddles, female ? Lexicon.KazakhFemaleEnds : Lexicon.KazakhMaleEnds),
            People.Uyghur => (Lexicon.UyghurRoots, Lexicon.UyghurMiddles, female ? Lexicon.UyghurFemaleEnds : Lexicon.UyghurMaleEnds),
            _ => (Lexicon.KyrgyzRoots, Lexicon.KyrgyzMiddles, female ? Lexicon.KyrgyzFemaleEnds : Lexicon.KyrgyzMaleEnds),
        };
        foreach (var root in roots)
        {
            foreach (var end in ends.Distinct())
            {
                if (Joins(root, end))
                {
                    yield return root + end;
                }

                foreach (var middle in middles.Where(m => Joins(root, m) && Joins(m, end)))
                {
                    yield return root + middle + end;
                }
            }
        }
    }

    /// <summary>Two syllables join without a run of vowels (Қадеелі, Ayeeli do not look like names).</summary>
    private static bool Joins(string left, string right) => !(IsVowel(left[^1]) && IsVowel(right[0]));

    private static bool IsVowel(char c) => "аәеиоөуұүыіэюяaeéioöuü".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal);

    private int Draw(Random random, People people, bool female)
    {
        var cumulative = _cumulative[(people, female)];
        var at = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(at < 0 ? ~at : at, cumulative.Length - 1);
    }

    public PersonSpec[] Population(int count, int seed)
    {
        var random = new Random(seed);
        var people = new PersonSpec[count];
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            var who = roll < 45 ? People.Kazakh : roll < 90 ? People.Uyghur : People.Kyrgyz;
            var female = random.Next(2) == 1;
            var style = random.Next(100);
            var form = who switch
            {
                People.Kazakh => style < 50 ? Form.Ov : style < 80 ? Form.Uly : Form.Bare,
                People.Kyrgyz => style < 60 ? Form.Ov : style < 90 ? Form.Uly : Form.Bare,
                _ => style < 15 ? Form.Ov : Form.Bare,
            };
            people[i] = new PersonSpec(who, female, Draw(random, who, female), Draw(random, who, false), form, random.Next(),
                (short)(1940 + random.Next(66)));
        }

        return people;
    }

    private static bool IsRussian(Spelling s) => s is Spelling.RussianCyrillic or Spelling.RussianBgn or Spelling.RussianIcao;

    private static int Mix(int seed, int salt) => (int)((uint)((seed ^ (salt * 0x2545F491)) * 0x9E3779B1) >> 8);

    /// <summary>The form a record in this spelling would give the second name part.</summary>
    public static Form StoredForm(PersonSpec p, Spelling s)
    {
        if (s is Spelling.Chinese or Spelling.Pinyin)
        {
            return Form.Bare; // Chinese records: 名·父名
        }

        if (p.People == People.Uyghur)
        {
            return p.Style == Form.Ov && s is Spelling.UyghurCyrillic or Spelling.RussianCyrillic ? Form.Ov : Form.Bare;
        }

        // Russian-language documents often keep the -ov surname of someone who uses -uly at home.
        return IsRussian(s) && p.Style == Form.Uly && Mix(p.Seed, (int)s) % 2 == 0 ? Form.Ov : p.Style;
    }

    /// <summary>Russian-language documents often put the surname first.</summary>
    public static bool StoredSwapped(PersonSpec p, Spelling s) => IsRussian(s) && Mix(p.Seed, 99) % 5 < 2;

    /// <summary>Another form of the second part (patronymic versus surname), or null where records would not use one.</summary>
    public static Form? OtherForm(PersonSpec p, Spelling s, Form form)
    {
        if (s is Spelling.Chinese or Spelling.Pinyin)
        {
            return null;
        }

        if (p.People == People.Uyghur)
        {
            return s is Spelling.UyghurCyrillic or Spelling.RussianCyrillic ? form == Form.Ov ? Form.Bare : Form.Ov : null;
        }

        return form == Form.Ov ? Form.Uly : Form.Ov;
    }

    public string Render(PersonSpec p, Spelling s, Form form, bool swapped)
    {
        var given = _parts[(p.People, p.Female)][p.Given];
        var father = _parts[(p.People, false)][p.Father];
        if (s is Spelling.Chinese or Spelling.Pinyin)
        {
            var parts = new[] { _chinese[(p.People, p.Female)][p.Given], _chinese[(p.People, false)][p.Father] };
            if (swapped)
            {
                Array.Reverse(parts);
            }

            return s == Spelling.Chinese ? string.Join('·', parts) : string.Join(' ', parts.Select(Spellings.PinyinOf));
        }

        var tokens = Spellings.Tokens(p.People, given.Master, father.Master, form, p.Female);
        var written = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var entry = i == 0 ? given : tokens[i] == father.Master ? father : null;
            written[i] = s == Spelling.PressK && entry?.Press is { } press ? press : Token(p.People, tokens[i], s);
        }

        if (swapped)
        {
            written = [.. written[1..], written[0]];
        }

        return string.Join(' ', written);
    }

    private string Token(People people, string master, Spelling s)
    {
        if (!_tokens.TryGetValue((s, master), out var text))
        {
            text = Spellings.Token(people, master, s);
            _tokens[(s, master)] = text;
        }

        return text;
    }

    /// <summary>The names stored on a person: the primary first, then 2 to 5 aliases in other systems (identical texts once).</summary>
    public List<(string Text, Spelling Spelling)> StoredNames(PersonSpec p)
    {
        var random = new Random(p.Seed);
        var all = Spellings.Of(p.People);
        var primary = PrimarySpelling(p.People, random.Next(100));
        var roll = random.Next(100);
        var aliases = roll < 30 ? 2 : roll < 65 ? 3 : roll < 85 ? 4 : 5;
        var others = all.Where(s => s != primary).ToArray();
        random.Shuffle(others);
        var names = new List<(string, Spelling)>(aliases + 1);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in others.Take(aliases).Prepend(primary))
        {
            var text = Render(p, s, StoredForm(p, s), StoredSwapped(p, s));
            if (seen.Add(text))
            {
                names.Add((text, s));
            }
        }

        return names;
    }

    public static IEnumerable<Spelling> StoredSpellings(PersonSpec p)
    {
        var random = new Random(p.Seed);
        var primary = PrimarySpelling(p.People, random.Next(100));
        var roll = random.Next(100);
        var aliases = roll < 30 ? 2 : roll < 65 ? 3 : roll < 85 ? 4 : 5;
        var others = Spellings.Of(p.People).Where(s => s != primary).ToArray();
        random.Shuffle(others);
        return others.Take(aliases).Prepend(primary);
    }

    private static Spelling PrimarySpelling(People people, int roll) => people switch
    {
        People.Kazakh => roll < 35 ? Spelling.KazakhCyrillic : roll < 55 ? Spelling.RussianCyrillic : roll < 75 ? Spelling.PressK : roll < 85 ? Spelling.KazakhLatin2021 : Spelling.Chinese,
        People.Uyghur => roll < 25 ? Spelling.UyghurLatin : roll < 50 ? Spelling.PressK : roll < 70 ? Spelling.UyghurArabic : Spelling.Chinese,
        _ => roll < 40 ? Spelling.KyrgyzCyrillic : roll < 70 ? Spelling.RussianCyrillic : roll < 90 ? Spelling.PressK : Spelling.Chinese,
    };

    private static readonly (string Kind, int Percent)[] Kinds = [("plain", 45), ("typo", 25), ("swapped", 15), ("form", 10), ("typo+swapped", 5)];

    /// <summary>Queries for known people, each in a spelling the person's record does not hold (and whose text differs from every stored one).</summary>
    public List<NameQuery> Queries(PersonSpec[] people, int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<NameQuery>(count);
        while (queries.Count < count)
        {
            var index = random.Next(people.Length);
            var p = people[index];
            var roll = random.Next(100);
            var kind = Kinds.First(k => (roll -= k.Percent) < 0).Kind;
            var stored = StoredNames(p).Select(n => Plain(n.Text)).ToHashSet(StringComparer.Ordinal);
            var storedSpellings = StoredSpellings(p).ToHashSet();
            var candidates = Spellings.Of(p.People).Where(s => !storedSpellings.Contains(s)).ToArray();
            random.Shuffle(candidates);
            foreach (var s in candidates)
            {
                var form = StoredForm(p, s);
                if (kind == "form")
                {
                    if (OtherForm(p, s, form) is not { } other)
                    {
                        continue;
                    }

                    form = other;
                }

                var swapped = StoredSwapped(p, s) ^ kind.Contains("swapped", StringComparison.Ordinal);
                var text = Render(p, s, form, swapped);
                if (stored.Contains(Plain(text)))
                {
                    continue; // the same letters as a stored name: not a cross-spelling query
                }

                if (kind.StartsWith("typo", StringComparison.Ordinal))
                {
                    text = Typo(text, random);
                }

                queries.Add(new NameQuery(text, index, s, kind));
                break;
            }
        }

        return queries;
    }

    private static string Plain(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>One slip: a wrong letter, a missing one, two swapped, one doubled; in Chinese a look-alike character or a dropped one.</summary>
    public static string Typo(string text, Random random)
    {
        var chars = text.ToCharArray().ToList();
        if (text.Contains('·', StringComparison.Ordinal))
        {
            var variants = Enumerable.Range(0, chars.Count).Where(i => Spellings.ChineseVariants.ContainsKey(chars[i])).ToArray();
            if (variants.Length > 0)
            {
                var at = variants[random.Next(variants.Length)];
                chars[at] = Spellings.ChineseVariants[chars[at]];
            }
            else
            {
                var droppable = Enumerable.Range(1, chars.Count - 1).Where(i => chars[i] != '·' && chars[i - 1] != '·' && i + 1 < chars.Count && chars[i + 1] != '·').ToArray();
                if (droppable.Length > 0)
                {
                    chars.RemoveAt(droppable[random.Next(droppable.Length)]);
                }
            }

            return new string([.. chars]);
        }

        // A position inside a word of four letters or more, not its first letter.
        var positions = new List<int>();
        var start = 0;
        for (var i = 0; i <= chars.Count; i++)
        {
            if (i == chars.Count || chars[i] == ' ')
            {
                if (i - start >= 4)
                {
                    positions.AddRange(Enumerable.Range(start + 1, i - start - 2));
                }

                start = i + 1;
            }
        }

        if (positions.Count == 0)
        {
            return text;
        }

        var p = positions[random.Next(positions.Count)];
        switch (random.Next(4))
        {
            case 0:
                var letters = chars.Where(char.IsLetter).Distinct().Where(c => c != chars[p]).ToArray();
                if (letters.Length > 0)
                {
                    chars[p] = letters[random.Next(letters.Length)];
                }

                break;
            case 1:
                chars.RemoveAt(p);
                break;
            case 2:
                (chars[p], chars[p + 1]) = (chars[p + 1], chars[p]);
                break;
            default:
                chars.Insert(p, chars[p]);
                break;
        }

        return new string([.. chars]);
    }
}
