using System.Globalization;
using System.Text;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage.Tests.Search;

/// <summary>One person of the labelled set, with the names a volunteer entered (the first is primary).</summary>
public sealed record LabelledPerson(string ExternalId, string Ethnicity, Gender Gender, IReadOnlyList<PersonName> Names)
{
    public Script PrimaryScript => Names[0].Script;

    public Person ToPerson() => new()
    {
        ExternalId = ExternalId,
        Names = Names,
        Gender = Gender,
        Ethnicity = Ethnicity,
        Notes = "name-search quality set",
    };
}

/// <summary>
/// A query with the person it must find. <see cref="System"/> is the spelling system the query is written in;
/// <see cref="Form"/> says how it differs besides the spelling (a typo, swapped order, a patronymic instead of a surname...).
/// </summary>
public sealed record LabelledQuery(string Text, string Target, string System, string Form, string Pair);

/// <summary>
/// The hand-written test set of Data/people.tsv and Data/queries.tsv, plus queries derived from it in code with a fixed
/// seed: typos (a letter dropped, doubled, swapped or replaced by a neighbour key), swapped token order, and Chinese
/// names written with a look-alike of the middle dot.
/// </summary>
public sealed class LabelledSet
{
    public const int Seed = 20240605;

    /// <summary>Every query system of the hand-written file: each spelling system the issue names.</summary>
    public static IReadOnlyList<string> Systems { get; } =
    [
        "kk-Cyrl", "kk-Latn-2021", "kk-Latn-2017", "kk-Latn-2018", "ru-Cyrl", "ru-BGN", "ru-ICAO", "en-press",
        "ug-Arab", "ug-ULY", "ug-press", "ug-old", "ug-Cyrl", "zh-Hans", "zh-pinyin",
    ];

    /// <summary>The forms a hand-written query takes; derived ones are typo, order and separator.</summary>
    public static IReadOnlyList<string> HandForms { get; } = ["spelling", "patronymic", "partial", "initials"];

    public static IReadOnlyList<string> DerivedForms { get; } = ["typo", "order", "separator"];

    private LabelledSet(IReadOnlyList<LabelledPerson> people, IReadOnlyList<LabelledQuery> handWritten)
    {
        People = people;
        HandWritten = handWritten;
        Derived = Derive(people, handWritten);
    }

    public IReadOnlyList<LabelledPerson> People { get; }

    public IReadOnlyList<LabelledQuery> HandWritten { get; }

    public IReadOnlyList<LabelledQuery> Derived { get; }

