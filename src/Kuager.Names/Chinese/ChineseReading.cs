using System.Collections.Frozen;

namespace Kuager.Names.Chinese;

/// <summary>
/// Reads a Uyghur or Kazakh name written in Chinese characters (or in their pinyin) back into a Turkic Latin spelling:
/// character to pinyin syllable, then known multi-syllable pieces (买买提 mai-mai-ti = Memet), then syllable rules that
/// undo what the transcription adds (the vowel after a final consonant: 提 ti = -t, 克 ke = -k; 尔 er = r; 江 jiang = -jan).
/// </summary>
/// <remarks>
/// The rules follow the Xinjiang transcription practice (DB65/T 2189-2005 and the forms seen in court notices): the
/// result is a best guess that scoring compares with a tolerant edit distance, not an exact spelling.
/// </remarks>
internal static class ChineseReading
{
    private const int MaxSyllables = 32;

    /// <summary>Pieces by pinyin, syllables joined by a space. Older and newer characters share their pinyin.</summary>
    private static readonly FrozenDictionary<string, string> Pieces = new Dictionary<string, string>
    {
        ["mai mai ti"] = "memet", // 买买提 / 麦麦提
        ["ai he mai ti"] = "ehmet", // 艾合买提
        ["ai mai ti"] = "emet",
        ["a he mai ti"] = "ahmet",
        ["mai he mu ti"] = "mehmut",
        ["mai mai"] = "mem",
        ["a bu du"] = "abdu", // 阿不都 / 阿卜都 / 阿布都
        ["a bu"] = "ab",
        ["tu er xun"] = "tursun", // 吐尔逊
        ["tu xun"] = "tursun",
        ["gu li"] = "gul", // 古丽 / 古力
        ["bie ke"] = "bek", // 别克
        ["bai ke"] = "bek",
        ["rou zi"] = "rozi", // 肉孜 / 若孜
        ["ruo zi"] = "rozi",
        ["ai li"] = "eli", // 艾力
        ["yi li ha mu"] = "ilham", // 伊力哈木
        ["tu he ti"] = "tohti", // 土赫提
        ["tuo he ti"] = "tohti", // 托合提
        ["re yi la"] = "reyila", // 热依拉
        ["di li nu er"] = "dilnur", // 迪丽努尔
        ["a yi"] = "ay", // 阿依
        ["nu er"] = "nur", // 努尔
        ["yu su fu"] = "yusup", // 玉素甫
        ["you su fu"] = "yusup", // 尤素甫
        ["re yi mu"] = "rehim",
        ["re xi ti"] = "reshit",
        ["re he man"] = "rehman",
        ["wu si man"] = "osman",
        ["yi si la mu"] = "islam",
        ["yi ming"] = "imin", // 依明 / 伊明
        ["yi min"] = "imin",
        ["ka de er"] = "kadir",
        ["re bi ya"] = "rabiye",
        ["ai er ken"] = "erkin",
        ["ba tu er"] = "batur",
        ["a bu li zi"] = "abliz",
        ["a bu li mi ti"] = "ablimit",
        ["ka si mu"] = "kasim",
        ["nu er lan"] = "nurlan",
        ["ye er lan"] = "yerlan",
        ["ye er bo le"] = "yerbol",
        ["bo la ti"] = "bolat",
        ["ha li ke"] = "halik",
        ["a li"] = "ali",
        ["ni ya zi"] = "niyaz",
        ["na er"] = "nar",
        ["mi ji ti"] = "mijit",
        ["tu er hong"] = "turghun",
        ["ku er ban"] = "qurban",
        ["ai sha"] = "esa",
        ["pa er ha ti"] = "perhat",
        ["ka mi li"] = "kamil",
        ["ha mi ti"] = "hamit",
        ["ta yi er"] = "tahir",
        ["a di li"] = "adil",
        ["a li mu"] = "alim",
        ["ai shan"] = "hesen",
        ["mai er dan"] = "merdan",
        ["wu si"] = "os",
        ["mu ti"] = "mut",
        ["ke li mu"] = "kerim",
        ["su dan"] = "sultan",
        ["ye fu"] = "yev", // 耶夫: Russian-style -yev
        ["nuo fu"] = "nov",
        ["luo fu"] = "lov",
        ["ke fu"] = "kov",
        ["tuo fu"] = "tov",
        ["ye wa"] = "yeva",
        ["nuo wa"] = "nova",
        ["ha sa ke"] = "kazak",
        ["a ha mai ti"] = "ahmet",
        ["pa ti gu li"] = "patigul",
        ["a mai"] = "amet",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PieceLookup =
        Pieces.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Reads a run of Chinese characters. Writes the Turkic reading to <paramref name="turkic"/> and the plain pinyin to
    /// <paramref name="pinyin"/> (both need 8 chars per character). Characters without a reading are skipped.
    /// </summary>
    public static void ReadHan(ReadOnlySpan<char> han, Span<char> turkic, out int turkicLength, Span<char> pinyin, out int pinyinLength)
    {
        Span<int> ids = stackalloc int[Math.Min(han.Length, MaxSyllables)];
        var count = 0;
        pinyinLength = 0;
        foreach (var c in han)
        {
            var id = HanziPinyin.Of(c);
            if (id == 0 || count == ids.Length)
                continue;
            ids[count++] = id;
            var s = HanziPinyin.Syllables[id];
            foreach (var sc in s)
                pinyin[pinyinLength++] = sc == 'v' ? 'u' : sc;
        }

        turkicLength = Render(ids[..count], turkic);
    }

    /// <summary>
    /// Reads a Latin word as pinyin ("yilamujiang" = yi-la-mu-jiang) if it splits wholly into two or more syllables,
    /// and writes its Turkic reading ("ilamjan"). False for a word that is not pinyin.
    /// </summary>
    public static bool TryReadPinyin(ReadOnlySpan<char> latin, Span<char> turkic, out int turkicLength)
    {
        turkicLength = 0;
        if (latin.Length < 4 || latin.Length > 40)
            return false;

        Span<int> ids = stackalloc int[MaxSyllables];
        var count = Split(latin, ids);
        if (count < 2)
            return false;
        turkicLength = Render(ids[..count], turkic);
        return true;
    }

    /// <summary>Splits into syllables, longest first with backtracking; the count, or 0 if the word does not split.</summary>
    private static int Split(ReadOnlySpan<char> latin, Span<int> ids)
    {
        // best[i] = syllable count of a split of latin[i..], or -1; next[i] = length of the first syllable of that split.
        Span<int> best = stackalloc int[latin.Length + 1];
        Span<int> next = stackalloc int[latin.Length + 1];
        best[latin.Length] = 0;
        for (var i = latin.Length - 1; i >= 0; i--)
        {
            best[i] = -1;
            for (var len = Math.Min(6, latin.Length - i); len >= 1; len--)
            {
                if (best[i + len] < 0 || !IsSyllable(latin.Slice(i, len)))
                    continue;
                best[i] = best[i + len] + 1;
                next[i] = len;
                break;
            }
        }

        if (best[0] <= 0 || best[0] > ids.Length)
            return 0;
        var count = 0;
        for (var i = 0; i < latin.Length; i += next[i])
            ids[count++] = HanziPinyin.IdLookup[latin.Slice(i, next[i])];
        return count;
    }

    // Single letters other than a, e, o and the interjections (n, m, ng, hm) would split any Turkic word.
    private static bool IsSyllable(ReadOnlySpan<char> s) =>
        s.Length == 1 ? s[0] is 'a' or 'e' or 'o' : s is not ("ng" or "hm" or "hng") && HanziPinyin.IdLookup.ContainsKey(s);

    private static int Render(ReadOnlySpan<int> ids, Span<char> dest)
    {
        var n = 0;
        Span<char> keyBuf = stackalloc char[40];
        var i = 0;
        while (i < ids.Length)
        {
            // The longest known piece starting here.
            var matched = 0;
            string? piece = null;
            for (var len = Math.Min(5, ids.Length - i); len >= 2 && piece is null; len--)
            {
                var k = 0;
                for (var j = 0; j < len; j++)
                {
                    if (j > 0)
                        keyBuf[k++] = ' ';
                    var s = HanziPinyin.Syllables[ids[i + j]];
                    s.AsSpan().CopyTo(keyBuf[k..]);
                    k += s.Length;
                }

                if (PieceLookup.TryGetValue(keyBuf[..k], out piece))
                    matched = len;
            }

            if (piece is not null)
            {
                piece.AsSpan().CopyTo(dest[n..]);
                n += piece.Length;
                i += matched;
                continue;
            }

            var next = i + 1 < ids.Length ? HanziPinyin.Syllables[ids[i + 1]] : null;
            n += Syllable(HanziPinyin.Syllables[ids[i]], first: i == 0, next, dest[n..]);
            i++;
        }

        return n;
    }

    private static readonly string[] Initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"];

    /// <summary>One syllable in context. <paramref name="next"/> is the following syllable, null at the end of the word.</summary>
    private static int Syllable(string s, bool first, string? next, Span<char> dest)
    {
        var last = next is null;
        var beforeConsonant = next is not null && !IsVowel(next[0]) && next[0] is not ('y' or 'w');

        // Whole syllables with their own habits.
        switch (s)
        {
            case "er":
                return Write(dest, first ? "er" : "r");
            case "yi" or "yin" or "ying":
                return Write(dest, s == "yi" ? "i" : "in");
            case "wu":
                return Write(dest, first || !last ? "u" : "v");
            case "jiang":
                return Write(dest, "jan");
        }

        // The vowel a transcription adds after a consonant that ends a syllable (Memet = mai-mai-ti, Ilham = yi-li-ha-mu).
        if (s.Length == 2 && s[1] is 'i' or 'u' or 'e' && (last || (!first && beforeConsonant)))
        {
            var drop = s switch
            {
                "ti" or "ke" or "si" or "zi" or "de" or "te" or "ge" or "le" or "ri" or "bu" or "mu" or "he" => true,
                "fu" or "pu" => last,
                "li" => !last,
                _ => false,
            };
            if (drop)
            {
                dest[0] = s[0] switch
                {
                    'f' => 'p',
                    _ => s[0],
                };
                return 1;
            }
        }

        var initial = string.Empty;
        foreach (var candidate in Initials)
        {
            if (s.StartsWith(candidate, StringComparison.Ordinal) && s.Length > candidate.Length)
            {
                initial = candidate;
                break;
            }
        }

        var fin = s.AsSpan(initial.Length);
        var n = 0;
        var palatal = initial is "j" or "q" or "x";
        n += Write(dest[n..], initial switch
        {
            "zh" => "j",
            "q" => "ch",
            "x" => "sh",
            "c" => "ts",
            _ => initial,
        });

        // An i after z c s zh ch sh r is no vowel at all in pinyin (zi, si, ri).
        if (fin is "i" && initial is "z" or "c" or "s" or "zh" or "ch" or "sh" or "r")
            return n;

        // After j q x the i (and ü) glide belongs to the consonant: jiang = jan, xun = sun.
        if (palatal && fin.Length > 1 && fin[0] == 'i')
            fin = fin[1..];

        var mapped = fin switch
        {
            "ai" => "e",
            "ei" => "ey",
            "ao" or "ou" or "uo" or "iao" => "o",
            "ang" => "an",
            "eng" => "en",
            "ing" => "in",
            "ong" or "iong" => "un",
            "ia" => "ya",
            "ie" => "e",
            "iu" => "yu",
            "ian" or "iang" => "yan",
            "v" => "u",
            "ve" => "ue",
            "van" => "uan",
            "vn" => "un",
            "uai" => "uay",
            "ui" => "uy",
            "uang" => "uan",
            _ => null,
        };
        n += mapped is null ? Write(dest[n..], fin) : Write(dest[n..], mapped);
        return n;
    }

    private static int Write(Span<char> dest, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
            dest[i] = text[i] == 'v' ? 'u' : text[i];
        return text.Length;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'v';
}
