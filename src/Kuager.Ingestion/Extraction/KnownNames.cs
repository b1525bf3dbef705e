using Kuager.Names;

namespace Kuager.Ingestion;

/// <summary>
/// The names of registry people, as keys of the name library, handed in by the caller (the extractor does no I/O):
/// a run of Uyghur Arabic script or Chinese characters that is one of them is taken for a person's name even without
/// a cue around it. A key is the phonetic keys of the name's words joined in order, so "ئىلھام تۇرسۇن" and
/// "Ilham Tursun" share it; a two-word name is also known in the other order (family name first).
/// </summary>
public sealed class KnownNames
{
    /// <summary>Shorter keys (a two-letter word) would be met by chance.</summary>
    public const int MinKeyLength = 5;

    private readonly HashSet<string> _keys;

    private KnownNames(HashSet<string> keys) => _keys = keys;

    public static KnownNames None { get; } = new([]);

    public int Count => _keys.Count;

    /// <summary>From the phonetic keys of each name's words, in order (as the name index stores them).</summary>
    public static KnownNames FromKeys(IEnumerable<IReadOnlyList<string>> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parts in names)
        {
            if (parts.Count == 0)
                continue;
            keys.Add(string.Concat(parts));
            if (parts.Count == 2)
                keys.Add(parts[1] + parts[0]);
        }

        keys.RemoveWhere(k => k.Length < MinKeyLength);
        return new KnownNames(keys);
    }

    /// <summary>From names as written (any script).</summary>
    public static KnownNames FromNames(IEnumerable<string> names) =>
        FromKeys(names.Select(n => (IReadOnlyList<string>)NameKeys.Of(n).Parts.Where(p => !p.IsInitial).Select(p => p.Key).ToList()));

    /// <summary>Whether the text, read as a name, is a registry person's name.</summary>
    public bool Contains(string text)
    {
        if (_keys.Count == 0)
            return false;
        var key = string.Concat(NameKeys.Of(text).Parts.Where(p => !p.IsInitial).Select(p => p.Key));
        return key.Length >= MinKeyLength && _keys.Contains(key);
    }
}
