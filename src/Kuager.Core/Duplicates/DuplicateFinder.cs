using Kuager.Names;

namespace Kuager.Core;

/// <summary>Where a search for duplicates is: a stage ("blocking", "comparing"), and how far into it.</summary>
public readonly record struct DuplicateProgress(string Stage, long Done, long Total);

/// <summary>What a search for duplicates did: people, blocking keys, pairs compared and pairs found.</summary>
public sealed record DuplicateFigures(int People, long Keys, long Compared, int Found, int OversizeBlocks);

/// <summary>Finds the candidate pairs among many people, by blocking (far below n² comparisons) and scoring. Pure.</summary>
/// <remarks>
/// Blocking: every name gives keys made of two of its words (phonetic keys from the name library, a patronymic or
/// surname by its father's name), one word exact and the other exact or with any one letter left out, so a typo
/// in either word or a word spelled one letter longer still meets (the deletion neighbourhood of symmetric-delete
/// spelling correction); joined neighbours stand for a word written in two ("Abdu Reshit"). People sharing a key
/// are compared. A key shared by more than <see cref="MaxBlock"/> people (a common name) compares only people born
/// within a year of each other. Each pair is scored once, in parallel, the cheap evidence first.
/// </remarks>
public static class DuplicateFinder
{
    /// <summary>A block of at most this many people is compared in full.</summary>
    public const int MaxBlock = 48;

    /// <summary>A block of one word and a birth year is compared only up to this many people: the word must be rare.</summary>
    public const int MaxYearBlock = 8;

    /// <summary>A block larger than this (a very common name without a second word to tell people apart) is left out.</summary>
    public const int MaxSortedBlock = 50_000;

    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <param name="skip">Pairs (lower id first) never to propose: decided "not the same person".</param>
    public static IReadOnlyList<DuplicatePair> Find(IReadOnlyList<DuplicateProfile> people, double threshold,
        Func<long, long, bool>? skip = null, IProgress<DuplicateProgress>? progress = null, CancellationToken ct = default) =>
        Find(people, threshold, skip, progress, ct, out _);

    public static IReadOnlyList<DuplicatePair> Find(IReadOnlyList<DuplicateProfile> people, double threshold,
        Func<long, long, bool>? skip, IProgress<DuplicateProgress>? progress, CancellationToken ct, out DuplicateFigures figures)
    {
        ArgumentNullException.ThrowIfNull(people);
        var weight = Weights(people);
        progress?.Report(new DuplicateProgress("blocking", 0, people.Count));
        var (entries, length) = BlockingKeys(people, ct);
        progress?.Report(new DuplicateProgress("blocking", people.Count, people.Count));
        ct.ThrowIfCancellationRequested();

        var (pairs, oversize) = CandidatePairs(people, entries, length, ct);
        var keyCount = length;
        entries = [];

        var found = Score(people, pairs, threshold, skip, weight, progress, ct);
        figures = new DuplicateFigures(people.Count, keyCount, pairs.Count, found.Count, oversize);
        return found;
    }

    /// <summary>Rarity weights of name words over these people: the inverse document frequency of each phonetic key.</summary>
    public static Func<NamePart, double> Weights(IReadOnlyList<DuplicateProfile> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            seen.Clear();
            foreach (var name in person.Names)
            {
                foreach (var part in name.Parts)
                {
                    if (seen.Add(part.Key))
                    {
                        frequency[part.Key] = frequency.GetValueOrDefault(part.Key) + 1;
                    }
                }
            }
        }

        var total = people.Count + 1.0;
        var unseen = Math.Log(1 + total);
        double ByKey(NamePart part) => frequency.TryGetValue(part.Key, out var f) ? Math.Log(1 + (total / (f + 1.0))) : unseen;

        // The words of a load are shared objects (one per distinct word), so most are found by reference, without hashing their text.
        var byPart = new Dictionary<NamePart, double>(ReferenceEqualityComparer.Instance);
        foreach (var person in people)
        {
            foreach (var name in person.Names)
            {
                foreach (var part in name.Parts)
                {
                    byPart.TryAdd(part, ByKey(part));
                }
            }
        }

