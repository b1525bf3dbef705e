using System.Collections.Concurrent;

namespace Kuager.Names;

/// <summary>One stored name of a person, as the index holds it: the parts of its key, nothing else.</summary>
/// <param name="Position">The name's place in the person's list of names (0 is the primary name).</param>
public sealed record IndexedName(int Position, IReadOnlyList<NamePart> Parts);

/// <summary>A person to index: its names and the few facts that decide who may find it and break ties.</summary>
/// <param name="Level">The record's confidentiality as a number (0 public, 1 restricted, 2 confidential).</param>
public sealed record IndexedPerson(long Id, byte Level, int? BirthYear, IReadOnlyList<IndexedName> Names);

/// <summary>A person found: the best of its names and how alike that name is to the query.</summary>
public readonly record struct NameHit(long PersonId, int Position, double Score, int? BirthYear);

/// <summary>
/// The in-memory name index: candidate retrieval by phonetic key, by patronymic root and by character trigrams of
/// the key, over the vocabulary of distinct name parts (a million people hold far fewer distinct parts than names),
/// then accumulation over the postings of the parts found, then exact scoring of the best candidates with
/// <see cref="NameSimilarity"/>, rarer parts weighing more (inverse document frequency). Pure: no I/O; the storage
/// layer loads it from the persisted name parts and keeps it current.
/// </summary>
/// <remarks>Searches run in parallel with each other; changes take a write lock.</remarks>
public sealed class NameIndex
{
    /// <summary>A query part's vocabulary candidates scoring below this are not followed.</summary>
    private const double MinPartSimilarity = 0.45;

    /// <summary>How many vocabulary entries one query part may follow (best first).</summary>
    private const int MaxVariantsPerPart = 32;

    /// <summary>A query part whose postings exceed this only re-ranks names found through rarer parts.</summary>
    private readonly int _maxPostingsToWalk;

    /// <summary>Trigrams shared by more vocabulary entries than this say little and are not walked.</summary>
    private const int MaxGramPostings = 25_000;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    // The vocabulary: one entry per distinct part (by Latin spelling).
    private readonly Dictionary<string, int> _vocabByLatin = new(StringComparer.Ordinal);
    private readonly List<NamePart> _vocab = [];
    private readonly List<Postings> _postings = [];
    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byRoot = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _byGram = [];
    private readonly Dictionary<string, List<int>> _bySkeleton = new(StringComparer.Ordinal);

    /// <summary>At most this many entries sharing a consonant skeleton are followed (common skeletons say little).</summary>
    private const int MaxSkeletonWalk = 64;

    /// <summary>At most this many entries found by shared trigrams are scored, those sharing the most first.</summary>
    private const int MaxGramCandidates = 128;

    // Names, by dense id.
    private int[] _nameVocab = new int[1024];
    private int[] _nameStart = new int[64];
    private byte[] _nameCount = new byte[64];
    private int[] _namePerson = new int[64];
    private int[] _namePosition = new int[64];
    private int _vocabRefs;
    private int _names;
    private int _deadNames;

    // Persons, by dense slot.
    private readonly Dictionary<long, int> _slotOf = [];
    private long[] _personId = new long[64];
    private byte[] _personLevel = new byte[64];
    private short[] _personBirthYear = new short[64];
    private int[][] _personNames = new int[64][];
    private int _slots;
    private readonly Stack<int> _freeSlots = new();
    private int _livePersons;
    private int _liveNames;

    private readonly ConcurrentBag<Scratch> _scratch = [];

    /// <param name="maxPostingsToWalk">
    /// A query part standing for more stored names than this (a very common given name) does not find names itself;
    /// it only adds to the scores of names found through the query's rarer parts.
    /// </param>
    public NameIndex(int maxPostingsToWalk = 150_000) => _maxPostingsToWalk = maxPostingsToWalk;

    public int PersonCount => _livePersons;

    public int NameCount => _liveNames;

    public int VocabularyCount => _vocab.Count;

