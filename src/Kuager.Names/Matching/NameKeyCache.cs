using System.Collections.Concurrent;

namespace Kuager.Names;

/// <summary>
/// Keys many names at once: each distinct word is romanised and keyed once and its <see cref="NamePart"/> shared by
/// every name it occurs in (a million people have a few hundred thousand distinct words). Gives exactly what
/// <see cref="NameKeys.Of(string, Script)"/> gives. Thread-safe; holds every word it has seen, so keep it only as
/// long as the batch.
/// </summary>
public sealed class NameKeyCache
{
    private readonly ConcurrentDictionary<string, NamePart?>[] _words;

    public NameKeyCache()
    {
        _words = new ConcurrentDictionary<string, NamePart?>[(Enum.GetValues<Script>().Max(s => (int)s) + 1) * 2];
        for (var i = 0; i < _words.Length; i++)
            _words[i] = new ConcurrentDictionary<string, NamePart?>(StringComparer.Ordinal);
    }

    /// <summary>How many distinct words (per script) it holds.</summary>
    public int Count => _words.Sum(w => w.Count);

    /// <summary>The key of a name written in a known script, as <see cref="NameKeys.Of(string, Script)"/>.</summary>
    public NameKey Of(string text, Script script)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NameKeys.Build(NameText.Normalize(text), script, this);
    }

    internal NamePart? Part(ReadOnlySpan<char> word, Script script, bool abbreviated)
    {
        var words = _words[((int)script * 2) + (abbreviated ? 1 : 0)];
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var part))
            return part;
        part = NameKeys.Part(word, script, abbreviated);
        words.TryAdd(word.ToString(), part);
        return part;
    }
}