        return part => byPart.TryGetValue(part, out var w) ? w : ByKey(part);
    }

    /// <summary>
    /// Every person's blocking keys, as one sorted array of entries: the key's 32-bit hash in the high half, the
    /// person's index in the low half, so people sharing a key lie side by side. (Two keys meeting on one hash only
    /// add a comparison, never lose one.) The array is sized once from a count of the keys, each person's keys are
    /// written into their own stretch, and unused slots (a person's repeated keys) sort to the end: the length
    /// returned stops before them.
    /// </summary>
    private static (ulong[] Entries, int Length) BlockingKeys(IReadOnlyList<DuplicateProfile> people, CancellationToken ct)
    {
        var words = new System.Collections.Concurrent.ConcurrentDictionary<string, Word>(StringComparer.Ordinal);
        var chunks = Chunks(people.Count);
        var counts = new long[chunks.Length];
        Parallel.For(0, chunks.Length, new ParallelOptions { CancellationToken = ct }, c =>
        {
            var tokens = new List<Token>(8);
            long count = 0;
            for (var i = chunks[c].From; i < chunks[c].To; i++)
            {
                foreach (var name in people[i].Names)
                {
                    count += NameKeys(tokens, Tokens(name, tokens, words), null);
                    count += people[i].BirthYear is null ? 0 : 2 * tokens.Count;
                }
            }

            counts[c] = count;
        });

        var all = new ulong[counts.Sum()];
        Parallel.For(0, chunks.Length, new ParallelOptions { CancellationToken = ct }, c =>
        {
            var at = counts.Take(c).Sum();
            var end = at + counts[c];
            var own = new List<uint>(64);
            var tokens = new List<Token>(8);
            for (var i = chunks[c].From; i < chunks[c].To; i++)
            {
                own.Clear();
                foreach (var name in people[i].Names)
                {
                    NameKeys(tokens, Tokens(name, tokens, words), own);
                    if (people[i].BirthYear is { } year)
                    {
                        YearKeys(tokens, year, own);
                    }
                }

                own.Sort();
                for (var k = 0; k < own.Count; k++)
                {
                    if (k == 0 || own[k] != own[k - 1])
                    {
                        all[at++] = ((ulong)own[k] << 32) | (uint)i;
                    }
                }
            }

            for (; at < end; at++)
            {
                all[at] = Unused;
            }
        });

        ParallelSort(all, ct);
        var used = Array.IndexOf(all, Unused);
        return (all, used >= 0 ? used : all.Length);
    }

    /// <summary>No person has this index, so no real entry has this value.</summary>
    private const ulong Unused = ulong.MaxValue;

    /// <summary>
    /// Sorts in two halves at once, for the two cores: split on a bit of the key hash (equal keys land in one half,
    /// side by side, which is all that grouping needs).
    /// </summary>
    private static void ParallelSort(ulong[] all, CancellationToken ct)
    {
        long low = 0, high = all.LongLength - 1;
        while (low <= high)
        {
            if (((all[low] >> 62) & 1) == 0)
            {
                low++;
            }
            else
            {
                (all[low], all[high]) = (all[high], all[low]);
                high--;
            }
        }

        var split = (int)low;
        Parallel.Invoke(new ParallelOptions { CancellationToken = ct }, () => Array.Sort(all, 0, split), () => Array.Sort(all, split, all.Length - split));
    }

    /// <summary>A word's hashes, computed once however many names it is in: as the anchor of a key, as the other word, and the other word less each letter.</summary>
    private sealed class Word(string text)
    {
        public string Text { get; } = text;

        public ulong First { get; } = Hash(Hash(Hash(Offset, 'P'), text), '|');

        public ulong Second { get; } = Hash(Hash(Offset, 'Q'), text);

        public ulong[] Deletions { get; } = DeletionHashes(text);

        private static ulong[] DeletionHashes(string y)
        {
            if (y.Length < 4)
            {
                return [];
            }

            var result = new List<ulong>(y.Length);
            for (var d = 0; d < y.Length; d++)
            {
                if (d > 0 && y[d] == y[d - 1])
                {
                    continue; // the same word as leaving out the letter before
                }

                var h = Hash(Offset, 'Q');
                for (var c = 0; c < y.Length; c++)
                {
                    if (c != d)
                    {
                        h = Hash(h, y[c]);
                    }
                }

                result.Add(h);
            }

            return [.. result];
        }
    }

    /// <summary>
    /// One word of a name for blocking: its key, for a patronymic or surname the key of the father's name it comes
    /// from, and which written words it stands for (a bit each: a second reading stands for its word, a joined pair
    /// for both), so a word is never paired with itself.
    /// </summary>
    private readonly record struct Token(Word Key, Word? Root, int Covers, bool IsAlt = false)
    {
        /// <summary>What the word is known by when it anchors a key: the father's name for a patronymic or surname.</summary>
        public Word Anchor => Root ?? Key;
    }

    /// <summary>
    /// The words of a name that tell people apart (no initials or patronymic words) with their second readings
    /// (pinyin, x read as sh); in a name of three or more words, neighbours joined too, so "Abdu Reshit Memet"
    /// meets "Abdureshit Memet". Returns how many written words there are.
    /// </summary>
    private static int Tokens(NameKey name, List<Token> tokens, System.Collections.Concurrent.ConcurrentDictionary<string, Word> words)
    {
        tokens.Clear();
        var written = 0;
        foreach (var part in name.Parts)
        {
            if (!Usable(part) || written == 30)
            {
                continue;
            }

            var bit = 1 << written++;
            Add(WordOf(part.Key), part.Root is null ? null : WordOf(part.Root), bit);
            if (part.Alt is not null)
            {
                var alt = PhoneticKey.Fold(part.Alt);
                if (alt.Length >= 2 && alt != part.Key)
                {
                    Add(WordOf(alt), null, bit, isAlt: true);
                }
            }
        }

        if (written >= 3)
        {
            var single = tokens.Count;
            for (var i = 1; i < single; i++)
            {
                // Neighbouring written words (not second readings): joined words are nearly all different, so hashed here, not kept.
                var (a, b) = (tokens[i - 1], tokens[i]);
                if (b.Covers == a.Covers << 1 && IsFirstReading(tokens, i - 1) && IsFirstReading(tokens, i) && b.Covers < 1 << 6)
                {
                    Add(new Word(a.Key.Text + b.Key.Text), null, a.Covers | b.Covers);
                }
            }
        }

        return written;

        void Add(Word key, Word? root, int covers, bool isAlt = false)
        {
            foreach (var t in tokens)
            {
                if (t.Key.Text == key.Text)
                {
                    return;
                }
            }

            tokens.Add(new Token(key, root, covers, isAlt));
        }

        Word WordOf(string text) => words.TryGetValue(text, out var word) ? word : words.GetOrAdd(text, static t => new Word(t));
    }

    private static bool IsFirstReading(List<Token> tokens, int i) => i == 0 || tokens[i - 1].Covers != tokens[i].Covers;

    private static bool Usable(NamePart part) => !part.IsInitial && part.Key.Length >= 2 && !PhoneticKey.IsPatronymicWord(part.Key);

    /// <summary>
    /// The keys of one name, added to <paramref name="keys"/> (or only counted when it is null):
    /// for every ordered pair of words (x, y) standing for different written words, x's anchor with y, with y less
    /// any one letter (a typo in y), and with y's father's name when y is a patronymic or surname (Kunbolatuly and
    /// Kunbolatov meet on Kunbolat); second readings only as they are. A name of one written word is keyed by itself (and
    /// less any one letter); a name of two also by the two joined either way, so "Ma Qinyu" meets "马琴玉".
    /// </summary>
    private static int NameKeys(List<Token> tokens, int written, List<uint>? keys)
    {
        var count = 0;
        if (written == 1)
        {
            foreach (var t in tokens)
            {
                Emit(Mix(Single, t.Key.Second));
                foreach (var d in t.Key.Deletions)
                {
                    Emit(Mix(Single, d));
                }
            }

            return count;
        }

        if (written == 2)
        {
            foreach (var x in tokens)
            {
                foreach (var y in tokens)
                {
                    if ((x.Covers & y.Covers) == 0)
                    {
                        Emit(Mix(Single, Hash(Hash(Hash(Offset, 'Q'), x.Key.Text), y.Key.Text)));
                    }
                }
            }
        }

        foreach (var tx in tokens)
        {
            var x = tx.Anchor.First;
            foreach (var y in tokens)
            {
                if ((tx.Covers & y.Covers) != 0)
                {
                    continue;
                }

                Emit(Mix(x, y.Key.Second));
                if (y.IsAlt || tx.IsAlt)
                {
                    continue; // second readings meet as written only: with every letter left out they would double the keys
                }

                foreach (var d in y.Key.Deletions)
                {
                    Emit(Mix(x, d));
                }

                if (y.Root is not null)
                {
                    Emit(Mix(x, y.Root.Second));
                }
            }
        }

        return count;

        void Emit(ulong h)
        {
            keys?.Add(Fold(h));
            count++;
        }
    }

    /// <summary>The anchor of a name's keys when it stands as one word.</summary>
    private static readonly ulong Single = Hash(Hash(Offset, 'S'), '|');

    private static ulong Mix(ulong a, ulong b)
    {
        var h = a ^ (b * 0x9E3779B97F4A7C15UL);
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return h;
    }

    /// <summary>A name key: the top bit clear.</summary>
    private static uint Fold(ulong h) => (uint)(h >> 33);

    /// <summary>
    /// Each word with the birth year and the next: people sharing one rare word, born within a year, meet even when
    /// their other words are each spelled differently. The top bit marks these keys: a common word in one year is
    /// too many people to compare, so such a block is left out rather than searched.
    /// </summary>
    private static void YearKeys(List<Token> tokens, int year, List<uint> keys)
    {
        foreach (var t in tokens)
        {
            var h = Mix(Hash(t.Anchor.Second, '#'), (ulong)year);
            keys.Add((uint)(h >> 33) | YearKey);
            keys.Add((uint)(Mix(Hash(t.Anchor.Second, '#'), (ulong)year + 1) >> 33) | YearKey);
        }
    }

    private const uint YearKey = 0x8000_0000;

    private static ulong Hash(ulong h, char c) => (h ^ c) * Prime;

    private static ulong Hash(ulong h, string s)
    {
        foreach (var c in s)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }

    /// <summary>Pairs of people (indexes, lower first, packed in one number) who share a key, each once.</summary>
    private static (ArraySegment<long> Pairs, int Oversize) CandidatePairs(IReadOnlyList<DuplicateProfile> people, ulong[] entries, int length, CancellationToken ct)
    {
        // Runs of equal keys, split into two halves for the two cores at a run boundary.
        var bounds = new List<(int From, int To)>();
        var parts = Environment.ProcessorCount * 4;
        var start = 0;
        for (var p = 1; p <= parts; p++)
        {
            var end = p == parts ? length : (int)((long)length * p / parts);
            while (end < length && end > 0 && Key(entries[end]) == Key(entries[end - 1]))
            {
                end++;
            }

            if (end > start)
            {
                bounds.Add((start, end));
                start = end;
            }
        }

        var lists = new long[bounds.Count][];
        var oversize = 0;
        var seen = new BlockSet();
        Parallel.For(0, bounds.Count, new ParallelOptions { CancellationToken = ct }, b =>
        {
            var (from, to) = bounds[b];
            var pairs = new List<long>();
            var block = new List<int>();
            var i = from;
            while (i < to)
            {
                var j = i + 1;
                while (j < to && Key(entries[j]) == Key(entries[i]))
                {
                    j++;
                }

                var size = j - i;
                var byYear = (Key(entries[i]) & YearKey) != 0;
                if (size >= 2 && size <= MaxSortedBlock && !seen.Add(entries, i, j, byYear))
                {
                    // The same people under another key (a name's keys nearly all hold the same people): their pairs are already out.
                }
                else if (size >= 2 && size <= (byYear ? MaxYearBlock : MaxBlock))
                {
                    for (var x = i; x < j; x++)
                    {
                        for (var y = x + 1; y < j; y++)
                        {
                            pairs.Add(Pack(Member(entries[x]), Member(entries[y])));
                        }
                    }
                }
                else if (!byYear && size > MaxBlock && size <= MaxSortedBlock)
                {
                    block.Clear();
                    for (var x = i; x < j; x++)
                    {
                        if (people[Member(entries[x])].BirthYear is not null)
                        {
                            block.Add(Member(entries[x]));
                        }
                    }

                    block.Sort((u, v) => people[u].BirthYear!.Value.CompareTo(people[v].BirthYear!.Value));
                    for (var x = 0; x < block.Count; x++)
                    {
                        var year = people[block[x]].BirthYear!.Value;
                        for (var y = x + 1; y < block.Count && people[block[y]].BirthYear!.Value - year <= 1; y++)
                        {
                            pairs.Add(Pack(block[x], block[y]));
                        }
                    }
                }
                else if (size > MaxSortedBlock || (byYear && size > MaxYearBlock))
                {
                    Interlocked.Increment(ref oversize);
                }

                i = j;
            }

            pairs.Sort();
            lists[b] = [.. Unique(pairs)]; // exactly as long as it must be, the list's spare room let go
        });

        var all = new long[lists.Sum(l => (long)l.Length)];
        var at = 0;
        for (var b = 0; b < lists.Length; b++)
        {
            lists[b].CopyTo(all, at);
            at += lists[b].Length;
            lists[b] = [];
        }

        // Made unique in place (a pair meeting under keys of two halves is in both); the tail past the count is left unused.
        Array.Sort(all);
        var count = 0;
        for (var k = 0; k < all.Length; k++)
        {
            if (k == 0 || all[k] != all[k - 1])
            {
                all[count++] = all[k];
            }
        }

        return (new ArraySegment<long>(all, 0, count), oversize);
    }

    /// <summary>
    /// The blocks already turned into pairs, by a 64-bit hash of their members (in order): the people sharing one key
    /// mostly share dozens (every pair of their name's words, each less one letter), and each such set is paired once.
    /// Shared by the threads, in stripes with a lock each.
    /// </summary>
    private sealed class BlockSet
    {
        private readonly HashSet<ulong>[] _stripes = Enumerable.Range(0, 64).Select(_ => new HashSet<ulong>()).ToArray();

        /// <summary>Whether the members of entries[from..to) are new (and now remembered).</summary>
        /// <remarks>A block of year keys is told apart from one of name keys: the two are paired differently. Two sets of members
        /// on one hash (a chance of about one in a million at a million people) would lose the second set's pairs.</remarks>
        public bool Add(ulong[] entries, int from, int to, bool byYear)
        {
            var h = ((ulong)(to - from) << 1) | (byYear ? 1UL : 0);
            for (var k = from; k < to; k++)
            {
                h = Mix(h, (uint)entries[k]);
            }

            var stripe = _stripes[(int)(h & 63)];
            lock (stripe)
            {
                return stripe.Add(h);
            }
        }
    }

    private static List<long> Unique(List<long> sorted)
    {
        var count = 0;
        for (var k = 0; k < sorted.Count; k++)
        {
            if (k == 0 || sorted[k] != sorted[k - 1])
            {
                sorted[count++] = sorted[k];
            }
        }

        sorted.RemoveRange(count, sorted.Count - count);
        return sorted;
    }

    private static uint Key(ulong entry) => (uint)(entry >> 32);

    private static int Member(ulong entry) => (int)(entry & 0xFFFFFFFF);

    private static long Pack(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private static List<DuplicatePair> Score(IReadOnlyList<DuplicateProfile> people, ArraySegment<long> pairs, double threshold,
        Func<long, long, bool>? skip, Func<NamePart, double> weight, IProgress<DuplicateProgress>? progress, CancellationToken ct)
    {
        var found = new List<DuplicatePair>();
        var gate = new object();
        long done = 0;
        const int chunk = 20_000;
        var chunks = (pairs.Count + chunk - 1) / chunk;
        progress?.Report(new DuplicateProgress("comparing", 0, pairs.Count));
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = ct }, c =>
        {
            var local = new List<DuplicatePair>();
            var end = Math.Min(pairs.Count, (c + 1) * chunk);
            for (var k = c * chunk; k < end; k++)
            {
                var x = people[(int)(pairs[k] >> 32)];
                var y = people[(int)(pairs[k] & 0xFFFFFFFF)];
                var (a, b) = x.Id <= y.Id ? (x, y) : (y, x);
                if (a.Id == b.Id || (skip is not null && skip(a.Id, b.Id)))
                {
                    continue;
                }

                if (DuplicateScorer.ScoreAtLeast(a, b, threshold, weight) is { } score)
                {
                    local.Add(new DuplicatePair(a, b, score));
                }
            }

            lock (gate)
            {
                found.AddRange(local);
            }

            var now = Interlocked.Add(ref done, end - (c * chunk));
            progress?.Report(new DuplicateProgress("comparing", now, pairs.Count));
        });

        found.Sort((p, q) => q.Score.Score.CompareTo(p.Score.Score) is var byScore && byScore != 0
            ? byScore
            : p.A.Id.CompareTo(q.A.Id) is var byA && byA != 0 ? byA : p.B.Id.CompareTo(q.B.Id));
        return found;
    }

    private static (int From, int To)[] Chunks(int count)
    {
        var size = Math.Max(1, Math.Min(50_000, (count / (Environment.ProcessorCount * 4)) + 1));
        var chunks = new List<(int, int)>();
        for (var from = 0; from < count; from += size)
        {
            chunks.Add((from, Math.Min(count, from + size)));
        }

        return [.. chunks];
    }
}
