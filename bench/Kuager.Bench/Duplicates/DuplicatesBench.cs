using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests.Duplicates.Synthetic;

namespace Kuager.Bench.Duplicates;

/// <summary>
/// The duplicate-detection benchmark: a synthetic registry (the generator of the quality tests: families, places,
/// sources, about 10% of people entered twice in other spellings) written into SQLite through the storage layer, then
/// in a fresh process <see cref="DuplicateService.FindAllAsync"/> over all of it, timed, with the process's peak memory;
/// the pairs it found graded against the generator's truth (pairwise precision, recall, F1).
/// </summary>
internal static class DuplicatesBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public const string Usage =
        "duplicates-bench [--people 1000000] [--share 0.1] [--seed 42] [--work DIR] [--reuse] [--threshold T] [--sample N] [--examples N] [--out FILE]";

    private sealed class Options
    {
        public int People { get; set; } = 1_000_000;
        public double Share { get; set; } = 0.1;
        public int Seed { get; set; } = 42;
        public string? Work { get; set; }
        public bool Reuse { get; set; }
        public double? Threshold { get; set; }
        public int Sample { get; set; }
        public int Examples { get; set; } = 8;
        public string? Out { get; set; }

        /// <summary>
        /// People here are rows of the registry (records); the generator counts distinct real people, of whom about
        /// 1.1 × share have one or two more records.
        /// </summary>
        public SyntheticOptions Generator => new() { People = (int)Math.Round(People / (1 + (1.1 * Share))), DuplicateShare = Share, Seed = Seed };
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options();
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--people": o.People = int.Parse(Next(), Inv); break;
                case "--share": o.Share = double.Parse(Next(), Inv); break;
                case "--seed": o.Seed = int.Parse(Next(), Inv); break;
                case "--work": o.Work = Next(); break;
                case "--reuse": o.Reuse = true; break;
                case "--threshold": o.Threshold = double.Parse(Next(), Inv); break;
                case "--sample": o.Sample = int.Parse(Next(), Inv); break;
                case "--examples": o.Examples = int.Parse(Next(), Inv); break;
                case "--out": o.Out = Next(); break;
                default: throw new ArgumentException($"unknown option {args[i]}; usage: {Usage}");
            }
        }

        var total = Stopwatch.StartNew();
        var loadBefore = Machine.LoadAverage();
        var clock = Stopwatch.StartNew();
        var registry = SyntheticRegistry.Generate(o.Generator);
        var generation = clock.Elapsed;
        Console.Error.WriteLine(string.Create(Inv, $"generated {registry.Records.Count:N0} records of {registry.People.Count(p => p.Recorded):N0} people in {generation.TotalSeconds:F1} s"));
        if (o.Sample > 0)
        {
            PrintSample(registry, o.Sample);
            return 0;
        }

        var work = o.Work ?? Directory.CreateTempSubdirectory("kuager-duplicates-bench.").FullName;
        Directory.CreateDirectory(work);
        var path = Path.Combine(work, "kuager.db");
        var stamp = Path.Combine(work, "kuager.stamp");
        var fingerprint = Fingerprint(o, registry);
        string written;
        if (o.Reuse && File.Exists(stamp) && File.Exists(path) && File.ReadAllLines(stamp) is [var f0, var w] && f0 == fingerprint)
        {
            written = w;
            Console.Error.WriteLine($"reusing {path} ({written})");
        }
        else
        {
            foreach (var f in Directory.GetFiles(work, "kuager.*"))
            {
                File.Delete(f);
            }

            var db = Database.From(path);
            await Migrator.MigrateAsync(db);
            clock.Restart();
            var lastShown = Stopwatch.StartNew();
            var (_, times) = await SyntheticRegistryWriter.WriteAsync(db, registry, new Progress<string>(p =>
            {
                if (lastShown.Elapsed.TotalSeconds >= 5)
                {
                    Console.Error.WriteLine(string.Create(Inv, $"  {clock.Elapsed.TotalSeconds,6:F0} s  {p}"));
                    lastShown.Restart();
                }
            }));
            written = string.Create(Inv,
                $"written in {clock.Elapsed.TotalSeconds:F0} s: people (PersonImport) {times.People.TotalSeconds:F0} s, sources {times.Sources.TotalSeconds:F0} s, relationships {times.Relationships.TotalSeconds:F0} s, citations {times.Citations.TotalSeconds:F0} s (Session)");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await File.WriteAllLinesAsync(stamp, [fingerprint, written]);
            Console.Error.WriteLine(written);
        }

        // The search for pairs runs in a fresh process: nothing cached, and its peak memory is its own.
        var pairsFile = Path.Combine(work, "pairs.tsv");
        var values = await ChildAsync(path, pairsFile, o.Threshold);
        var threshold = o.Threshold ?? DuplicateScorer.DefaultThreshold;
        var pairs = File.ReadLines(pairsFile).Select(l => l.Split('\t')).Select(f => (f[0], f[1], double.Parse(f[2], Inv))).ToList();
        var quality = new PairQuality(registry, pairs);

        // Where recall is lost: a sample of the true pairs never proposed, compared directly. Those that score above the
        // threshold were lost by the blocking, the others by the scorer.
        var neverProposed = quality.FalseNegatives(threshold).Where(m => m.Score is null).ToList();
        // Each comparison reads the name frequencies it needs from the database: a sample, within a minute.
        var sampled = neverProposed.Take(500).ToList();
        var lostByBlocking = 0;
        var compared = 0;
        var budget = Stopwatch.StartNew();
        if (sampled.Count > 0)
        {
            var db = Database.From(path);
            var idOf = new Dictionary<string, long>(StringComparer.Ordinal);
            await using (var connection = await db.OpenAsync())
            {
                foreach (var (id, externalId) in await Dapper.SqlMapper.QueryAsync<(long, string)>(connection, "SELECT id, external_id FROM persons"))
                {
                    idOf[externalId] = id;
                }
            }

            var service = DuplicateService.For(db);
            foreach (var (a, b, _, _) in sampled.TakeWhile(_ => budget.Elapsed.TotalSeconds < 60))
            {
                compared++;
                if (await service.CompareAsync(idOf[registry.Records[a].ExternalId], idOf[registry.Records[b].ExternalId]) is { } pair
                    && pair.Score.Score >= threshold)
                {
                    lostByBlocking++;
                }
            }
        }

        var sb = new StringBuilder();
        var size = Directory.GetFiles(work, "kuager.db*").Sum(f => new FileInfo(f).Length);
        sb.AppendLine(Inv, $"## Duplicates: {registry.Records.Count:N0} people to candidate pairs");
        sb.AppendLine();
        sb.AppendLine("| figure | value | target |");
        sb.AppendLine("| --- | ---: | ---: |");
        sb.AppendLine(Inv, $"| FindAllAsync wall time | {values["seconds"]} s | <= 60 s |");
        sb.AppendLine(Inv, $"| peak working set (whole process) | {values["peak_working_set_mib"]} MiB | <= 2048 MiB |");
        sb.AppendLine(Inv, $"| candidate pairs at >= {threshold:0.00} | {pairs.Count:N0} | |");
        var atDefault = quality.At(DuplicateScorer.DefaultThreshold);
        if (threshold <= DuplicateScorer.DefaultThreshold)
        {
            sb.AppendLine(Inv, $"| precision / recall / F1 at the default {DuplicateScorer.DefaultThreshold:0.00} | {atDefault.Precision:0.0000} / {atDefault.Recall:0.0000} / {atDefault.F1:0.0000} | F1 >= 0.95 (tests) |");
        }

        sb.AppendLine();
        sb.AppendLine(Inv, $"- Misses at >= {threshold:0.00}: {quality.FalseNegatives(threshold).Count():N0} true pairs, {neverProposed.Count:N0} of them never proposed; of {compared:N0} of those compared directly, {lostByBlocking:N0} score >= {threshold:0.00} (lost by the blocking, not the scorer)");
        var (namesakes, undecided, supported) = registry.Namesakes();
        sb.AppendLine(Inv, $"- Namesakes in the data: {namesakes:N0} pairs of records of different people with the same name; {undecided:N0} of them with no gender, birth year, ethnicity or hometown against them, {supported:N0} of those with a birth year or hometown that agrees (no field tells those apart from a duplicate; only relatives and sources can)");
        sb.AppendLine(Inv, $"- GC: {values["gc"]}");
        sb.AppendLine(Inv, $"- Stages of FindAllAsync (time, count reported): {values["stages"]}");
        sb.AppendLine(Inv, $"- Largest working set seen in each stage (sampled every 0.2 s): {values["stage_memory"]}");
        sb.AppendLine(Inv, $"- Machine: {Machine.CpuModel()}, {Environment.ProcessorCount} cores (shared), {Machine.MemTotalGiB():F0} GiB RAM; {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; server GC {values["server_gc"]}, background GC {values["concurrent_gc"]}");
        sb.AppendLine(Inv, $"- Load average (1, 5, 15 min) at the start: {loadBefore}; at the end: {Machine.LoadAverage()}");
        sb.AppendLine(Inv, $"- Data: seed {o.Seed}; {registry.Records.Count:N0} records of {registry.People.Count(p => p.Recorded):N0} people, {registry.Relationships.Count:N0} relationships, {registry.Sources.Count:N0} sources ({registry.Sources.Sum(s => s.Cited.Count):N0} citations), {registry.Places.All.Count:N0} places; {quality.TruePairs:N0} true pairs; SQLite file {size / 1048576.0:N0} MiB; generated in {generation.TotalSeconds:F0} s, {written}");
        sb.AppendLine();
        sb.Append(quality.Report($"### Quality on this data (pairs proposed at >= {threshold:0.00})", DuplicateScorer.DefaultThreshold, examples: o.Examples, floor: threshold));
        sb.AppendLine(Inv, $"(whole run {total.Elapsed.TotalMinutes:F1} min)");
        var report = sb.ToString();
        Console.WriteLine(report);
        if (o.Out is not null)
        {
            await File.WriteAllTextAsync(o.Out, report);
        }

        if (o.Work is null)
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    private static async Task<Dictionary<string, string>> ChildAsync(string path, string pairsFile, double? threshold)
    {
        var self = Environment.GetCommandLineArgs()[0];
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };

        // The collector the kuager executable runs with (Kuager.Cli.csproj: no background collections).
        start.Environment["DOTNET_gcConcurrent"] = "0";
        if (self.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(self);
        }

        foreach (var a in new[] { "duplicates-bench-find", path, pairsFile, threshold?.ToString(Inv) ?? "default" })
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        var summary = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the duplicate search process failed (exit {child.ExitCode}): {summary}");
        }

        return summary.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim());
    }

    /// <summary>The measured side, in its own process: every candidate pair of the registry, timed, and the memory it took.</summary>
    public static async Task<int> FindChildAsync(string[] args)
    {
        var (path, pairsFile, threshold) = (args[1], args[2], args[3] == "default" ? (double?)null : double.Parse(args[3], Inv));
        var db = Database.From(path);
        await Migrator.MigrateAsync(db); // a database written before a newer migration; not timed
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Each stage: when it started, and the last count it reported (for "comparing": the candidate pairs scored).
        var stages = new List<(string Stage, double Start, long Total)>();
        string[] currentStage = ["starting"];
        var stageClock = Stopwatch.StartNew();
        var progress = new SynchronousProgress(p =>
        {
            Volatile.Write(ref currentStage[0], p.Stage);
            if (stages.Count == 0 || stages[^1].Stage != p.Stage)
            {
                stages.Add((p.Stage, stageClock.Elapsed.TotalSeconds, p.Total));
            }
            else
            {
                stages[^1] = stages[^1] with { Total = p.Total };
            }
        });
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes();
        // The working set sampled five times a second, the largest kept per stage: where the peak is.
        var stageMemory = new Dictionary<string, long>(StringComparer.Ordinal);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                var stage = Volatile.Read(ref currentStage[0]);
                lock (stageMemory)
                {
                    stageMemory[stage] = Math.Max(stageMemory.GetValueOrDefault(stage), self.WorkingSet64);
                }

                await Task.Delay(200).ConfigureAwait(false);
            }
        });
        var clock = Stopwatch.StartNew();
        var pairs = await DuplicateService.For(db).FindAllAsync(threshold, progress);
        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var gc = string.Create(Inv,
            $"{GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2 collections; {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:N0} MiB allocated; heap after the last GC {info.HeapSizeBytes / 1048576.0:N0} MiB, committed {info.TotalCommittedBytes / 1048576.0:N0} MiB; pause time {GC.GetTotalPauseDuration().TotalSeconds:F1} s");

        await File.WriteAllLinesAsync(pairsFile, pairs.Select(p => string.Create(Inv, $"{p.A.ExternalId}\t{p.B.ExternalId}\t{p.Score.Score:R}")));
        Console.WriteLine(string.Create(Inv, $"seconds={seconds:F1}"));
        Console.WriteLine(string.Create(Inv, $"pairs={pairs.Count}"));
        Console.WriteLine(string.Create(Inv, $"peak_working_set_mib={peak / 1048576.0:N0}"));
        Console.WriteLine($"gc={gc}");
        Console.WriteLine($"server_gc={GCSettings.IsServerGC}");
        Console.WriteLine($"concurrent_gc={(Environment.GetEnvironmentVariable("DOTNET_gcConcurrent") == "0" ? false : AppContext.GetData("System.GC.Concurrent") ?? true)}");
        lock (stageMemory)
        {
            Console.WriteLine($"stage_memory={string.Join("; ", stageMemory.Select(m => string.Create(Inv, $"{m.Key} {m.Value / 1048576.0:N0} MiB")))}");
        }

        Console.WriteLine($"stages={(stages.Count == 0 ? "(none reported)" : string.Join("; ", stages.Select((st, i) =>
            string.Create(Inv, $"{st.Stage} {((i + 1 < stages.Count ? stages[i + 1].Start : seconds) - st.Start):F1} s ({st.Total:N0})"))))}");
        return 0;
    }

    /// <summary>Progress reported on the caller's thread (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<DuplicateProgress> report) : IProgress<DuplicateProgress>
    {
        public void Report(DuplicateProgress value) => report(value);
    }

    /// <summary>What a reused database must have been built from: the same generator options and records.</summary>
    private static string Fingerprint(Options o, SyntheticRegistry registry)
    {
        var hash = 14695981039346656037UL; // FNV-1a: the same in every process, unlike HashCode
        for (var i = 0; i < registry.Records.Count; i += Math.Max(1, registry.Records.Count / 2000))
        {
            foreach (var c in registry.Describe(i))
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
        }

        return string.Create(Inv, $"people={o.People} share={o.Share} seed={o.Seed} records={registry.Records.Count} relationships={registry.Relationships.Count} sample={hash:x16}");
    }

    private static void PrintSample(SyntheticRegistry registry, int clusters)
    {
        var shown = 0;
        foreach (var person in registry.People.Where(p => p.Recorded && registry.RecordsOf(p.Id).Count > 1))
        {
            if (shown++ >= clusters)
            {
                break;
            }

            var records = registry.RecordsOf(person.Id);
            Console.WriteLine(string.Create(Inv, $"person {person.Id} ({person.Ethnic}, {person.Name.Style}, born {person.BirthYear}):"));
            foreach (var r in records)
            {
                Console.WriteLine("    " + registry.Describe(r));
            }

            Console.WriteLine("    variations: " + registry.Variations(records[0], records[1]));
        }

        var quality = new PairQuality(registry, []);
        Console.WriteLine("hard negatives (pairs of records): " + string.Join(", ", quality.HardNegativesInRegistry().Select(x => $"{x.Kind} {x.Pairs:N0}")));
        var (namesakes, undecided, supported) = registry.Namesakes();
        Console.WriteLine(string.Create(Inv, $"pairs of records of namesakes: {namesakes:N0}; with no field against them: {undecided:N0}, of which {supported:N0} with a birth year or hometown that agrees"));
        var variations = registry.TruePairs().Select(p => registry.Variations(p.A, p.B)).ToList();
        Console.WriteLine(string.Create(Inv, $"true pairs {variations.Count:N0}: ") + string.Join(", ", Enum.GetValues<Variation>().Where(v => v != Variation.None)
            .Select(v => string.Create(Inv, $"{v} {variations.Count(x => x.HasFlag(v)):N0}"))));
    }
}
