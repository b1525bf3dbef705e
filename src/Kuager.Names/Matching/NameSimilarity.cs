namespace Kuager.Names;

/// <summary>How alike two names are.</summary>
/// <param name="Score">0 (nothing in common) to 1 (the same name).</param>
public readonly record struct NameScore(double Score);

/// <summary>Similarity of names and of their parts, in 0..1. Pure, and allocation-free: the index calls it per candidate.</summary>
/// <remarks>
/// Parts are compared by a weighted Damerau-Levenshtein distance on their phonetic keys, where the letters that
/// spelling systems confuse cost less (<see cref="Costs"/>); both readings (<see cref="NamePart.Alt"/>) are tried, and a
/// patronymic or Russian-style surname also matches its father's name through <see cref="NamePart.Root"/>.
/// Names are compared by the best one-to-one alignment of their parts, whatever the order: a query part with no
/// partner costs its full weight, a stored part the query left out costs a sixth of its weight, and a different
/// order costs 3%. When the two sides have different part counts, two neighbouring parts of one side may stand for
/// one part of the other ("Abdu Reshit" / "Abdureshit", Chinese written without the middle dot).
/// </remarks>
public static class NameSimilarity
{
    private const int MaxParts = 8;
    private const int MaxKey = 40;
    private const double MissingStoredPart = 1.0 / 6;
    private const double OtherOrder = 0.97;
    private const double Joined = 0.98;
    private const double AltReading = 0.98;
    private const double ViaRoot = 0.9;
    private const double InitialMatch = 0.7;

    /// <summary>Below this a part is no match at all, so that noise between unrelated words does not add up.</summary>
    private const double Floor = 0.5;

    private const double JoinedFloor = 0.8;

    /// <summary>
    /// How alike a queried name is to a stored one. <paramref name="weight"/> gives a part's rarity weight
    /// (an inverse document frequency; larger is rarer); null weighs every part the same.
    /// </summary>
    public static NameScore Score(NameKey query, NameKey candidate, Func<NamePart, double>? weight = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidate);
        var n = Math.Min(query.Parts.Count, MaxParts);
        var m = Math.Min(candidate.Parts.Count, MaxParts);
        if (n == 0 || m == 0)
            return new NameScore(0);

        Span<double> wq = stackalloc double[n];
        Span<double> wc = stackalloc double[m];
        for (var i = 0; i < n; i++)
            wq[i] = Weight(query.Parts[i], weight);
        for (var j = 0; j < m; j++)
            wc[j] = Weight(candidate.Parts[j], weight);

        // A part with an exact partner (same key) is paired with it: its other pairs are not worth an edit distance.
        // Most candidates the index retrieves share a key with the query, so this skips most of the work.
        int exactRows = 0, exactCols = 0;
        for (var i = 0; i < n; i++)
        {
            var q = query.Parts[i];
            for (var j = 0; j < m; j++)
            {
                var c = candidate.Parts[j];
                if (!q.IsInitial && !c.IsInitial && q.Key == c.Key)
                {
                    exactRows |= 1 << i;
                    exactCols |= 1 << j;
                }
            }
        }

