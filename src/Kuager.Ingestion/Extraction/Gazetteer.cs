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

    private readonly Dictionary<string, (GazetteerEntry Entry, string[] Spellings)> _byPath = new(StringComparer.OrdinalIgnoreCase);

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
            var spellings = cells[^1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var variant in spellings)
                gazetteer.Add(variant, entry);
            if (!gazetteer._byPath.TryAdd(entry.Path, (entry, spellings)))
                throw new InvalidOperationException($"{file} line {number}: \"{entry.Path}\" is listed twice");
            gazetteer.Count++;
        }

        // Every enclosing place is itself listed, so that its kind and its own parent are known when it is created.
        foreach (var (entry, _) in gazetteer._byPath.Values)
        {
            if (entry.Parent is { } parent && !gazetteer._byPath.ContainsKey(parent))
                throw new InvalidOperationException($"{file}: \"{entry.Name}\" is inside \"{parent}\", which is not listed");
        }

        return gazetteer;
    }

    /// <summary>Every entry, in the order listed.</summary>
    public IEnumerable<GazetteerEntry> Entries => _byPath.Values.Select(v => v.Entry);

    /// <summary>The entry at a full path ("China > Xinjiang > Ili"), any letter case; null when the gazetteer has none.</summary>
    public GazetteerEntry? AtPath(string path) => _byPath.TryGetValue(path, out var found) ? found.Entry : null;

    /// <summary>The entry of this canonical name (the first listed when two places share it); null when none.</summary>
    public GazetteerEntry? Named(string name) =>
        _byPath.Values.Where(v => string.Equals(v.Entry.Name, name, StringComparison.OrdinalIgnoreCase)).Select(v => v.Entry).FirstOrDefault();

    /// <summary>The entry's spellings in every script, its canonical name first.</summary>
    public IReadOnlyList<string> SpellingsOf(GazetteerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _byPath.TryGetValue(entry.Path, out var found) ? [entry.Name, .. found.Spellings.Where(s => s != entry.Name)] : [entry.Name];
    }

    /// <summary>The entries enclosing this one, outermost first, then the entry itself: Kazakhstan, Zhetysu Region, Zharkent.</summary>
    public IReadOnlyList<GazetteerEntry> Lineage(GazetteerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var chain = new List<GazetteerEntry> { entry };
        for (var at = entry.Parent is { } p ? AtPath(p) : null; at is not null; at = at.Parent is { } q ? AtPath(q) : null)
            chain.Insert(0, at);
        return chain;
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
