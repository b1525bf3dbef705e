using Kuager.Names.Chinese;
using Kuager.Names.Transliteration;

namespace Kuager.Names;

/// <summary>Turns a name in any script or spelling into its <see cref="NameKey"/>. Pure.</summary>
public static class NameKeys
{
    /// <summary>The key of a name whose script is detected from its letters.</summary>
    public static NameKey Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = NameText.Normalize(text);
        return Build(normalized, ScriptDetector.Detect(normalized), null);
    }

    /// <summary>The key of a name written in a known script.</summary>
    public static NameKey Of(string text, Script script)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Build(NameText.Normalize(text), script, null);
    }

    internal static NameKey Build(string normalized, Script script, NameKeyCache? cache = null)
    {
        var parts = new List<NamePart>(4);
        var span = normalized.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (IsSeparator(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && !IsSeparator(span[i]))
                i++;
            // "Ye." and "Zh." abbreviate Yerlan and Zhanar: a romanised Cyrillic initial is one or two letters and a dot.
            var abbreviated = i < span.Length && span[i] == '.' && i - start <= 2;
            var part = cache is null ? Part(span[start..i], script, abbreviated) : cache.Part(span[start..i], script, abbreviated);
            if (part is null)
                continue;

            // "Kunbolat uly" is one patronymic, like "Kunbolatuly".
            if (parts.Count > 0 && PhoneticKey.IsPatronymicWord(part.Key) && !parts[^1].IsInitial && parts[^1].Root is null)
                parts[^1] = Joined(parts[^1], part);
            else
                parts.Add(part);
        }

        return new NameKey(normalized, script, parts);
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '-' or '\u00B7' or ',' or '.' or '/' or '(' or ')' or '"' or ';' or ':' or '\u2010' or '\u2011'
            or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '[' or ']' or '«' or '»' or '“' or '”' or '„' or '_'
            || char.IsDigit(c);

    internal static NamePart? Part(ReadOnlySpan<char> word, Script script, bool abbreviated)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);

        var capacity = Romanizer.Capacity(word.Length);
        Span<char> latin = capacity <= 512 ? stackalloc char[capacity] : new char[capacity];
        Span<char> pinyin = capacity <= 512 ? stackalloc char[capacity] : new char[capacity];
        var n = Romanizer.Write(lower, script, latin, pinyin, out var pinyinLength);
        if (n == 0)
            return null;

        Span<char> buffer = capacity <= 512 ? stackalloc char[capacity] : new char[capacity];
        var latinText = latin[..n];
        string? alt = null;
        if (pinyinLength > 0)
        {
            // Chinese characters: the Latin is the Turkic reading, the pinyin is the other spelling seen in the wild.
            alt = pinyin[..pinyinLength].SequenceEqual(latinText) ? null : new string(pinyin[..pinyinLength]);
        }
        else if (IsAsciiLetters(lower))
        {
            if (ChineseReading.TryReadPinyin(latinText, buffer, out var t))
                alt = buffer[..t].SequenceEqual(latinText) ? null : new string(buffer[..t]);
            else if (latinText.Contains('x'))
                alt = XAsSh(latinText, buffer); // Karakax = Qaraqash (older Uyghur script and pinyin write sh as x)
        }
        else if (alt is null && lower.Contains('ә') && script is Script.KazakhCyrillic or Script.UyghurCyrillic or Script.RussianCyrillic)
        {
            // Ә is "a" in Kazakh (Әлия = Aliya) and "e" in Uyghur Cyrillic (Мәһирниса = Mehirnisa); a Uyghur name typed
            // without a Uyghur-only letter looks Kazakh, so the other reading is kept as the second one.
            var other = Romanizer.Write(lower, script == Script.UyghurCyrillic ? Script.KazakhCyrillic : Script.UyghurCyrillic, buffer, pinyin, out _);
            if (!buffer[..other].SequenceEqual(latinText))
                alt = new string(buffer[..other]);
        }

        var key = PhoneticKey.Fold(latinText, buffer);
        var keyText = new string(buffer[..key]);
        var isInitial = (lower.Length == 1 || abbreviated) && char.IsLetter(lower[0]) && pinyinLength == 0;
        return new NamePart(new string(lower), new string(latinText), keyText, Root(keyText, latinText), isInitial) { Alt = alt };
    }

    private static NamePart Joined(NamePart name, NamePart patronymic)
    {
        var latin = name.Latin + patronymic.Latin;
        var key = PhoneticKey.Fold(latin);
        return new NamePart(name.Text + " " + patronymic.Text, latin, key, Root(key, latin) ?? name.Key, false)
        {
            Alt = name.Alt is null ? null : name.Alt + patronymic.Latin,
        };
    }

    /// <summary>
    /// The key of the father's name in a patronymic or surname, or null. A stem ending in k or q meets the k of
    /// -kyzy, and the key folds the doubled letter into one: Molbekqyzy is molbek + kyzy, not molbe + kizi.
    /// </summary>
    private static string? Root(string key, ReadOnlySpan<char> latin)
    {
        var length = PhoneticKey.RootLength(key);
        if (length == 0)
            return null;
        var stemEndsInK = key.AsSpan(length).StartsWith("kizi", StringComparison.Ordinal) && key[length - 1] != 'k'
            && latin.Length >= 5 && latin[^5] is 'k' or 'q';
        if (stemEndsInK)
            return string.Concat(key.AsSpan(0, length), "k");

        // Russian -iyev/-iyeva (Тохтиев = Tokhtiyev, Алиева) keeps the y of the glide: the father's name ends in i (Tohti, Ali).
        var stemEndsInGlide = length >= 3 && key[length - 1] == 'y' && !IsVowel(key[length - 2]);
        return stemEndsInGlide ? string.Concat(key.AsSpan(0, length - 1), "i") : key[..length];
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static string XAsSh(ReadOnlySpan<char> latin, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in latin)
        {
            if (c == 'x')
            {
                buffer[n++] = 's';
                buffer[n++] = 'h';
            }
            else
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
                return false;
        }

        return true;
    }
}
