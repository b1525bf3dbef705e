using Kuager.Names;

namespace Kuager.Core;

/// <summary>
/// Scores a pair of people from all the evidence. Pure.
/// </summary>
/// <remarks>
/// Each kind of evidence adds to or takes from a log-odds sum (in the manner of Fellegi and Sunter): names by how
/// alike their best pair of written forms is (through <see cref="NameSimilarity"/>, so every script and spelling
/// meets) and how rare the matched words are; birth years the same, one apart (common: years are remembered
/// differently) or further; gender; ethnicity; hometowns by the deepest level of the place hierarchy they share
/// (a village and the county it lies in agree, two villages of one county differ a little, two countries a lot);
/// relatives with alike names; sources cited for both. People recorded as related to each other are not one person.
/// The sum goes through the logistic function to a score in 0..1; a side that does not say moves nothing.
/// </remarks>
public static class DuplicateScorer
{
    /// <summary>The threshold with the best F1 on the labelled synthetic set (tests/Kuager.Storage.Tests/Duplicates).</summary>
    public const double DefaultThreshold = 0.78;

    /// <summary>The name similarity below which a pair cannot be one person whatever else agrees.</summary>
    public const double MinNameSimilarity = 0.55;

    private const double Bias = -3.0;

    /// <summary>How alike two people are from all the evidence, with the reasons (the evidence that agrees, strongest first).</summary>
    /// <param name="weight">A name word's rarity (an inverse document frequency, largest for a word found nowhere); null weighs every word the same.</param>
    public static DuplicateScore Score(DuplicateProfile a, DuplicateProfile b, Func<NamePart, double>? weight = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Span<(EvidenceVerdict Verdict, double Weight)> found = stackalloc (EvidenceVerdict, double)[OtherReasons.Length];
        var logit = Bias + Others(a, b, found, deferRelatives: false, out _);
        var (similarity, rarity) = Names(a.Names, b.Names, weight);
        var name = NameWeight(similarity, rarity);
        return Result(logit + name, similarity, name, found);
    }

    /// <summary>
    /// The score, or null when the pair cannot reach <paramref name="threshold"/>: the evidence besides the names is
    /// weighed first, and the names (the costly part) only when they can still lift the pair over the threshold.
    /// Nothing is allocated for a pair that does not reach it (most of the pairs a search compares).
    /// </summary>
    public static DuplicateScore? ScoreAtLeast(DuplicateProfile a, DuplicateProfile b, double threshold, Func<NamePart, double>? weight = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Span<(EvidenceVerdict Verdict, double Weight)> found = stackalloc (EvidenceVerdict, double)[OtherReasons.Length];

        // Relatives' names (the costliest evidence after the names) are compared last, only when they can still matter.
        var logit = Bias + Others(a, b, found, deferRelatives: true, out var relativesPending);
        var relativesMost = relativesPending ? SharedRelative : 0;
        var needed = Logit(threshold);
        if (logit + relativesMost + NameWeight(1, new NameRarity(1, 0)) < needed)
        {
            return null;
        }

        var (similarity, rarity) = Names(a.Names, b.Names, weight);
        var name = NameWeight(similarity, rarity);
        if (logit + relativesMost + name < needed)
        {
            return null;
        }

        if (relativesPending)
        {
            found[RelativeSlot] = RelativesByName(a, b);
            logit += found[RelativeSlot].Weight;
            if (logit + name < needed)
            {
                return null;
            }
        }

        return Result(logit + name, similarity, name, found);
    }

    /// <summary>The score with its evidence: the names first, then the rest in the order of <see cref="OtherReasons"/>.</summary>
    private static DuplicateScore Result(double logit, double similarity, double name, ReadOnlySpan<(EvidenceVerdict Verdict, double Weight)> found)
    {
        var evidence = new List<DuplicateEvidence>(OtherReasons.Length + 1)
        {
            new(DuplicateReasons.Name, similarity >= 0.9 ? EvidenceVerdict.Agrees : similarity >= 0.75 ? EvidenceVerdict.Near : EvidenceVerdict.Differs, Math.Round(name, 3)),
        };
        for (var i = 0; i < found.Length; i++)
        {
            evidence.Add(new DuplicateEvidence(OtherReasons[i], found[i].Verdict, found[i].Weight));
        }

        var score = Math.Round(1 / (1 + Math.Exp(-logit)), 4);
        var reasons = evidence.Where(e => e.Weight > 0 && e.Verdict is EvidenceVerdict.Agrees or EvidenceVerdict.Near)
            .OrderByDescending(e => e.Weight).Select(e => e.Reason).ToList();
        return new DuplicateScore(score, reasons, evidence);
    }

