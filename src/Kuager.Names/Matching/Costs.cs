using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    // The DP runs on whole numbers: costs in twentieths.
    private const int Scale = 20;

    private static readonly byte[] SubstitutionScaled = Scaled(Substitution);

    // By letter a-z, then anything else (index 26).
    private static readonly byte[] IndelScaled = BuildIndel();

    private static byte[] Scaled(float[] table)
    {
        var result = new byte[27 * 27];
        Array.Fill(result, (byte)Scale);
        for (var i = 0; i < 26; i++)
        {
            for (var j = 0; j < 26; j++)
                result[(i * 27) + j] = (byte)Math.Round(table[(i * 26) + j] * Scale);
        }

        return result;
    }

    /// <summary>Vowels, h and y come and go between spellings (Dilnur / Dilinur, Abdurahman / Abduraman).</summary>
    private static byte[] BuildIndel()
    {
        var result = new byte[27];
        Array.Fill(result, (byte)Scale);
        foreach (var c in "aeiouhy")
            result[c - 'a'] = (byte)(CheapestIndel * Scale);
        return result;
    }

    private static int Index(char c) => (uint)(c - 'a') < 26 ? c - 'a' : 26;

    /// <summary>
    /// The distance, or a value above <paramref name="limit"/> as soon as every path is known to exceed it.
    /// Allocation-free; keys longer than 64 letters are cut.
    /// </summary>
    [SkipLocalsInit]
    public static double Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double limit)
    {
        if (a.Length > 64)
            a = a[..64];
        if (b.Length > 64)
            b = b[..64];
        var m = b.Length;
        var cap = (int)(limit * Scale) + 1;
        const int transposition = (int)(Transposition * Scale);

        Span<byte> ia = stackalloc byte[a.Length];
        Span<byte> ib = stackalloc byte[m];
        for (var i = 0; i < a.Length; i++)
            ia[i] = (byte)Index(a[i]);
        for (var j = 0; j < m; j++)
            ib[j] = (byte)Index(b[j]);

        ref var sub = ref MemoryMarshal.GetArrayDataReference(SubstitutionScaled);
        ref var indel = ref MemoryMarshal.GetArrayDataReference(IndelScaled);

        Span<int> rows = stackalloc int[3 * (m + 1)];
        var prev2 = rows[..(m + 1)];
        var prev = rows.Slice(m + 1, m + 1);
        var cur = rows.Slice(2 * (m + 1), m + 1);

        prev[0] = 0;
        for (var j = 1; j <= m; j++)
            prev[j] = prev[j - 1] + Unsafe.Add(ref indel, ib[j - 1]);

        // The inner loop reads through refs: it runs for every letter pair of every candidate the index scores.
        ref var rb = ref MemoryMarshal.GetReference(ib);
        for (var i = 1; i <= a.Length; i++)
        {
            int ca = ia[i - 1];
            int caBefore = i > 1 ? ia[i - 2] : -1;
            int indelA = Unsafe.Add(ref indel, ca);
            ref var subRow = ref Unsafe.Add(ref sub, ca * 27);
            ref var rp = ref MemoryMarshal.GetReference(prev);
            ref var rp2 = ref MemoryMarshal.GetReference(prev2);
            ref var rc = ref MemoryMarshal.GetReference(cur);
            var left = rp + indelA;
            rc = left;
            var rowMin = left;
            var diagonal = rp;
            for (var j = 1; j <= m; j++)
            {
                int cb = Unsafe.Add(ref rb, j - 1);
                var up = Unsafe.Add(ref rp, j);
                var v = diagonal + Unsafe.Add(ref subRow, cb);
                var del = up + indelA;
                if (del < v)
                    v = del;
                var ins = left + Unsafe.Add(ref indel, cb);
                if (ins < v)
                    v = ins;
                if (cb == caBefore && j > 1 && Unsafe.Add(ref rb, j - 2) == ca && ca != cb)
                {
                    var t = Unsafe.Add(ref rp2, j - 2) + transposition;
                    if (t < v)
                        v = t;
                }

                Unsafe.Add(ref rc, j) = v;
                left = v;
                diagonal = up;
                if (v < rowMin)
                    rowMin = v;
            }

            if (rowMin > cap)
                return (double)rowMin / Scale;

            var swap = prev2;
            prev2 = prev;
            prev = cur;
            cur = swap;
        }

        return (double)prev[m] / Scale;
    }
}
