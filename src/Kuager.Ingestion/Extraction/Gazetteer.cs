using System.Reflection;

namespace Kuager.Ingestion;

/// <summary>One known place or organisation: its canonical name, kind and enclosing path (places only).</summary>
public sealed record GazetteerEntry(string Name, string Kind, string? Parent)
{
    /// <summary>The full path, "China > Xinjiang > Ili > Ghulja", as the registry writes place paths.</summary>
    public string Path => Parent is null ? Name : $"{Parent} > {Name}";
}

/// <summary>
/// Known names, matched in text in any of their spellings: the places of Kazakhstan and Xinjiang (Data/places.tsv)
/// and organisations (Data/organizations.tsv), built by the project from public facts and embedded in the library.
/// A Cyrillic word may carry a Russian or Kazakh case ending ("в Казахстане", "Қазақстанда").
/// </summary>
public sealed class Gazetteer
{
    private const int MaxEnding = 5;

    private readonly Dictionary<string, List<(string[] Words, bool Capital, GazetteerEntry Entry)>> _byFirstWord = new(StringComparer.Ordinal);

    private Gazetteer()
    {
    }

    public static Gazetteer Places { get; } = Load("places.tsv", places: true);

    public static Gazetteer Organizations { get; } = Load("organizations.tsv", places: false);

    public int Count { get; private set; }

    private static Gazetteer Load(string file, bool places)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Kuager.Ingestion.Data.{file}")
            ?? throw new InvalidOperationException($"the embedded gazetteer {file} is missing from the build");
        using var reader = new StreamReader(stream);
        var gazetteer = new Gazetteer();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cells = line.Split('\t');
            var expected = places ? 4 : 2;
            if (cells.Length != expected)
                throw new InvalidOperationException($"{file} line {number}: {cells.Length} tab-separated columns, expected {expected}");
            var entry = places
                ? new GazetteerEntry(cells[0], cells[1], cells[2].Length == 0 ? null : cells[2])
                : new GazetteerEntry(cells[0], "organization", null);
            foreach (var variant in cells[^1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                gazetteer.Add(variant, entry);
            gazetteer.Count++;
        }

        return gazetteer;
    }

    private void Add(string variant, GazetteerEntry entry)
    {
        var words = Word.Split(variant).Select(w => w.Lower).ToArray();
        if (words.Length == 0)
            return;
        if (!_byFirstWord.TryGetValue(FirstKey(words[0]), out var list))
            _byFirstWord[FirstKey(words[0])] = list = [];
        list.Add((words, char.IsUpper(variant[0]), entry));
    }

    // Lookups by the first word go by its first three letters, so an inflected one-word name ("Казахстане") is found.
    private static string FirstKey(string lower) => lower.Length <= 3 ? lower : lower[..3];

    /// <summary>A match: the entry, the words [from, to) of the sentence it covers.</summary>
    internal readonly record struct Hit(GazetteerEntry Entry, int From, int To);

    /// <summary>Every known name in the words, longest first at each position, without overlaps.</summary>
    internal List<Hit> Find(IReadOnlyList<Word> words)
    {
        var hits = new List<Hit>();
        for (var i = 0; i < words.Count;)
        {
            var best = default(Hit);
            var bestLength = 0;
            if (_byFirstWord.TryGetValue(FirstKey(words[i].Lower), out var candidates))
            {
                foreach (var (variant, capital, entry) in candidates)
                {
                    if (variant.Length <= bestLength || i + variant.Length > words.Count)
                        continue;
                    if (capital != words[i].IsCapitalised)
                        continue;
                    if (Matches(words, i, variant))
                    {
                        best = new Hit(entry, i, i + variant.Length);
                        bestLength = variant.Length;
                    }
                }
            }

            if (bestLength > 0)
            {
                hits.Add(best);
                i += bestLength;
            }
            else
            {
                i++;
            }
        }

        return hits;
    }

    private static bool Matches(IReadOnlyList<Word> words, int at, string[] variant)
    {
        for (var k = 0; k < variant.Length; k++)
        {
            var word = words[at + k].Lower;
            var want = variant[k];
            if (word == want)
                continue;
            if (!InflectedFrom(word, want))
                return false;
        }

        return true;
    }

    /// <summary>"казахстане" from "казахстан", "синьцзяне" from "синьцзян", "қазақстанда": Cyrillic case endings only.</summary>
    private static bool InflectedFrom(string word, string name)
    {
        if (name.Length < 4 || !IsCyrillic(name[0]))
            return false;
        var stem = name[^1] is 'а' or 'я' or 'ы' or 'и' or 'й' or 'ь' or 'о' ? name[..^1] : name;
        return word.Length > stem.Length && word.Length - stem.Length <= MaxEnding && word.StartsWith(stem, StringComparison.Ordinal)
            && word[stem.Length..].All(IsCyrillic);
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';
}