    private static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    /// <summary>The evidence besides the names, in the order <see cref="Others"/> weighs it.</summary>
    private static readonly string[] OtherReasons =
    [
        DuplicateReasons.BirthYear, DuplicateReasons.Gender, DuplicateReasons.Ethnicity, DuplicateReasons.Hometown, DuplicateReasons.Relative, DuplicateReasons.Source,
    ];

    private const int RelativeSlot = 4;

    /// <summary>
    /// Everything but the names, into <paramref name="found"/> (in the order of <see cref="OtherReasons"/>); returns its
    /// log-odds. With <paramref name="deferRelatives"/>, relatives whose names would have to be compared are left unknown
    /// (weight 0) and <paramref name="relativesPending"/> set, for the caller to weigh them when they can still matter.
    /// </summary>
    private static double Others(DuplicateProfile a, DuplicateProfile b, Span<(EvidenceVerdict Verdict, double Weight)> found, bool deferRelatives, out bool relativesPending)
    {
        found[0] = BirthYear(a.BirthYear, b.BirthYear);
        found[1] = a.Gender == Gender.Unknown || b.Gender == Gender.Unknown
            ? (EvidenceVerdict.Unknown, 0)
            : a.Gender == b.Gender ? (EvidenceVerdict.Agrees, 0.3) : (EvidenceVerdict.Differs, -4.0);
        found[2] = a.Ethnicity is null || b.Ethnicity is null
            ? (EvidenceVerdict.Unknown, 0)
            : string.Equals(a.Ethnicity.Trim(), b.Ethnicity.Trim(), StringComparison.OrdinalIgnoreCase) ? (EvidenceVerdict.Agrees, 0.3) : (EvidenceVerdict.Differs, -2.0);
        found[3] = Hometown(a.HometownPath, b.HometownPath);
        var known = RelativesKnown(a, b);
        relativesPending = known is null && deferRelatives;
        found[RelativeSlot] = known ?? (deferRelatives ? (EvidenceVerdict.Unknown, 0) : RelativesByName(a, b));
        found[5] = SharesAny(a.SourceIds, b.SourceIds) ? (EvidenceVerdict.Agrees, 0.5) : (EvidenceVerdict.Unknown, 0);
        var sum = 0.0;
        foreach (var (_, weight) in found)
        {
            sum += weight;
        }

        return sum;
    }

    private static (EvidenceVerdict, double) BirthYear(int? a, int? b)
    {
        if (a is null || b is null)
        {
            return (EvidenceVerdict.Unknown, 0);
        }

        return Math.Abs(a.Value - b.Value) switch
        {
            0 => (EvidenceVerdict.Agrees, 1.5),
            1 => (EvidenceVerdict.Near, 0.6),
            2 => (EvidenceVerdict.Differs, -1.5),
            <= 5 => (EvidenceVerdict.Differs, -3.0),
            _ => (EvidenceVerdict.Differs, -6.0),
        };
    }

    /// <summary>
    /// Agreement at the deepest level both paths reach: the same village counts most, a village and its county (one
    /// report is less precise) less; paths that part below a shared place differ, more the higher they part.
    /// </summary>
    private static (EvidenceVerdict, double) Hometown(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return (EvidenceVerdict.Unknown, 0);
        }

        var common = 0;
        while (common < a.Count && common < b.Count && a[common] == b[common])
        {
            common++;
        }

        var shorter = Math.Min(a.Count, b.Count);
        if (common == shorter)
        {
            // One contains the other: agreement as deep as the less precise one goes (a country says little, a village much).
            var depth = Math.Min(common, 6);
            var weight = 0.3 + (0.4 * depth);
            return (a.Count == b.Count ? EvidenceVerdict.Agrees : EvidenceVerdict.Near, Math.Min(weight, 2.5));
        }

