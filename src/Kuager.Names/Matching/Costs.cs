namespace Kuager.Names;

/// <summary>The weighted Damerau-Levenshtein distance between phonetic keys, where confusable letters cost less.</summary>
internal static class Costs
{
    public const double CheapestIndel = 0.5;
    private const double Transposition = 0.6;

    // Substitution costs by letter pair (a-z), symmetric; 1 unless listed.
    private static readonly float[] Substitution = BuildSubstitution();

    private static float[] BuildSubstitution()
    {
        var table = new float[26 * 26];
        Array.Fill(table, 1f);
        for (var i = 0; i < 26; i++)
            table[(i * 26) + i] = 0;

        const string vowels = "aeiou";
        foreach (var x in vowels)
        {
            foreach (var y in vowels)
            {
                if (x != y)
                    Set(table, x, y, 0.6f);
            }
        }

        // Vowels that spelling systems and vowel harmony trade: e/i (Héyit / Hiyit), o/u (Tohti / Tuhti),
        // a/e (Abdurahman / Abdurehman, Kazakh ä).
        Set(table, 'e', 'i', 0.3f);
        Set(table, 'o', 'u', 0.3f);
        Set(table, 'a', 'e', 0.35f);
        Set(table, 'i', 'y', 0.3f);
        Set(table, 'u', 'v', 0.4f);

        // Consonants: q/k and gh/g are merged already; what is left are the letters one system writes for another's.
        Set(table, 'k', 'g', 0.45f);
        Set(table, 'k', 'h', 0.5f); // Sattarkhanov / Sattarkanov
        Set(table, 'g', 'h', 0.6f);
        Set(table, 'h', 'x', 0.45f); // x = kh (ULY) or sh (older script)
        Set(table, 's', 'x', 0.4f); // s / sh (pinyin xun = sun)
        Set(table, 'c', 'x', 0.5f);
        Set(table, 'c', 'k', 0.5f); // Urumqi / Ürümchi
        Set(table, 'c', 'j', 0.5f);
        Set(table, 'c', 's', 0.6f);
        Set(table, 'j', 'z', 0.5f);
        Set(table, 'j', 'y', 0.5f); // Жүсіп Zhusip / Yusup
        Set(table, 'j', 'x', 0.6f);
        Set(table, 's', 'z', 0.5f);
        Set(table, 'b', 'p', 0.4f);
        Set(table, 'p', 'f', 0.4f); // Yusup / Yusuf
        Set(table, 'f', 'v', 0.5f);
        Set(table, 'b', 'v', 0.6f);
        Set(table, 'd', 't', 0.5f);
        Set(table, 'n', 'm', 0.6f);
        Set(table, 'l', 'r', 0.7f);
        return table;
    }

    private static void Set(float[] table, char x, char y, float cost)
    {
        table[((x - 'a') * 26) + (y - 'a')] = cost;
        table[((y - 'a') * 26) + (x - 'a')] = cost;
    }

    private static double Sub(char x, char y)
    {
        if (x == y)
            return 0;
        var i = x - 'a';
        var j = y - 'a';
        return (uint)i < 26 && (uint)j < 26 ? Substitution[(i * 26) + j] : 1;
    }

    /// <summary>Vowels, h and y come and go between spellings (Dilnur / Dilinur, Abdurahman / Abduraman).</summary>
    private static double Indel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'h' or 'y' ? CheapestIndel : 1;

    /// <summary>
    /// The distance, or a value above <paramref name="limit"/> as soon as every path is known to exceed it.
    /// Allocation-free for keys up to 64 letters.
    /// </summary>
    public static double Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double limit)
    {
        if (a.Length > 64)
            a = a[..64];
        if (b.Length > 64)
            b = b[..64];
        var m = b.Length;
        Span<double> rows = stackalloc double[3 * (m + 1)];
        var prev2 = rows[..(m + 1)];
        var prev = rows.Slice(m + 1, m + 1);
        var cur = rows.Slice(2 * (m + 1), m + 1);

        prev[0] = 0;
        for (var j = 1; j <= m; j++)
            prev[j] = prev[j - 1] + Indel(b[j - 1]);

        for (var i = 1; i <= a.Length; i++)
        {
            var ca = a[i - 1];
            var indelA = Indel(ca);
            cur[0] = prev[0] + indelA;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cb = b[j - 1];
                var v = prev[j - 1] + Sub(ca, cb);
                var del = prev[j] + indelA;
                if (del < v)
                    v = del;
                var ins = cur[j - 1] + Indel(cb);
                if (ins < v)
                    v = ins;
                if (i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == cb && ca != cb)
                {
                    var t = prev2[j - 2] + Transposition;
                    if (t < v)
                        v = t;
                }

                cur[j] = v;
                if (v < rowMin)
                    rowMin = v;
            }

            if (rowMin > limit)
                return rowMin;

            var swap = prev2;
            prev2 = prev;
            prev = cur;
            cur = swap;
        }

        return prev[m];
    }
}
