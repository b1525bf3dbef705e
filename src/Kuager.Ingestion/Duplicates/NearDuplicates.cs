namespace Kuager.Ingestion;

/// <summary>
/// Which articles and paragraphs are near-copies of one seen before: within one page (an item repeated on a listing)
/// and against those of earlier runs (given as fingerprints). The first seen is the original; later ones link to it.
/// </summary>
public sealed class NearDuplicates<TKey> where TKey : notnull
{
    /// <summary>Estimated shingle Jaccard at or above which two articles are one (re-typeset copies score 0.9+; follow-ups sharing a quote under 0.5).</summary>
    public const double ArticleThreshold = 0.8;

    /// <summary>Estimated Jaccard at or above which two paragraphs are one (a word or two changed in a long paragraph).</summary>
    public const double ParagraphThreshold = 0.7;

    /// <summary>Paragraphs shorter than this many words are not compared (one-line quotes and headings repeat honestly).</summary>
    public const int MinParagraphWords = 12;

    private readonly Dictionary<string, List<(TKey Key, Fingerprint Print)>> _bands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(TKey Key, Fingerprint Print)>> _paragraphBands = new(StringComparer.Ordinal);

    /// <summary>Remembers an article already known (from this run or an earlier one).</summary>
    public void AddArticle(TKey key, Fingerprint print) => Add(_bands, key, print);

    private static void Add(Dictionary<string, List<(TKey Key, Fingerprint Print)>> bands, TKey key, Fingerprint print)
    {
        foreach (var band in print.BandKeys())
        {
            if (!bands.TryGetValue(band, out var list))
                bands[band] = list = [];
            list.Add((key, print));
        }
    }

    private static (bool Found, TKey Key, double Similarity) Find(Dictionary<string, List<(TKey Key, Fingerprint Print)>> bands, Fingerprint print, double threshold)
    {
        (bool, TKey, double) best = (false, default!, 0);
        foreach (var band in print.BandKeys())
        {
            if (!bands.TryGetValue(band, out var list))
                continue;
            foreach (var (key, other) in list)
            {
                var s = print.Similarity(other);
                if (s >= threshold && s > best.Item3)
                    best = (true, key, s);
            }
        }

        return best;
    }

    /// <summary>The known article this one copies, best first; default when none.</summary>
    public (bool Found, TKey Key, double Similarity) FindArticle(Fingerprint print)
    {
        ArgumentNullException.ThrowIfNull(print);
        return Find(_bands, print, ArticleThreshold);
    }

    public void AddParagraph(TKey key, Fingerprint print)
    {
        if (print.Words >= MinParagraphWords)
            Add(_paragraphBands, key, print);
    }

    /// <summary>The known paragraph this one repeats; default when none or when it is too short to tell.</summary>
    public (bool Found, TKey Key) FindParagraph(Fingerprint print)
    {
        ArgumentNullException.ThrowIfNull(print);
        if (print.Words < MinParagraphWords)
            return (false, default!);
        var (found, key, _) = Find(_paragraphBands, print, ParagraphThreshold);
        return (found, key);
    }
}
