namespace Kuager.Names;

/// <summary>
/// The phonetic key of a romanised word (<see cref="NamePart.Key"/>), and the father's name inside a patronymic or a
/// Russian-style surname (<see cref="NamePart.Root"/>). Both work on spans and allocate nothing.
/// </summary>
/// <remarks>
/// One letter per sound class: sh = x, ch = c, zh = dzh = dj = j, gh = g, kh = x-as-ULY = h, q = c-alone = k, ng = n,
/// w = v (u after a vowel before a consonant). The glide y is kept only where it is heard between a consonant and a
/// vowel: Ye- at the start (Yerlan = Erlan), y between vowels (Tokayev = Tokaev, Baibolat = Baybolat) and j written
/// for it in German style (Tokajev) go; y or i before no vowel is i; i before a vowel after a consonant is y
/// (Ilias = Ilyas = Iliyas). Doubled letters are one. Vowels keep their five classes (a e i o u): the Latin step has
/// already folded ä ö ü é ı ū into them, and the edit distance in <see cref="NameSimilarity"/> makes e/i, o/u and a/e cheap.
/// </remarks>
public static class PhoneticKey
{
    /// <summary>Writes the key of <paramref name="latin"/> (a <see cref="NamePart.Latin"/>) to <paramref name="key"/>, which needs as much room; returns its length.</summary>
    public static int Fold(ReadOnlySpan<char> latin, Span<char> key)
    {
        var n = 0;
        var len = latin.Length;
        for (var i = 0; i < len; i++)
        {
            var c = latin[i];
            var next = i + 1 < len ? latin[i + 1] : '\0';
            char o;
            switch (c)
            {
                case 's' when next == 'h':
                    o = 'x';
                    i += i + 3 < len && latin[i + 2] == 'c' && latin[i + 3] == 'h' ? 3 : 1; // shch
                    break;
                case 'c':
                    o = next == 'h' ? 'c' : 'k';
                    if (next == 'h')
                        i++;
                    break;
                case 'z' when next == 'h':
                case 'd' when next == 'j':
                    o = 'j';
                    i++;
                    break;
                case 'd' when next == 'z' && i + 2 < len && latin[i + 2] == 'h':
                    o = 'j';
                    i += 2;
                    break;
                case 'g' when next == 'h':
                    o = 'g';
                    i++;
                    break;
                case 'k' when next == 'h':
                    o = 'h';
                    i++;
                    break;
                case 'n' when next == 'g':
                    o = 'n';
                    i++;
                    break;
                case 'q':
                    o = 'k';
                    break;
                case 'x':
                    o = 'h';
                    break;
                case 'w':
                    o = n > 0 && IsVowel(key[n - 1]) && !IsVowel(next) ? 'u' : 'v';
                    break;
                case 'j' when n > 0 && IsVowel(key[n - 1]) && next == 'e' && IsRussianEnding(latin[(i + 2)..]):
                    continue; // Tokajev
                case 'y':
                    if (!IsVowel(next))
                    {
                        o = 'i';
                        break;
                    }

                    if ((n == 0 && next == 'e') || (n > 0 && IsVowel(key[n - 1])))
                        continue;
                    o = 'y';
                    break;
                case 'i' when IsVowel(next) && n > 0 && !IsVowel(key[n - 1]):
                    o = 'y';
                    break;
                case 'i' when next == 'y' && i + 2 < len && IsVowel(latin[i + 2]) && n > 0 && !IsVowel(key[n - 1]):
                    o = 'y';
                    i++;
                    break;
                default:
                    o = c;
                    break;
            }

            if (n > 0 && key[n - 1] == o)
                continue;
            key[n++] = o;
        }

        return n;
    }

    /// <summary>The key of a whole romanised word, as a string.</summary>
    public static string Fold(ReadOnlySpan<char> latin)
    {
        Span<char> buffer = latin.Length <= 128 ? stackalloc char[latin.Length] : new char[latin.Length];
        var n = Fold(latin, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>
    /// The length of the father's-name stem of a patronymic (-uly, -kyzy, -ovich, -evna, ...) or Russian-style surname
    /// (-ov, -eva, -in, ...) key, or 0 if the key has no such ending.
    /// </summary>
    public static int RootLength(ReadOnlySpan<char> key)
    {
        foreach (var (suffix, minStem) in Endings)
        {
            if (key.Length >= suffix.Length + minStem && key.EndsWith(suffix, StringComparison.Ordinal))
                return key.Length - suffix.Length;
        }

        return 0;
    }

    /// <summary>True for a key that is a patronymic word standing on its own ("uly" in "Kunbolat uly").</summary>
    public static bool IsPatronymicWord(ReadOnlySpan<char> key) => key is "uli" or "ulu" or "kizi" or "ogli" or "oglu" or "uuli";

    // Longest first. Keys are folded: kyzy/qyzy/qızı = kizi, uly/ulı/ūly = uli, ovich = ovic.
    private static readonly (string Suffix, int MinStem)[] Endings =
    [
        ("ovic", 3), ("evic", 3), ("ovna", 3), ("evna", 3), ("kizi", 3), ("ogli", 3), ("oglu", 3),
        ("uli", 3), ("ulu", 3), ("ova", 3), ("eva", 3), ("ina", 4), ("ov", 3), ("ev", 3), ("in", 4),
    ];

    private static bool IsRussianEnding(ReadOnlySpan<char> rest) => rest is "v" or "va" or "vich" or "vna";

    internal static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