        // They part after `common` shared levels.
        return common switch
        {
            0 => (EvidenceVerdict.Differs, -3.0),
            1 => (EvidenceVerdict.Differs, -2.0),
            2 => (EvidenceVerdict.Differs, -1.2),
            _ => (EvidenceVerdict.Differs, -0.6),
        };
    }

    /// <summary>The log-odds of a relative in common (by record or by name).</summary>
    private const double SharedRelative = 2.0;

    /// <summary>What the relatives say without comparing their names, or null when their names must be compared.</summary>
    private static (EvidenceVerdict, double)? RelativesKnown(DuplicateProfile a, DuplicateProfile b)
    {
        if (a.RelativeIds.Contains(b.Id) || b.RelativeIds.Contains(a.Id))
        {
            // Recorded as related to each other: two people.
            return (EvidenceVerdict.Differs, -8.0);
        }

        if (a.RelativeNames.Count == 0 || b.RelativeNames.Count == 0)
        {
            return (EvidenceVerdict.Unknown, 0);
        }

        if (SharesAny(a.RelativeIds, b.RelativeIds))
        {
            return (EvidenceVerdict.Agrees, SharedRelative);
        }

        if (a.RelativeKeys.Count > 0 && b.RelativeKeys.Count > 0 && !SharesAnySorted(a.RelativeKeys, b.RelativeKeys))
        {
            return (EvidenceVerdict.Unknown, 0);
        }

        return null;
    }

    /// <summary>Relatives with alike names (any written form of one against any of the other).</summary>
    private static (EvidenceVerdict, double) RelativesByName(DuplicateProfile a, DuplicateProfile b)
    {
        foreach (var x in a.RelativeNames)
        {
            foreach (var y in b.RelativeNames)
            {
                if (SameWords(x, y))
                {
                    return (EvidenceVerdict.Agrees, SharedRelative);
                }
            }
        }

        var best = 0.0;
        foreach (var x in a.RelativeNames)
        {
            foreach (var y in b.RelativeNames)
            {
                best = Math.Max(best, Symmetric(x, y, null));
                if (best >= 0.9)
                {
                    return (EvidenceVerdict.Agrees, SharedRelative);
                }
            }
        }

        return best >= 0.8 ? (EvidenceVerdict.Near, 0.8) : (EvidenceVerdict.Unknown, 0);
    }

    private static bool SharesAnySorted(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            if (a[i] == b[j])
            {
                return true;
            }

            if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    private static bool SharesAny(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The best similarity between any written form of one and any of the other (each name scored both ways and
    /// averaged, so neither side is the query), and how rare the words of that best pair are (0 common .. 1 rare).
    /// </summary>
    private static (double Similarity, NameRarity Rarity) Names(IReadOnlyList<NameKey> a, IReadOnlyList<NameKey> b, Func<NamePart, double>? weight)
    {
        // The same words in the same order (namesakes, and a name entered twice alike): nothing to weigh word by word.
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (SameWords(x, y))
                {
                    return (1.0, Rarity(x, weight));
                }
            }
        }

        var best = 0.0;
        NameKey? bestName = null;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                // One direction first: the average of both cannot beat the best so far when this one is too low.
                var forward = NameSimilarity.Score(x, y, weight).Score;
                if ((forward + 1) / 2 <= best && Whole(x, y) <= best)
                {
                    continue;
                }

                // The same words on both sides score the same both ways.
                var backward = forward >= 0.999 && x.Parts.Count == y.Parts.Count ? forward : NameSimilarity.Score(y, x, weight).Score;
                var s = Math.Max((forward + backward) / 2, forward >= 0.9 ? 0 : Whole(x, y));
                if (s > best)
                {
                    best = s;
                    bestName = x.Parts.Count <= y.Parts.Count ? x : y;
                    if (s >= 0.999)
                    {
                        return (best, Rarity(bestName, weight));
                    }
                }
            }
        }

        return (best, bestName is null ? default : Rarity(bestName, weight));
    }

    /// <summary>Whether two names have the same words (keys and second readings), in order, none of them an initial.</summary>
    private static bool SameWords(NameKey x, NameKey y)
    {
        if (x.Parts.Count != y.Parts.Count || x.Parts.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < x.Parts.Count; i++)
        {
            var (p, q) = (x.Parts[i], y.Parts[i]);
            if (p.IsInitial || q.IsInitial || (!ReferenceEquals(p, q) && (p.Key != q.Key || p.Alt != q.Alt)))
            {
                return false;
            }
        }

        return true;
    }

    private static double Symmetric(NameKey x, NameKey y, Func<NamePart, double>? weight)
    {
        var s = (NameSimilarity.Score(x, y, weight).Score + NameSimilarity.Score(y, x, weight).Score) / 2;
        return s >= 0.9 ? s : Math.Max(s, Whole(x, y));
    }

    /// <summary>
    /// A name written as one word against the same name in two or three (a Chinese name in characters, read as one
    /// word, against its pinyin "Yang Hongxiu" or "Hongxiu Yang"): the words joined in either order, as one word.
    /// </summary>
    private static double Whole(NameKey x, NameKey y)
    {
        var (one, many) = x.Parts.Count == 1 ? (x, y) : (y, x);
        if (one.Parts.Count != 1 || many.Parts.Count is < 2 or > 3 || one.Parts[0].IsInitial || many.Parts.Any(p => p.IsInitial))
        {
            return 0;
        }

        var best = Math.Max(NameSimilarity.Part(one.Parts[0], Joined(many.Parts)), NameSimilarity.Part(one.Parts[0], Joined(many.Parts.Reverse())));

        // Joined words are less sure than words written apart: a little below an exact match.
        return best * 0.95;
    }

    private static NamePart Joined(IEnumerable<NamePart> parts)
    {
        var list = parts as IReadOnlyList<NamePart> ?? parts.ToList();
        var latin = string.Concat(list.Select(p => p.Latin));
        var alt = list.Any(p => p.Alt is not null) ? string.Concat(list.Select(p => p.Alt ?? p.Latin)) : null;
        return new NamePart(latin, latin, PhoneticKey.Fold(latin), null, false) { Alt = alt };
    }

    /// <summary>A word no name has: its weight is the largest a word can have (it occurs nowhere).</summary>
    private static readonly NamePart Unseen = new("\u0000", "\u0000", "\u0000", null, false);

    /// <summary>
    /// How much a name says about who it is. <see cref="NameRarity.Share"/>: its words' rarity weights against the largest
    /// a weight can be (a word found once), averaged, from 0 (the commonest words) to 1 (words no one else has); with no
    /// weights, middling. <see cref="NameRarity.LogNamesakes"/>: how many people would bear the whole name by chance, as a
    /// natural logarithm (0 for one or fewer): with N people and each word in df of them, N·Π(df/N), that is
    /// ln N − Σ ln(N/df), the inverse document frequencies taken from the largest weight (a word found nowhere, ln N).
    /// </summary>
    private static NameRarity Rarity(NameKey name, Func<NamePart, double>? weight)
    {
        if (weight is null)
        {
            return new NameRarity(0.5, 0);
        }

        var most = weight(Unseen);
        if (!(most > 0))
        {
            return new NameRarity(0.5, 0);
        }

        double total = 0;
        var count = 0;
        foreach (var part in name.Parts)
        {
            if (!part.IsInitial)
            {
                total += Math.Min(weight(part), most);
                count++;
            }
        }

        return count == 0 ? default : new NameRarity(total / most / count, Math.Max(0, most - total));
    }

    /// <summary>How rare a name's words are (0..1), and the natural logarithm of how many people would bear it by chance.</summary>
    private readonly record struct NameRarity(double Share, double LogNamesakes);

    /// <summary>
    /// How much the log-odds of a name agreeing fall for every e-fold of the people who would bear it by chance (a
    /// Fellegi–Sunter agreement weight by the value's frequency): two records of a name a thousand people bear say much
    /// less than two of a name one person bears.
    /// </summary>
    /// <remarks>0.5: at a million people (the bench's registry) the best F1 rose from 0.78 to 0.80 and the F1 at the default
    /// threshold from 0.42 to 0.67; 1.0 did worse (best 0.77). On the labelled set of 3,000 people it changes little.</remarks>
    private const double NamesakeWeight = 0.5;

    /// <summary>
    /// The names' log-odds: strongly against below <see cref="MinNameSimilarity"/>, rising to +4 for the same name, +1
    /// more when its words are rare, less when many people would bear it by chance (never below nothing for a name that agrees).
    /// </summary>
    private static double NameWeight(double similarity, NameRarity rarity)
    {
        if (similarity < MinNameSimilarity)
        {
            return -10;
        }

        ReadOnlySpan<double> xs = [0.55, 0.7, 0.8, 0.9, 1.0];
        ReadOnlySpan<double> ys = [-5.0, -1.5, 1.0, 2.8, 4.0];
        var w = ys[^1];
        for (var i = 1; i < xs.Length; i++)
        {
            if (similarity <= xs[i])
            {
                var t = (similarity - xs[i - 1]) / (xs[i] - xs[i - 1]);
                w = ys[i - 1] + (t * (ys[i] - ys[i - 1]));
                break;
            }
        }

        return w > 0 ? Math.Max(0, w + ((rarity.Share - 0.5) * 1.5) - (NamesakeWeight * rarity.LogNamesakes)) : w;
    }
}
