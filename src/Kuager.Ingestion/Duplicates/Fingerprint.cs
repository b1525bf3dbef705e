using System.Globalization;
using System.Text;

namespace Kuager.Ingestion;

/// <summary>
/// Near-duplicate fingerprint of a text: a MinHash signature over word shingles, which estimates the Jaccard similarity
/// of two texts' shingle sets and is banded for lookup (locality-sensitive hashing).
/// Text is compared after folding case, punctuation and white space, so a copy re-typeset by another outlet matches.
/// </summary>
public sealed class Fingerprint
{
    public const int Hashes = 64;
    public const int Bands = 16;
    private const int Rows = Hashes / Bands;
    private const int ShingleWords = 4;

    private static readonly ulong[] SeedsA = Seeds(0x9E3779B97F4A7C15UL);
    private static readonly ulong[] SeedsB = Seeds(0xC2B2AE3D27D4EB4FUL);

    private Fingerprint(uint[] minHash, int words)
    {
        MinHash = minHash;
        Words = words;
    }

    public IReadOnlyList<uint> MinHash { get; }

    /// <summary>How many words the text has after folding.</summary>
    public int Words { get; }

    public static Fingerprint Of(string text)
    {
        var words = Fold(text).ToArray();
        var shingles = new HashSet<ulong>();
        if (words.Length < ShingleWords)
        {
            if (words.Length > 0)
                shingles.Add(Hash(string.Join(' ', words)));
        }
        else
        {
            for (var i = 0; i + ShingleWords <= words.Length; i++)
                shingles.Add(Hash(string.Join(' ', words, i, ShingleWords)));
        }

        var min = new uint[Hashes];
        Array.Fill(min, uint.MaxValue);
        foreach (var s in shingles)
        {
            for (var k = 0; k < Hashes; k++)
            {
                var h = (uint)(Mix((s ^ SeedsA[k]) + SeedsB[k]) >> 32);
                if (h < min[k])
                    min[k] = h;
            }
        }

        return new Fingerprint(min, words.Length);
    }

    /// <summary>The estimated Jaccard similarity of the two texts' shingles, 0..1.</summary>
    public double Similarity(Fingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Words == 0 || other.Words == 0)
            return 0;
        var same = 0;
        for (var k = 0; k < Hashes; k++)
        {
            if (MinHash[k] == other.MinHash[k])
                same++;
        }

        return same / (double)Hashes;
    }

    /// <summary>The band keys for lookup: two texts with estimated similarity s share a band with probability 1-(1-s^4)^16 (0.8 gives 0.999).</summary>
    public IReadOnlyList<string> BandKeys()
    {
        var keys = new string[Bands];
        for (var b = 0; b < Bands; b++)
        {
            ulong h = 1469598103934665603UL;
            for (var r = 0; r < Rows; r++)
                h = (h ^ MinHash[(b * Rows) + r]) * 1099511628211UL;
            keys[b] = string.Create(CultureInfo.InvariantCulture, $"{b:x1}{h:x16}");
        }

        return keys;
    }

    /// <summary>The signature as stored: 64 hex words joined.</summary>
    public string Signature() => string.Concat(MinHash.Select(h => h.ToString("x8", CultureInfo.InvariantCulture)));

    public static Fingerprint FromStored(string signature, int words)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length != Hashes * 8)
            throw new FormatException($"a stored signature has {Hashes * 8} hex digits, not {signature.Length}");
        var min = new uint[Hashes];
        for (var k = 0; k < Hashes; k++)
            min[k] = uint.Parse(signature.AsSpan(k * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new Fingerprint(min, words);
    }

    private static List<string> Fold(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c == 'ё' ? 'е' : c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
            words.Add(current.ToString());
        return words;
    }

    private static ulong Hash(string s)
    {
        // FNV-1a then a mixer: stable across runs and machines (string.GetHashCode is randomised per process).
        var h = 1469598103934665603UL;
        foreach (var c in s)
            h = (h ^ c) * 1099511628211UL;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return h;
    }

    /// <summary>The murmur3 finaliser: each of the 64 hash functions is the mix of the shingle under its own seed.</summary>
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    private static ulong[] Seeds(ulong seed)
    {
        var seeds = new ulong[Hashes];
        var x = seed;
        for (var k = 0; k < Hashes; k++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            seeds[k] = x | 1;
        }

        return seeds;
    }
}