    /// <summary>Adds people, or replaces what the index holds for them.</summary>
    public void Upsert(IEnumerable<IndexedPerson> persons)
    {
        ArgumentNullException.ThrowIfNull(persons);
        _lock.EnterWriteLock();
        try
        {
            foreach (var person in persons)
            {
                RemoveLocked(person.Id);
                AddLocked(person);
            }

            CompactIfNeeded();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Forgets people (deleted, merged away).</summary>
    public void Remove(IEnumerable<long> personIds)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in personIds)
            {
                RemoveLocked(id);
            }

            CompactIfNeeded();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Whether the index holds this person.</summary>
    public bool Contains(long personId)
    {
        _lock.EnterReadLock();
        try
        {
            return _slotOf.ContainsKey(personId);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The people whose names are most like the query, best first, at most <paramref name="limit"/>, among those whose
    /// level is at most <paramref name="maxLevel"/>. Scores are in 0..1.
    /// </summary>
    public IReadOnlyList<NameHit> Search(NameKey query, int limit, byte maxLevel)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (limit <= 0 || query.Parts.Count == 0)
            return [];

        _lock.EnterReadLock();
        var scratch = Rent();
        try
        {
            return SearchLocked(query, limit, maxLevel, scratch);
        }
        finally
        {
            scratch.Reset();
            _scratch.Add(scratch);
            _lock.ExitReadLock();
        }
    }

    /// <summary>How rare a part is: the inverse document frequency of its spelling, higher for rarer parts.</summary>
    public double Weight(NamePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        _lock.EnterReadLock();
        try
        {
            return WeightLocked(part);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private double WeightLocked(NamePart part)
    {
        return _vocabByLatin.TryGetValue(VocabularyKey(part), out var v) ? Idf(_postings[v].Live) : Idf(0);
    }

    private double Idf(int documentFrequency) => Math.Log(1 + ((_liveNames + 1.0) / (documentFrequency + 1.0)));

    private IReadOnlyList<NameHit> SearchLocked(NameKey query, int limit, byte maxLevel, Scratch s)
    {
        var parts = QueryParts(query);
        if (parts.Count == 0)
            return [];

        // 1. Each query part's variants in the vocabulary, best first, and the part's weight.
        var variants = new List<(int Vocab, double Similarity)>[parts.Count];
        var weights = new double[parts.Count];
        var cost = new long[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            variants[i] = Variants(parts[i], s);
            weights[i] = PartWeight(variants[i]);
            foreach (var (v, _) in variants[i])
                cost[i] += _postings[v].Count;
        }

        // A part found nowhere (a word no one here has, a garbled one) counts as much as the average part that was
        // found: as the rarest of all it would sink every candidate below the bar for lacking it.
        var foundWeights = weights.Where((_, i) => variants[i].Count > 0).ToList();
        if (foundWeights.Count > 0)
        {
            var average = foundWeights.Average();
            for (var i = 0; i < parts.Count; i++)
            {
                if (variants[i].Count == 0)
                    weights[i] = average;
            }
        }

        // 2. Accumulate over postings, cheapest part first; a part too common to walk only re-ranks what is found.
        var order = Enumerable.Range(0, parts.Count).OrderBy(i => cost[i]).ToArray();
        var boostOnly = new List<int>();
        foreach (var i in order)
        {
            if (cost[i] > _maxPostingsToWalk && s.Touched.Count > 0)
            {
                boostOnly.Add(i);
                continue;
            }

            var bit = 1u << Math.Min(i, 31);
            foreach (var (v, sim) in variants[i])
            {
                var add = (float)(weights[i] * sim);
                var postings = _postings[v];
                for (var k = 0; k < postings.Count; k++)
                {
                    var name = postings.Items[k];
                    var mask = s.Mask[name];
                    if ((mask & bit) != 0 || _namePerson[name] < 0)
                        continue;
                    if (mask == 0)
                        s.Touched.Add(name);
                    s.Mask[name] = mask | bit;
                    s.Acc[name] += add;
                }
            }
        }

        if (boostOnly.Count > 0)
            Boost(boostOnly, variants, weights, s);

        // 3. The best candidates by accumulated score (visible ones only), then exact scoring.
        var pool = Math.Max(limit * 6, 64);
        var top = new PriorityQueue<int, float>(pool + 1);
        foreach (var name in s.Touched)
        {
            var slot = _namePerson[name];
            if (_personLevel[slot] > maxLevel)
                continue;
            var acc = s.Acc[name];
            if (top.Count < pool)
                top.Enqueue(name, acc);
            else if (top.TryPeek(out _, out var least) && acc > least)
                top.EnqueueDequeue(name, acc);
        }

        var best = new Dictionary<int, (int Name, double Score)>();
        var partWeights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
            partWeights[parts[i].Latin] = weights[i];
        Func<NamePart, double> weight = p => partWeights.TryGetValue(p.Latin, out var w) ? w : WeightLocked(p);
        while (top.TryDequeue(out var name, out _))
        {
            var count = _nameCount[name];
            var start = _nameStart[name];
            var candidateParts = new NamePart[count];
            for (var k = 0; k < count; k++)
                candidateParts[k] = _vocab[_nameVocab[start + k]];
            var score = NameSimilarity.Score(query, new NameKey(string.Empty, query.Script, candidateParts), weight).Score;
            var slot = _namePerson[name];
            if (!best.TryGetValue(slot, out var known) || score > known.Score || (score == known.Score && _namePosition[name] < _namePosition[known.Name]))
                best[slot] = (name, score);
        }

        return best
            .Select(b => new NameHit(_personId[b.Key], _namePosition[b.Value.Name], Math.Clamp(b.Value.Score, 0, 1),
                _personBirthYear[b.Key] == 0 ? null : _personBirthYear[b.Key]))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.PersonId)
            .Take(limit)
            .ToList();
    }

    /// <summary>The parts to look up: initials only when there is nothing else.</summary>
    private static List<NamePart> QueryParts(NameKey query)
    {
        var parts = new List<NamePart>(query.Parts.Count);
        foreach (var p in query.Parts)
        {
            if (!p.IsInitial && parts.Count < 16)
                parts.Add(p);
        }

        if (parts.Count == 0)
            parts.AddRange(query.Parts.Take(16));
        return parts;
    }

    /// <summary>The weight of a query part: how rare the spellings it stands for are, together.</summary>
    private double PartWeight(List<(int Vocab, double Similarity)> variants)
    {
        if (variants.Count == 0)
            return Idf(0);
        var top = variants[0].Similarity;
        var df = 0;
        foreach (var (v, sim) in variants)
        {
            if (sim >= top - 0.05)
                df += _postings[v].Live;
        }

        return Idf(df);
    }

    /// <summary>The vocabulary entries a query part may stand for, with their similarity, best first.</summary>
    private List<(int Vocab, double Similarity)> Variants(NamePart part, Scratch s)
    {
        var seen = s.SeenVocab;
        seen.Clear();
        Collect(_byKey, part.Key, seen);
        Collect(_byRoot, part.Key, seen);
        if (part.Root is { } root)
        {
            Collect(_byKey, root, seen);
            Collect(_byRoot, root, seen);
        }

        if (_vocabByLatin.TryGetValue(VocabularyKey(part), out var exact))
            seen.Add(exact);

        GramCandidates(part.Key, s, seen);
        if (Skeleton(part.Key) is { } skeleton && _bySkeleton.TryGetValue(skeleton, out var sameConsonants))
        {
            for (var k = 0; k < sameConsonants.Count && k < MaxSkeletonWalk; k++)
                seen.Add(sameConsonants[k]);
        }

        if (AltKey(part) is { } alt)
        {
            Collect(_byKey, alt, seen);
            GramCandidates(alt, s, seen);
        }

        var found = new List<(int, double)>(seen.Count);
        foreach (var v in seen)
        {
            if (_postings[v].Live == 0)
                continue;
            // Words of very different lengths are not one name in two spellings ("Ali" is not "Alimjan"), except
            // where one is a patronymic or surname made from the other, which the roots already found.
            var other = _vocab[v];
            if (Math.Abs(other.Key.Length - part.Key.Length) > Math.Max(3, Math.Max(other.Key.Length, part.Key.Length) / 2)
                && other.Root != part.Key && part.Root != other.Key && other.Root is null == part.Root is null)
                continue;
            var sim = NameSimilarity.Part(part, other);
            if (sim >= MinPartSimilarity)
                found.Add((v, sim));
        }

        found.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        if (found.Count > MaxVariantsPerPart)
            found.RemoveRange(MaxVariantsPerPart, found.Count - MaxVariantsPerPart);
        return found;
    }

    private static void Collect(Dictionary<string, List<int>> map, string key, HashSet<int> into)
    {
        if (key.Length > 0 && map.TryGetValue(key, out var list))
        {
            foreach (var v in list)
                into.Add(v);
        }
    }

    /// <summary>Vocabulary entries sharing at least half of the key's selective trigrams.</summary>
    private void GramCandidates(string key, Scratch s, HashSet<int> into)
    {
        Span<int> grams = stackalloc int[Math.Min(key.Length + 2, 64)];
        var n = Grams(key, grams);
        var used = 0;
        s.GramTouched.Clear();
        if (s.GramCount.Length < _vocab.Count)
            s.GramCount = new byte[Math.Max(_vocab.Count, s.GramCount.Length * 2)];
        for (var g = 0; g < n; g++)
        {
            if (!_byGram.TryGetValue(grams[g], out var list) || list.Count > MaxGramPostings)
                continue;
            used++;
            foreach (var v in list)
            {
                if (s.GramCount[v] == 0)
                    s.GramTouched.Add(v);
                if (s.GramCount[v] < byte.MaxValue)
                    s.GramCount[v]++;
            }
        }

        var need = Math.Max(1, (used + 1) / 2);
        // Among many weak matches, keep the strongest few hundred.
        var candidates = new List<(int Vocab, int Shared)>();
        foreach (var v in s.GramTouched)
        {
            if (s.GramCount[v] >= need)
                candidates.Add((v, s.GramCount[v]));
            s.GramCount[v] = 0;
        }

        if (candidates.Count > MaxGramCandidates)
        {
            candidates.Sort((a, b) => b.Shared.CompareTo(a.Shared));
            candidates.RemoveRange(MaxGramCandidates, candidates.Count - MaxGramCandidates);
        }

        foreach (var (v, _) in candidates)
            into.Add(v);
    }

    /// <summary>The trigrams of the key padded with '^' before and '$' after, as numbers.</summary>
    private static int Grams(string key, Span<int> into)
    {
        var n = 0;
        for (var i = -1; i + 1 < key.Length + 1 && n < into.Length; i++)
        {
            var a = i < 0 ? '^' : key[i];
            var b = i + 1 < key.Length ? key[i + 1] : '$';
            var c = i + 2 < key.Length ? key[i + 2] : '$';
            if (b == '$' && i >= 0)
                break;
            into[n++] = (((a * 1031) + b) * 1031) + c;
        }

        return n;
    }

    /// <summary>Adds what common parts contribute to names already found, without walking their postings.</summary>
    private void Boost(List<int> partIndexes, List<(int Vocab, double Similarity)>[] variants, double[] weights, Scratch s)
    {
        var lookups = new Dictionary<int, double>[partIndexes.Count];
        for (var j = 0; j < partIndexes.Count; j++)
        {
            lookups[j] = [];
            foreach (var (v, sim) in variants[partIndexes[j]])
                lookups[j].TryAdd(v, sim);
        }

        foreach (var name in s.Touched)
        {
            var start = _nameStart[name];
            var count = _nameCount[name];
            for (var j = 0; j < partIndexes.Count; j++)
            {
                var best = 0.0;
                for (var k = 0; k < count; k++)
                {
                    if (lookups[j].TryGetValue(_nameVocab[start + k], out var sim) && sim > best)
                        best = sim;
                }

                s.Acc[name] += (float)(weights[partIndexes[j]] * best);
            }
        }
    }

    private Scratch Rent()
    {
        if (!_scratch.TryTake(out var s))
            s = new Scratch();
        s.Ensure(_names);
        return s;
    }

    private void AddLocked(IndexedPerson person)
    {
        // A person edited or removed gives back its slot: a long-running server does not grow with every edit.
        if (!_freeSlots.TryPop(out var slot))
        {
            slot = _slots++;
            EnsurePersonCapacity(_slots);
        }

        _slotOf[person.Id] = slot;
        _personId[slot] = person.Id;
        _personLevel[slot] = person.Level;
        _personBirthYear[slot] = person.BirthYear is int y and > 0 and < short.MaxValue ? (short)y : (short)0;
        _livePersons++;
        var names = new List<int>(person.Names.Count);
        foreach (var name in person.Names)
        {
            var partCount = Math.Min(name.Parts.Count, byte.MaxValue);
            if (partCount == 0)
                continue;
            var id = _names++;
            EnsureNameCapacity(_names, _vocabRefs + partCount);
            _nameStart[id] = _vocabRefs;
            _nameCount[id] = (byte)partCount;
            _namePerson[id] = slot;
            _namePosition[id] = name.Position;
            for (var k = 0; k < partCount; k++)
            {
                var v = VocabularyOf(name.Parts[k]);
                _nameVocab[_vocabRefs++] = v;
                if (!RepeatsEarlierPart(id, k))
                    _postings[v].Add(id);
            }

            names.Add(id);
            _liveNames++;
        }

        _personNames[slot] = names.ToArray();
    }

    private void RemoveLocked(long personId)
    {
        if (!_slotOf.Remove(personId, out var slot))
            return;
        _livePersons--;
        foreach (var name in _personNames[slot])
        {
            var start = _nameStart[name];
            for (var k = 0; k < _nameCount[name]; k++)
            {
                if (!RepeatsEarlierPart(name, k))
                    _postings[_nameVocab[start + k]].Live--;
            }
            _namePerson[name] = -1;
            _liveNames--;
            _deadNames++;
        }

        _personNames[slot] = [];
        _freeSlots.Push(slot);
    }

    /// <summary>A name holding the same part twice ("Memet Memet") is listed once in that part's postings.</summary>
    private bool RepeatsEarlierPart(int name, int k)
    {
        var start = _nameStart[name];
        for (var j = 0; j < k; j++)
        {
            if (_nameVocab[start + j] == _nameVocab[start + k])
                return true;
        }

        return false;
    }

    /// <summary>Distinct spellings are distinct vocabulary entries; a second reading makes another.</summary>
    private static string VocabularyKey(NamePart part) => part.Alt is null ? part.Latin : part.Latin + "\u0001" + part.Alt;

    /// <summary>The phonetic key of a part's second reading, if it has one.</summary>
    private static string? AltKey(NamePart part) =>
        part.Alt is { Length: > 0 } alt && NameKeys.Of(alt, Script.English).Parts is [var first, ..] && first.Key != part.Key ? first.Key : null;

    private int VocabularyOf(NamePart part)
    {
        var vocabularyKey = VocabularyKey(part);
        if (_vocabByLatin.TryGetValue(vocabularyKey, out var v))
            return v;
        v = _vocab.Count;
        _vocab.Add(part);
        _postings.Add(new Postings());
        _vocabByLatin[vocabularyKey] = v;
        AddTo(_byKey, part.Key, v);
        if (part.Root is { } root)
            AddTo(_byRoot, root, v);
        AddGrams(part.Key, v);
        if (Skeleton(part.Key) is { } skeleton)
            AddTo(_bySkeleton, skeleton, v);
        if (AltKey(part) is { } alt)
        {
            AddTo(_byKey, alt, v);
            AddGrams(alt, v);
        }

        return v;
    }

    /// <summary>
    /// The consonants of a key, in order: spellings that differ only in their vowels (Ekber / Akbar, Mukerrem /
    /// Mukarram, Enwer / Anwar) share it. Null when fewer than three consonants remain (too common to say anything).
    /// </summary>
    private static string? Skeleton(string key)
    {
        Span<char> consonants = stackalloc char[Math.Min(key.Length, 64)];
        var n = 0;
        foreach (var c in key)
        {
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' || n == consonants.Length)
                continue;
            consonants[n++] = c;
        }

        return n >= 3 ? new string(consonants[..n]) : null;
    }

    private void AddGrams(string key, int v)
    {
        Span<int> grams = stackalloc int[Math.Min(key.Length + 2, 64)];
        var n = Grams(key, grams);
        for (var g = 0; g < n; g++)
        {
            if (!_byGram.TryGetValue(grams[g], out var list))
                _byGram[grams[g]] = list = [];
            if (list.Count == 0 || list[^1] != v)
                list.Add(v);
        }
    }

    private static void AddTo(Dictionary<string, List<int>> map, string key, int v)
    {
        if (key.Length == 0)
            return;
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        list.Add(v);
    }

    /// <summary>When a fifth of the names are dead, postings are rebuilt without them.</summary>
    private void CompactIfNeeded()
    {
        if (_deadNames < 10_000 || _deadNames * 5 < _names)
            return;
        foreach (var p in _postings)
            p.RemoveWhere(name => _namePerson[name] < 0);
        _deadNames = 0;
    }

    private void EnsurePersonCapacity(int count)
    {
        if (count <= _personId.Length)
            return;
        var size = Math.Max(count, _personId.Length * 2);
        Array.Resize(ref _personId, size);
        Array.Resize(ref _personLevel, size);
        Array.Resize(ref _personBirthYear, size);
        Array.Resize(ref _personNames, size);
    }

    private void EnsureNameCapacity(int names, int refs)
    {
        if (names > _nameStart.Length)
        {
            var size = Math.Max(names, _nameStart.Length * 2);
            Array.Resize(ref _nameStart, size);
            Array.Resize(ref _nameCount, size);
            Array.Resize(ref _namePerson, size);
            Array.Resize(ref _namePosition, size);
        }

        if (refs > _nameVocab.Length)
            Array.Resize(ref _nameVocab, Math.Max(refs, _nameVocab.Length * 2));
    }

    /// <summary>A growable list of name ids; <see cref="Live"/> counts those not yet removed.</summary>
    private sealed class Postings
    {
        public int[] Items = [];
        public int Count;
        public int Live;

        public void Add(int name)
        {
            if (Count == Items.Length)
                Array.Resize(ref Items, Math.Max(4, Items.Length * 2));
            Items[Count++] = name;
            Live++;
        }

        public void RemoveWhere(Func<int, bool> dead)
        {
            var kept = 0;
            for (var i = 0; i < Count; i++)
            {
                if (!dead(Items[i]))
                    Items[kept++] = Items[i];
            }

            Count = kept;
        }
    }

    /// <summary>Per-search working memory, reused across searches.</summary>
    private sealed class Scratch
    {
        public float[] Acc = [];
        public uint[] Mask = [];
        public byte[] GramCount = [];
        public readonly List<int> Touched = [];
        public readonly List<int> GramTouched = [];
        public readonly HashSet<int> SeenVocab = [];

        public void Ensure(int names)
        {
            if (Acc.Length < names)
            {
                var size = Math.Max(names, Acc.Length * 2);
                Acc = new float[size];
                Mask = new uint[size];
            }
        }

        public void Reset()
        {
            foreach (var name in Touched)
            {
                Acc[name] = 0;
                Mask[name] = 0;
            }

            Touched.Clear();
        }
    }
}