        Span<double> sim = stackalloc double[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var q = query.Parts[i];
                var c = candidate.Parts[j];
                var skip = ((exactRows >> i) & 1) + ((exactCols >> j) & 1) > 0 && (q.IsInitial || c.IsInitial || q.Key != c.Key);
                sim[(i * m) + j] = skip ? 0 : Part(q, c);
            }
        }

        var best = Align(sim, n, m, wq, wc);
        if (n != m && best < 1)
            best = Math.Max(best, JoinedParts(query, candidate, sim, n, m, wq, wc));
        return new NameScore(Math.Clamp(best, 0, 1));
    }

    /// <summary>How alike two words are: 1 for the same spelling, a little less for the same key, less the further apart.</summary>
    public static double Part(NamePart a, NamePart b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.IsInitial || b.IsInitial)
        {
            if (a.IsInitial && b.IsInitial)
                return a.Key == b.Key ? 1 : 0;
            return a.Key.Length > 0 && b.Key.Length > 0 && a.Key[0] == b.Key[0] ? InitialMatch : 0;
        }

        if (a.Key == b.Key)
            return a.Latin == b.Latin ? 1 : 0.98;

        var s = Keys(a.Key, b.Key, Floor);
        if (a.Alt is not null || b.Alt is not null)
        {
            Span<char> altA = stackalloc char[MaxKey];
            Span<char> altB = stackalloc char[MaxKey];
            var keyA = a.Alt is null ? a.Key.AsSpan() : AltKey(a.Alt, altA);
            var keyB = b.Alt is null ? b.Key.AsSpan() : AltKey(b.Alt, altB);
            var bar = Math.Max(s, Floor) / AltReading;
            if (a.Alt is not null)
                s = Math.Max(s, AltReading * Keys(keyA, b.Key, bar));
            if (b.Alt is not null)
                s = Math.Max(s, AltReading * Keys(a.Key, keyB, bar));
            if (a.Alt is not null && b.Alt is not null)
                s = Math.Max(s, AltReading * Keys(keyA, keyB, bar));
        }

        if (a.Root is not null || b.Root is not null)
        {
            var bar = Math.Max(s, Floor) / ViaRoot;
            var rootA = (a.Root ?? a.Key).AsSpan();
            var rootB = (b.Root ?? b.Key).AsSpan();
            s = Math.Max(s, ViaRoot * Keys(rootA, rootB, bar));
            if (a.Root is not null && b.Root is not null)
            {
                // Kunbolatuly against Kunbolatovich and against Kunbolat's own key.
                s = Math.Max(s, ViaRoot * Keys(rootA, b.Key, bar));
                s = Math.Max(s, ViaRoot * Keys(a.Key, rootB, bar));
            }
        }

        return s < Floor ? 0 : s;
    }

    private static double Weight(NamePart part, Func<NamePart, double>? weight)
    {
        var w = weight is null ? 1 : weight(part);
        if (!(w > 0.01))
            w = 0.01; // also catches NaN
        return part.IsInitial ? w / 2 : w;
    }

    private static ReadOnlySpan<char> AltKey(string alt, Span<char> buffer)
    {
        var source = alt.AsSpan(0, Math.Min(alt.Length, buffer.Length));
        return buffer[..PhoneticKey.Fold(source, buffer)];
    }

    /// <summary>Similarity of two keys from their weighted edit distance; 0 if it cannot reach <paramref name="bar"/>.</summary>
    private static double Keys(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double bar, bool prefixes = true)
    {
        if (a.SequenceEqual(b))
            return 1;
        if (a.Length == 0 || b.Length == 0)
            return 0;
        var longer = Math.Max(a.Length, b.Length);
        var shorter = Math.Min(a.Length, b.Length);

        // One is the start of the other (Memet / Memetjan, a name typed halfway).
        var prefix = prefixes && shorter >= 3 && (a.StartsWith(b) || b.StartsWith(a)) ? 0.5 + (0.4 * shorter / longer) : 0;

        // Every extra letter costs at least the cheapest insertion, so a large length gap cannot reach the bar.
        var allowed = (1 - Math.Max(bar, prefix)) * longer;
        if ((longer - shorter) * Costs.CheapestIndel > allowed)
            return prefix;

        var d = Costs.Distance(a, b, allowed);
        return Math.Max(prefix, 1 - (d / longer));
    }

    /// <summary>
    /// The best one-to-one alignment of query parts (rows) to stored parts (columns) and its score. Exhaustive for up
    /// to 5 x 5 parts, greedy beyond.
    /// </summary>
    private static double Align(ReadOnlySpan<double> sim, int n, int m, ReadOnlySpan<double> wq, ReadOnlySpan<double> wc)
    {
        Span<int> assigned = stackalloc int[n];
        if (n <= 5 && m <= 5)
        {
            Span<int> current = stackalloc int[n];
            var bestValue = -1.0;
            Search(sim, n, m, wq, 0, 0, 0, current, assigned, ref bestValue);
        }
        else
        {
            Greedy(sim, n, m, assigned);
        }

        double matched = 0, total = 0, extra = 0;
        var used = 0;
        var inOrder = true;
        var last = -1;
        for (var i = 0; i < n; i++)
        {
            total += wq[i];
            var j = assigned[i];
            if (j < 0)
                continue;
            matched += wq[i] * sim[(i * m) + j];
            used |= 1 << j;
            if (j < last)
                inOrder = false;
            last = j;
        }

        for (var j = 0; j < m; j++)
        {
            if ((used & (1 << j)) == 0)
                extra += wc[j];
        }

        var score = matched / (total + (MissingStoredPart * extra));
        return inOrder ? score : score * OtherOrder;
    }

    private static void Search(
        ReadOnlySpan<double> sim, int n, int m, ReadOnlySpan<double> wq, int i, int used, double value,
        Span<int> current, Span<int> best, ref double bestValue)
    {
        if (i == n)
        {
            // Ties go to the alignment found first, which tries partners in stored order: the same order wins.
            if (value > bestValue + 1e-12)
            {
                bestValue = value;
                current.CopyTo(best);
            }

            return;
        }

        for (var j = 0; j < m; j++)
        {
            var s = sim[(i * m) + j];
            if ((used & (1 << j)) != 0 || s <= 0)
                continue;
            current[i] = j;
            Search(sim, n, m, wq, i + 1, used | (1 << j), value + (wq[i] * s), current, best, ref bestValue);
        }

        current[i] = -1;
        Search(sim, n, m, wq, i + 1, used, value, current, best, ref bestValue);
    }

    private static void Greedy(ReadOnlySpan<double> sim, int n, int m, Span<int> assigned)
    {
        assigned.Fill(-1);
        var usedRows = 0;
        var usedCols = 0;
        while (true)
        {
            double top = 0;
            int bi = -1, bj = -1;
            for (var i = 0; i < n; i++)
            {
                if ((usedRows & (1 << i)) != 0)
                    continue;
                for (var j = 0; j < m; j++)
                {
                    if ((usedCols & (1 << j)) == 0 && sim[(i * m) + j] > top)
                    {
                        top = sim[(i * m) + j];
                        bi = i;
                        bj = j;
                    }
                }
            }

            if (bi < 0)
                return;
            assigned[bi] = bj;
            usedRows |= 1 << bi;
            usedCols |= 1 << bj;
        }
    }

    /// <summary>
    /// The best score when two neighbouring parts of the side with more parts are read as one word and matched against
    /// the other side's parts.
    /// </summary>
    private static double JoinedParts(
        NameKey query, NameKey candidate, ReadOnlySpan<double> sim, int n, int m, ReadOnlySpan<double> wq, ReadOnlySpan<double> wc)
    {
        var joinQuery = n > m;
        var many = joinQuery ? query.Parts : candidate.Parts;
        var few = joinQuery ? candidate.Parts : query.Parts;
        var manyCount = joinQuery ? n : m;
        var fewCount = joinQuery ? m : n;

        Span<char> joined = stackalloc char[2 * MaxKey];
        Span<double> sim2 = stackalloc double[(manyCount - 1) * fewCount];
        Span<double> w2 = stackalloc double[manyCount - 1];
        double best = 0;
        for (var k = 0; k + 1 < manyCount; k++)
        {
            // Neither word of the pair may be an initial.
            if (many[k].IsInitial || many[k + 1].IsInitial)
                continue;
            var length = Join(many[k].Key, many[k + 1].Key, joined);

            // The reduced side: parts before k, the joined pair, parts after k + 1.
            var wMany = joinQuery ? wq : wc;
            for (int r = 0, src = 0; r < manyCount - 1; r++, src++)
            {
                if (r == k)
                {
                    w2[r] = wMany[k] + wMany[k + 1];
                    for (var f = 0; f < fewCount; f++)
                    {
                        var other = few[f];
                        // Two words read as one must be nearly the same word, not just share a start.
                        var s = other.IsInitial ? 0 : Keys(joined[..length], other.Key, JoinedFloor, prefixes: false);
                        Put(sim2, joinQuery, r, f, manyCount - 1, fewCount, s < JoinedFloor ? 0 : Joined * s);
                    }

                    src++;
                    continue;
                }

                w2[r] = wMany[src];
                for (var f = 0; f < fewCount; f++)
                    Put(sim2, joinQuery, r, f, manyCount - 1, fewCount, joinQuery ? sim[(src * m) + f] : sim[(f * m) + src]);
            }

            var score = joinQuery
                ? Align(sim2, manyCount - 1, fewCount, w2, wc)
                : Align(sim2, fewCount, manyCount - 1, wq, w2);
            best = Math.Max(best, score);
        }

        return best;
    }

    /// <summary>Writes a similarity into the reduced matrix, whose rows are always the query's parts.</summary>
    private static void Put(Span<double> sim2, bool joinQuery, int manyIndex, int fewIndex, int manyCount, int fewCount, double value)
    {
        if (joinQuery)
            sim2[(manyIndex * fewCount) + fewIndex] = value;
        else
            sim2[(fewIndex * manyCount) + manyIndex] = value;
    }

    private static int Join(string a, string b, Span<char> buffer)
    {
        var la = Math.Min(a.Length, MaxKey);
        a.AsSpan(0, la).CopyTo(buffer);
        var skip = la > 0 && b.Length > 0 && b[0] == a[la - 1] ? 1 : 0;
        var lb = Math.Min(b.Length - skip, MaxKey);
        b.AsSpan(skip, lb).CopyTo(buffer[la..]);
        return la + lb;
    }
}