    public IEnumerable<LabelledQuery> Queries => HandWritten.Concat(Derived);

    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "Search", "Data");

    public static LabelledSet Load()
    {
        var people = new List<LabelledPerson>();
        var names = new List<PersonName>();
        string? id = null, ethnicity = null;
        var gender = Gender.Unknown;
        foreach (var row in Rows("people.tsv", ["external_id", "ethnicity", "gender", "script", "name"]))
        {
            if (row[0] != id)
            {
                Flush();
                (id, ethnicity, gender) = (row[0], row[1], row[2] == "female" ? Gender.Female : Gender.Male);
            }

            if (!Scripts.TryParse(row[3], out var script))
            {
                throw new InvalidDataException($"people.tsv: unknown script code \"{row[3]}\" for {row[0]}");
            }

            var kind = names.Count == 0 ? NameKind.Primary : script == Script.Chinese ? NameKind.OfficialChinese : NameKind.Alias;
            names.Add(new PersonName(row[4], script, kind));
        }

        Flush();
        var queries = Rows("queries.tsv", ["query", "target", "system", "form", "pair"])
            .Select(r => new LabelledQuery(r[0], r[1], r[2], r[3], r[4]))
            .ToList();
        return new LabelledSet(people, queries);

        void Flush()
        {
            if (id is not null)
            {
                people.Add(new LabelledPerson(id, ethnicity!, gender, names.ToList()));
                names.Clear();
            }
        }
    }

    /// <summary>The label of a pair: the query's system and the script of the target's primary name.</summary>
    public static string PairOf(string system, Script primary) => $"{system} -> {primary.Code()}";

    /// <summary>How two names are compared for "the same string": trimmed, NFC, case-folded.</summary>
    public static string Comparable(string text) => text.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    private static IEnumerable<string[]> Rows(string file, string[] header)
    {
        var path = Path.Combine(DataDirectory, file);
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var first = reader.ReadLine();
        if (first != string.Join('\t', header))
        {
            throw new InvalidDataException($"{file}: the header must be \"{string.Join("\\t", header)}\", found \"{first}\"");
        }

        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var fields = text.Split('\t');
            if (fields.Length != header.Length || fields.Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidDataException($"{file} line {line}: expected {header.Length} non-empty fields, found \"{text}\"");
            }

            yield return fields;
        }
    }

    private static List<LabelledQuery> Derive(IReadOnlyList<LabelledPerson> people, IReadOnlyList<LabelledQuery> handWritten)
    {
        // A derived query must not be a name stored on anyone, nor a hand-written query of another person:
        // a typo that lands on a real name is not a typo any matcher can undo.
        var taken = new Dictionary<string, string>();
        foreach (var p in people)
        {
            foreach (var n in p.Names)
            {
                taken.TryAdd(Comparable(n.Text), p.ExternalId);
            }
        }

        foreach (var q in handWritten)
        {
            taken.TryAdd(Comparable(q.Text), q.Target);
        }

        var random = new Random(Seed);
        var derived = new List<LabelledQuery>();
        var separators = new[] { "\u30FB", "\u2027", "\uFF0E", " " };
        var nextSeparator = 0;
        foreach (var q in handWritten.Where(q => q.Form == "spelling"))
        {
            if (q.System == "zh-Hans")
            {
                if (q.Text.Contains('·', StringComparison.Ordinal) && random.Next(4) == 0)
                {
                    Add(q, q.Text.Replace("·", separators[nextSeparator++ % separators.Length], StringComparison.Ordinal), "separator");
                }

                continue;
            }

            if (random.Next(100) < 30 && Typo(q.Text, random) is { } typo)
            {
                Add(q, typo, "typo");
            }

            var tokens = q.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length >= 2 && random.Next(100) < 20)
            {
                Add(q, string.Join(' ', tokens.Reverse()), "order");
            }
        }

        return derived;

        void Add(LabelledQuery source, string text, string form)
        {
            var key = Comparable(text);
            if (!taken.ContainsKey(key))
            {
                taken[key] = source.Target;
                derived.Add(source with { Text = text, Form = form });
            }
        }
    }

    private const string LatinRows = "qwertyuiop|asdfghjkl|zxcvbnm";
    private const string CyrillicRows = "йцукенгшщзхъ|фывапролджэ|ячсмитьбю";

    /// <summary>One typing mistake in a letter past the first of a word of four letters or more; null when there is none to make.</summary>
    private static string? Typo(string text, Random random)
    {
        var positions = new List<int>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                if (i - start >= 4)
                {
                    positions.AddRange(Enumerable.Range(start + 1, i - start - 2).Where(p => char.IsLetter(text[p]) && char.IsLetter(text[p + 1])));
                }

                start = i + 1;
            }
        }

        if (positions.Count == 0)
        {
            return null;
        }

        var at = positions[random.Next(positions.Count)];
        var c = text[at];
        switch (random.Next(4))
        {
            case 0:
                return text.Remove(at, 1);
            case 1:
                return text.Insert(at, c.ToString());
            case 2:
                return text[..at] + text[at + 1] + c + text[(at + 2)..];
            default:
                var neighbour = Neighbour(c, random);
                return neighbour is null ? text.Remove(at, 1) : text[..at] + neighbour + text[(at + 1)..];
        }
    }

    private static char? Neighbour(char c, Random random)
    {
        var lower = char.ToLower(c, CultureInfo.InvariantCulture);
        foreach (var layout in new[] { LatinRows, CyrillicRows })
        {
            var rows = layout.Split('|');
            foreach (var row in rows)
            {
                var i = row.IndexOf(lower, StringComparison.Ordinal);
                if (i >= 0)
                {
                    var options = new List<char>();
                    if (i > 0)
                    {
                        options.Add(row[i - 1]);
                    }

                    if (i < row.Length - 1)
                    {
                        options.Add(row[i + 1]);
                    }

                    var pick = options[random.Next(options.Count)];
                    return char.IsUpper(c) ? char.ToUpper(pick, CultureInfo.InvariantCulture) : pick;
                }
            }
        }

        return null;
    }
}
