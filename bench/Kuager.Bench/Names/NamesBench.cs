using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Search;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Spectre.Console;

namespace Kuager.Bench.Names;

/// <summary>
/// The name-search benchmark: fictional Kazakh, Uyghur and Kyrgyz people with names in many writing systems, loaded
/// into Kuager through the real import, and the same names into SQLite FTS5 (trigram tokenizer) and PostgreSQL
/// pg_trgm; the same queries (a known person's name in a spelling their record does not hold) run against all three,
/// one at a time after a warm-up. Prints one markdown table: recall@10, p50, p99, build time and memory or size.
/// </summary>
internal static class NamesBench
{
    private static readonly IAnsiConsole Progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public const string Usage =
        "names-bench [--people 1000000] [--queries 2000] [--warmup 200] [--pg CONNECTION] [--trgm-threshold 0.3] [--work DIR] [--out FILE] [--seed 42] [--skip kuager,fts5,pg] [--budget SECONDS] [--sample N] [--reuse]";

    private sealed class Options
    {
        public int People { get; set; } = 1_000_000;
        public int Queries { get; set; } = 2000;
        public int Warmup { get; set; } = 200;
        public string? Pg { get; set; }
        public double TrgmThreshold { get; set; } = 0.3;
        public string? Work { get; set; }
        public string? Out { get; set; }
        public int Seed { get; set; } = 42;

        /// <summary>Print this many people's stored names and queries, then stop (to look at the data).</summary>
        public int Sample { get; set; }

        /// <summary>Keep the Kuager and FTS5 databases of an earlier run with the same --work, people and seed (their build times are the recorded ones).</summary>
        public bool Reuse { get; set; }

        /// <summary>Time a baseline may spend on its timed queries; a slow one answers only the first queries (a random sample).</summary>
        public double Budget { get; set; } = 150;
        public HashSet<string> Skip { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What one engine answered, query by query, and what it cost.</summary>
    private sealed class EngineRun(string name)
    {
        public string Name { get; } = name;
        public double[] LatencyMs { get; set; } = [];
        public int[][] Results { get; set; } = [];
        public string Build { get; set; } = "";
        public string Memory { get; set; } = "";
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
                case "--queries": o.Queries = int.Parse(Next(), Inv); break;
                case "--warmup": o.Warmup = int.Parse(Next(), Inv); break;
                case "--pg": o.Pg = Next(); break;
                case "--trgm-threshold": o.TrgmThreshold = double.Parse(Next(), Inv); break;
                case "--work": o.Work = Next(); break;
                case "--out": o.Out = Next(); break;
                case "--seed": o.Seed = int.Parse(Next(), Inv); break;
                case "--reuse": o.Reuse = true; break;
                case "--sample": o.Sample = int.Parse(Next(), Inv); break;
                case "--budget": o.Budget = double.Parse(Next(), Inv); break;
                case "--skip": o.Skip.UnionWith(Next().Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                default: throw new ArgumentException($"unknown option {args[i]}; usage: {Usage}");
            }
        }

        var work = o.Work ?? Directory.CreateTempSubdirectory("kuager-names-bench.").FullName;
        Directory.CreateDirectory(work);
        var total = Stopwatch.StartNew();
        var loadBefore = Machine.LoadAverage();

        // 1. The people and the queries.
        var sw = Stopwatch.StartNew();
        var world = new NameWorld(o.Seed);
        PersonSpec[] people = [];
        string[][] names = [];
        Spelling[][] spellings = [];
        List<NameQuery> queries = [];
        await Progress.Progress().Columns(Columns()).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("generating people", maxValue: o.People);
            people = world.Population(o.People, o.Seed);
            names = new string[people.Length][];
            spellings = new Spelling[people.Length][];
            for (var i = 0; i < people.Length; i++)
            {
                var stored = world.StoredNames(people[i]);
                names[i] = stored.Select(n => n.Text).ToArray();
                spellings[i] = stored.Select(n => n.Spelling).ToArray();
                if (i % 10_000 == 0)
                {
                    task.Value = i;
                }
            }

            task.Value = people.Length;
            queries = world.Queries(people, o.Queries, o.Seed + 1);
            await Task.CompletedTask;
        });
        if (o.Sample > 0)
        {
            for (var i = 0; i < Math.Min(o.Sample, people.Length); i++)
            {
                Console.WriteLine($"{ExternalId(i)} {people[i].People} {(people[i].Female ? "f" : "m")} {people[i].Style}: " +
                    string.Join(" | ", names[i].Select((n, k) => $"{spellings[i][k]}: {n}")));
            }

            foreach (var q in queries.Take(o.Sample))
            {
                Console.WriteLine($"query {q.Kind,-12} {q.Spelling,-16} {q.Text}  ->  {ExternalId(q.Person)}: {string.Join(" | ", names[q.Person])}");
            }

            return 0;
        }

        var nameCount = names.Sum(n => (long)n.Length);
        var keyCounts = new Dictionary<long, int>();
        foreach (var p in people)
        {
            keyCounts[p.NameKey] = keyCounts.GetValueOrDefault(p.NameKey) + 1;
        }

        var unique = people.Count(p => keyCounts[p.NameKey] == 1);
        var generation = sw.Elapsed;
        Progress.MarkupLine(Inv, $"[grey]generated {people.Length:N0} people, {nameCount:N0} names, {queries.Count:N0} queries in {generation.TotalSeconds:F1}s[/]");

        var runs = new List<EngineRun>();
        var facts = new List<string>();

        // 2. Kuager: the real import into SQLite, then the search in a fresh process (so the index is built from the database).
        if (!o.Skip.Contains("kuager"))
        {
            runs.Add(await KuagerAsync(o, work, people, names, spellings, queries, facts));
        }

        if (!o.Skip.Contains("fts5"))
        {
            runs.Add(await Fts5Async(o, work, names, queries, facts));
        }

        if (!o.Skip.Contains("pg"))
        {
            if (o.Pg is null)
            {
                Progress.MarkupLine("[yellow]no --pg connection: pg_trgm is not run[/]");
            }
            else
            {
                runs.Add(await PgTrgmAsync(o, names, queries, facts));
            }
        }

        facts.Insert(0, $"Load average (1, 5, 15 min; other work on the machine) at the start: {loadBefore}; at the end: {Machine.LoadAverage()}");
        var report = Report(o, people, nameCount, unique, world, queries, runs, facts, generation, total.Elapsed);
        Console.WriteLine(report);
        if (o.Out is not null)
        {
            await File.WriteAllTextAsync(o.Out, report);
        }

        if (o.Work is null)
        {
            Directory.Delete(work, recursive: true);
        }
        else
        {
            // Each engine's misses, to see where recall is lost: the query, the person's stored names, what came first.
            foreach (var run in runs)
            {
                var file = Path.Combine(work, "misses-" + new string(run.Name.TakeWhile(char.IsLetterOrDigit).ToArray()).ToLowerInvariant() + ".txt");
                await File.WriteAllLinesAsync(file, Enumerable.Range(0, run.Results.Length)
                    .Where(i => !run.Results[i].Take(10).Any(r => people[r].NameKey == people[queries[i].Person].NameKey))
                    .Select(i => $"{queries[i].Kind}\t{queries[i].Spelling}\t{queries[i].Text}\t=> {string.Join(" | ", names[queries[i].Person])}\t got: "
                        + string.Join(" || ", run.Results[i].Take(3).Select(r => names[r][0]))));
            }
        }

        return 0;
    }

    private static ProgressColumn[] Columns() =>
        [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()];

    // ---- Kuager ----

    private static async Task<EngineRun> KuagerAsync(Options o, string work, PersonSpec[] people, string[][] names, Spelling[][] spellings,
        List<NameQuery> queries, List<string> facts)
    {
        var path = Path.Combine(work, "kuager.db");
        var stamp = Path.Combine(work, "kuager.stamp");
        var fingerprint = Fingerprint(o, people.Length, names);
        TimeSpan import;
        if (o.Reuse && File.Exists(stamp) && File.ReadAllLines(stamp) is [var f0, var seconds] && f0 == fingerprint)
        {
            import = TimeSpan.FromSeconds(double.Parse(seconds, Inv));
            Progress.MarkupLine(Inv, $"[grey]Kuager: reusing {path} (imported earlier in {import.TotalSeconds:F0} s)[/]");
        }
        else
        {
            import = await ImportAsync(path, people, names, spellings);
            await File.WriteAllLinesAsync(stamp, [fingerprint, import.TotalSeconds.ToString("F1", Inv)]);
        }

        var size = Directory.GetFiles(work, "kuager.db*").Sum(f => new FileInfo(f).Length);
        facts.Add(string.Create(Inv, $"Kuager import (PersonImport, one transaction, name parts written with it): {import.TotalSeconds:F0} s, {people.Length / import.TotalSeconds:N0} people/s; SQLite file {size / 1048576.0:N0} MiB"));

        // The search runs in a child process: a cold start, so the first search loads the index from the database.
        var queryFile = Path.Combine(work, "queries.txt");
        var resultFile = Path.Combine(work, "kuager-results.tsv");
        await File.WriteAllLinesAsync(queryFile, queries.Select(q => q.Text));
        var self = Environment.GetCommandLineArgs()[0];
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (self.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(self);
        }

        foreach (var a in new[] { "names-bench-kuager", path, queryFile, resultFile, o.Warmup.ToString(Inv) })
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        var summary = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the Kuager search process failed (exit {child.ExitCode}): {summary}");
        }

        var values = summary.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim());
        var run = new EngineRun("Kuager (PersonSearch, SQLite)");
        ReadResults(run, resultFile);
        run.Build = $"{values["build_s"]} s (PersonSearch.WarmUpAsync in a fresh process; import {import.TotalSeconds:F0} s)";
        run.Memory = $"index {values["index_heap_mib"]} MiB GC heap; process {values["working_set_mib"]} MiB working set, {values["peak_working_set_mib"]} MiB peak";
        facts.Add("Kuager: " + values.GetValueOrDefault("notes", ""));
        return run;
    }

    private static async Task<TimeSpan> ImportAsync(string path, PersonSpec[] people, string[][] names, Spelling[][] spellings)
    {
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
        {
            File.Delete(f);
        }

        var db = Database.From(path);
        await Migrator.MigrateAsync(db);
        var columns = ImportRow.IndexColumns(["external_id", "name", "gender", "birth_year", "ethnicity"]);
        IEnumerable<ImportRow> Rows()
        {
            for (var i = 0; i < people.Length; i++)
            {
                var p = people[i];
                var written = names[i].Select((text, k) => Spellings.Prefix(spellings[i][k]) + text).ToArray();
                yield return new ImportRow(i + 2, columns,
                    [ExternalId(i), written[0], p.Female ? "f" : "m", p.BirthYear.ToString(Inv), p.People.ToString()], written[1..]);
            }
        }

        var sw = Stopwatch.StartNew();
        ImportResult result = null!;
        await Progress.Progress().Columns(Columns()).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("Kuager: importing (PersonImport)", maxValue: people.Length);
            result = await new PersonImport(db, new ImportOptions("bench")).ImportAsync(Rows(), false, 0,
                new Progress<ImportProgress>(p => task.Value = p.Rows));
            task.Value = people.Length;
        });
        if (!result.Ok)
        {
            throw new InvalidOperationException($"import failed: {result.Errors[0]}");
        }

        return sw.Elapsed;
    }

    /// <summary>What a reused database must have been built from: the same people and names.</summary>
    private static string Fingerprint(Options o, int people, string[][] names)
    {
        var hash = 14695981039346656037UL; // FNV-1a: the same in every process, unlike HashCode
        for (var i = 0; i < names.Length; i += Math.Max(1, names.Length / 1000))
        {
            foreach (var c in string.Concat(names[i]))
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
        }

        return string.Create(Inv, $"people={people} seed={o.Seed} names={names.Sum(n => (long)n.Length)} sample={hash:x16}");
    }

    private static string ExternalId(int i) => "NB-" + i.ToString("D7", Inv);

    private static void ReadResults(EngineRun run, string file)
    {
        var lines = File.ReadAllLines(file);
        run.LatencyMs = lines.Select(l => double.Parse(l.Split('\t')[0], Inv)).ToArray();
        run.Results = lines.Select(l => l.Split('\t')[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, Inv)).ToArray()).ToArray();
    }

    /// <summary>The Kuager side, in its own process: load the index (the first search), then time every query.</summary>
    public static async Task<int> KuagerChildAsync(string[] args)
    {
        var (path, queryFile, resultFile, warmup) = (args[1], args[2], args[3], int.Parse(args[4], Inv));
        var queries = await File.ReadAllLinesAsync(queryFile);
        var db = Database.From(path);
        await Migrator.MigrateAsync(db);
        var viewer = new Viewer("bench", Role.Researcher);
        var search = PersonSearch.For(db);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(true);

        var sw = Stopwatch.StartNew();
        var figures = await search.WarmUpAsync();
        var build = sw.Elapsed;
        var heapAfter = GC.GetTotalMemory(true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSet = process.WorkingSet64;

        for (var i = 0; i < Math.Min(warmup, queries.Length); i++)
        {
            await search.SearchAsync(new PersonQuery(queries[i]) { Limit = 10 }, viewer);
        }

        var lines = new string[queries.Length];
        for (var i = 0; i < queries.Length; i++)
        {
            sw.Restart();
            var found = await search.SearchAsync(new PersonQuery(queries[i]) { Limit = 10 }, viewer);
            var ms = sw.Elapsed.TotalMilliseconds;
            lines[i] = ms.ToString("F3", Inv) + "\t" + string.Join(',', found.Select(m => int.Parse(m.ExternalId.AsSpan(3), Inv)));
        }

        await File.WriteAllLinesAsync(resultFile, lines);
        process.Refresh();
        Console.WriteLine(string.Create(Inv, $"build_s={build.TotalSeconds:F1}"));
        Console.WriteLine(string.Create(Inv, $"notes=index of {figures.People:N0} people, {figures.Names:N0} names, {figures.Vocabulary:N0} distinct name parts, loaded from name_parts in {figures.LoadTime.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(Inv, $"index_heap_mib={(heapAfter - heapBefore) / 1048576.0:N0}"));
        Console.WriteLine(string.Create(Inv, $"working_set_mib={workingSet / 1048576.0:N0}"));
        Console.WriteLine(string.Create(Inv, $"peak_working_set_mib={process.PeakWorkingSet64 / 1048576.0:N0}"));
        return 0;
    }

    // ---- SQLite FTS5, trigram tokenizer ----

    private static async Task<EngineRun> Fts5Async(Options o, string work, string[][] names, List<NameQuery> queries, List<string> facts)
    {
        var path = Path.Combine(work, "fts5.db");
        var stamp = Path.Combine(work, "fts5.stamp");
        var fingerprint = Fingerprint(o, names.Length, names);
        var reuse = o.Reuse && File.Exists(stamp) && File.Exists(path) && File.ReadAllLines(stamp) is [var f0, _] && f0 == fingerprint;
        if (!reuse)
        {
            File.Delete(path);
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
        TimeSpan build;
        if (reuse)
        {
            build = TimeSpan.FromSeconds(double.Parse(File.ReadAllLines(stamp)[1], Inv));
            Progress.MarkupLine(Inv, $"[grey]FTS5: reusing {path} (built earlier in {build.TotalSeconds:F0} s)[/]");
        }
        else
        {
            build = await Fts5BuildAsync(connection, names);
            await File.WriteAllLinesAsync(stamp, [fingerprint, build.TotalSeconds.ToString("F1", Inv)]);
        }

        var version = (string)(await Scalar(connection, "SELECT sqlite_version()"))!;
        facts.Add($"SQLite {version} (FTS5: `fts5(name, person UNINDEXED, tokenize='trigram remove_diacritics 1')`; query = OR of the query's distinct trigrams, ranked by bm25)");

        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT person FROM names WHERE names MATCH $q ORDER BY rank LIMIT 200";
        var q = query.Parameters.Add("$q", SqliteType.Text);
        query.Prepare();
        async Task<int[]> Search(string text)
        {
            var grams = Trigrams(text);
            if (grams.Count == 0)
            {
                return [];
            }

            q.Value = string.Join(" OR ", grams.Select(g => "\"" + g.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            var found = new List<int>(10);
            await using var reader = await query.ExecuteReaderAsync();
            while (found.Count < 10 && await reader.ReadAsync())
            {
                var person = reader.GetInt32(0);
                if (!found.Contains(person))
                {
                    found.Add(person);
                }
            }

            return [.. found];
        }

        var run = new EngineRun("SQLite FTS5 trigram (bm25)");
        await TimeAsync(run, "FTS5", queries, o.Warmup, o.Budget, Search);
        run.Build = string.Create(Inv, $"{build.TotalSeconds:F0} s (insert + optimize)");
        run.Memory = string.Create(Inv, $"file {new FileInfo(path).Length / 1048576.0:N0} MiB");
        return run;
    }

    private static async Task<TimeSpan> Fts5BuildAsync(SqliteConnection connection, string[][] names)
    {
        await Exec(connection, "CREATE VIRTUAL TABLE names USING fts5(name, person UNINDEXED, tokenize = 'trigram remove_diacritics 1')");
        var sw = Stopwatch.StartNew();
        await Progress.Progress().Columns(Columns()).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("FTS5: inserting names", maxValue: names.Length);
            await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO names(name, person) VALUES ($n, $p)";
                var n = insert.Parameters.Add("$n", SqliteType.Text);
                var p = insert.Parameters.Add("$p", SqliteType.Integer);
                insert.Prepare();
                for (var i = 0; i < names.Length; i++)
                {
                    foreach (var name in names[i])
                    {
                        n.Value = name;
                        p.Value = i;
                        await insert.ExecuteNonQueryAsync();
                    }

                    if (i % 10_000 == 0)
                    {
                        task.Value = i;
                    }
                }

                await tx.CommitAsync();
            }

            task.Value = names.Length;
            var optimize = ctx.AddTask("FTS5: optimize (merge segments)", maxValue: 1);
            optimize.IsIndeterminate = true;
            await Exec(connection, "INSERT INTO names(names) VALUES ('optimize')");
            optimize.Value = 1;
        });
        return sw.Elapsed;
    }

    private static List<string> Trigrams(string text)
    {
        var lower = text.ToLowerInvariant();
        var grams = new List<string>();
        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(lower);
        for (var i = 0; i + 2 < elements.Length; i++)
        {
            var end = i + 3 < elements.Length ? elements[i + 3] : lower.Length;
            var gram = lower[elements[i]..end];
            if (!grams.Contains(gram))
            {
                grams.Add(gram);
            }
        }

        return grams;
    }

    // ---- PostgreSQL pg_trgm ----

    private static async Task<EngineRun> PgTrgmAsync(Options o, string[][] names, List<NameQuery> queries, List<string> facts)
    {
        await using var connection = new NpgsqlConnection(o.Pg);
        await connection.OpenAsync();
        await Exec(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm; DROP TABLE IF EXISTS names_bench; CREATE TABLE names_bench (person integer NOT NULL, name text NOT NULL)");
        var sw = Stopwatch.StartNew();
        await Progress.Progress().Columns(Columns()).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("pg_trgm: COPY names", maxValue: names.Length);
            await using (var copy = await connection.BeginBinaryImportAsync("COPY names_bench (person, name) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < names.Length; i++)
                {
                    foreach (var name in names[i])
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(i, NpgsqlDbType.Integer);
                        await copy.WriteAsync(name, NpgsqlDbType.Text);
                    }

                    if (i % 10_000 == 0)
                    {
                        task.Value = i;
                    }
                }

                await copy.CompleteAsync();
            }

            task.Value = names.Length;
            var index = ctx.AddTask("pg_trgm: CREATE INDEX gin_trgm_ops", maxValue: 1);
            index.IsIndeterminate = true;
            await Exec(connection, "SET maintenance_work_mem = '1GB'; CREATE INDEX names_bench_trgm ON names_bench USING gin (name gin_trgm_ops); ANALYZE names_bench");
            index.Value = 1;
        });
        var build = sw.Elapsed;
        var version = (string)(await Scalar(connection, "SHOW server_version"))!;
        var tableSize = Convert.ToInt64(await Scalar(connection, "SELECT pg_relation_size('names_bench')"), Inv);
        var indexSize = Convert.ToInt64(await Scalar(connection, "SELECT pg_relation_size('names_bench_trgm')"), Inv);
        var sharedBuffers = (string)(await Scalar(connection, "SHOW shared_buffers"))!;
        await Exec(connection, string.Create(Inv, $"SET pg_trgm.similarity_threshold = {o.TrgmThreshold}"));
        facts.Add(string.Create(Inv, $"PostgreSQL {version} (pg_trgm GIN gin_trgm_ops; `WHERE name % $1 ORDER BY similarity(name, $1) DESC`, pg_trgm.similarity_threshold = {o.TrgmThreshold}; shared_buffers {sharedBuffers}, fsync off)"));

        await using var query = new NpgsqlCommand("SELECT person FROM names_bench WHERE name % $1 ORDER BY similarity(name, $1) DESC LIMIT 200", connection);
        var q = query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
        await query.PrepareAsync();
        async Task<int[]> Search(string text)
        {
            q.Value = text;
            var found = new List<int>(10);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var person = reader.GetInt32(0);
                if (found.Count < 10 && !found.Contains(person))
                {
                    found.Add(person);
                }
            }

            return [.. found];
        }

        var run = new EngineRun("PostgreSQL pg_trgm (similarity)");
        await TimeAsync(run, "pg_trgm", queries, o.Warmup, o.Budget, Search);
        run.Build = string.Create(Inv, $"{build.TotalSeconds:F0} s (COPY + GIN index + ANALYZE)");
        run.Memory = string.Create(Inv, $"table {tableSize / 1048576.0:N0} MiB + index {indexSize / 1048576.0:N0} MiB");
        return run;
    }

    // ---- timing and the report ----

    private static async Task TimeAsync(EngineRun run, string label, List<NameQuery> queries, int warmup, double budget,
        Func<string, Task<int[]>> search)
    {
        await Progress.Progress().Columns(Columns()).StartAsync(async ctx =>
        {
            // Warm-up fills the caches; half a minute is enough for that even when each query is slow.
            var warm = ctx.AddTask($"{label}: warm-up", maxValue: Math.Min(warmup, queries.Count));
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < warm.MaxValue && clock.Elapsed.TotalSeconds < 30; i++)
            {
                await search(queries[i].Text);
                warm.Increment(1);
            }

            warm.Value = warm.MaxValue;
            var task = ctx.AddTask($"{label}: queries", maxValue: queries.Count);
            var latency = new List<double>(queries.Count);
            var results = new List<int[]>(queries.Count);
            var sw = new Stopwatch();
            clock.Restart();
            for (var i = 0; i < queries.Count && clock.Elapsed.TotalSeconds < budget; i++)
            {
                sw.Restart();
                results.Add(await search(queries[i].Text));
                latency.Add(sw.Elapsed.TotalMilliseconds);
                task.Increment(1);
            }

            task.Value = queries.Count;
            run.LatencyMs = [.. latency];
            run.Results = [.. results];
        });
    }

    private static async Task Exec(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    /// <summary>Recall@k: a hit when one of the first k people is the target or a namesake (same name in every system).</summary>
    private static double Recall(EngineRun run, PersonSpec[] people, List<NameQuery> queries, int k, Func<NameQuery, bool>? where = null) =>
        RecallOf(run, people, queries, k, where).Recall;

    /// <summary>A table cell: the recall, and how many queries it is over when the engine did not answer them all.</summary>
    private static string Cell(EngineRun run, PersonSpec[] people, List<NameQuery> queries, Func<NameQuery, bool> where)
    {
        var (recall, n) = RecallOf(run, people, queries, 10, where);
        var all = queries.Count(where);
        return n == 0 ? "–" : recall.ToString("P1", Inv) + (n < all ? string.Create(Inv, $" (of {n})") : "");
    }

    private static (double Recall, int Queries) RecallOf(EngineRun run, PersonSpec[] people, List<NameQuery> queries, int k, Func<NameQuery, bool>? where)
    {
        int hits = 0, n = 0;
        for (var i = 0; i < Math.Min(queries.Count, run.Results.Length); i++)
        {
            if (where is not null && !where(queries[i]))
            {
                continue;
            }

            n++;
            var key = people[queries[i].Person].NameKey;
            if (run.Results[i].Take(k).Any(r => r >= 0 && r < people.Length && people[r].NameKey == key))
            {
                hits++;
            }
        }

        return (n == 0 ? double.NaN : (double)hits / n, n);
    }

    private static string Report(Options o, PersonSpec[] people, long nameCount, int unique, NameWorld world, List<NameQuery> queries,
        List<EngineRun> runs, List<string> facts, TimeSpan generation, TimeSpan total)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"## Name search: {people.Length:N0} people, {nameCount:N0} names, {queries.Count:N0} queries");
        sb.AppendLine();
        sb.AppendLine("| engine | queries | recall@10 | recall@1 | p50 ms | p99 ms | mean ms | build | memory / size |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var r in runs)
        {
            sb.AppendLine(Inv, $"| {r.Name} | {r.Results.Length:N0} | {Recall(r, people, queries, 10):P1} | {Recall(r, people, queries, 1):P1} | {Percentile(r.LatencyMs, 50):F2} | {Percentile(r.LatencyMs, 99):F2} | {r.LatencyMs.DefaultIfEmpty().Average():F2} | {r.Build} | {r.Memory} |");
        }

        var common = runs.Count == 0 ? 0 : runs.Min(r => r.Results.Length);
        if (runs.Any(r => r.Results.Length > common))
        {
            // A slow baseline ran out of its time budget: compare all on the queries every engine answered (the
            // queries are in random order, so the first ones are a fair sample).
            sb.AppendLine();
            sb.AppendLine(string.Create(Inv, $"On the first {common:N0} queries, which every engine answered (--budget {o.Budget:F0} s per baseline): ")
                + string.Join("; ", runs.Select(r => string.Create(Inv, $"{r.Name} recall@10 {Recall(r, people, queries, 10, q => queries.IndexOf(q) < common):P1}"))) + ".");
        }

        sb.AppendLine();
        sb.AppendLine("Targets for Kuager: p50 <= 5 ms, p99 <= 25 ms, index build <= 60 s. Latency: one query at a time, end to end, after "
            + $"{o.Warmup} warm-up queries; recall@k counts a hit when the person (or a namesake: the same name in every system) is among the first k people.");
        sb.AppendLine();
        sb.AppendLine("### Recall@10 by the query's spelling");
        sb.AppendLine();
        sb.AppendLine("| query spelling | queries | " + string.Join(" | ", runs.Select(r => r.Name)) + " |");
        sb.AppendLine("| --- | ---: |" + string.Concat(runs.Select(_ => " ---: |")));
        foreach (var s in queries.Select(q => q.Spelling).Distinct().Order())
        {
            sb.AppendLine(string.Create(Inv, $"| {s} | {queries.Count(q => q.Spelling == s)} | ") + string.Join(" | ", runs.Select(r => Cell(r, people, queries, q => q.Spelling == s))) + " |");
        }

        sb.AppendLine();
        sb.AppendLine("### Recall@10 by the kind of query");
        sb.AppendLine();
        sb.AppendLine("| kind | queries | " + string.Join(" | ", runs.Select(r => r.Name)) + " |");
        sb.AppendLine("| --- | ---: |" + string.Concat(runs.Select(_ => " ---: |")));
        foreach (var kind in queries.Select(q => q.Kind).Distinct().Order(StringComparer.Ordinal))
        {
            sb.AppendLine(string.Create(Inv, $"| {kind} | {queries.Count(q => q.Kind == kind)} | ") + string.Join(" | ", runs.Select(r => Cell(r, people, queries, q => q.Kind == kind))) + " |");
        }

        sb.AppendLine();
        sb.AppendLine("### Machine and data");
        sb.AppendLine();
        sb.AppendLine(Inv, $"- {Machine.CpuModel()}, {Environment.ProcessorCount} cores (shared), {Machine.MemTotalGiB():F0} GiB RAM; {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}");
        foreach (var f in facts)
        {
            sb.AppendLine("- " + f);
        }

        sb.Append(Inv, $"- Data: seed {o.Seed}; {people.Count(p => p.People == People.Kazakh):N0} Kazakh, {people.Count(p => p.People == People.Uyghur):N0} Uyghur, {people.Count(p => p.People == People.Kyrgyz):N0} Kyrgyz people; ");
        sb.Append(Inv, $"{(double)nameCount / people.Length:F2} names per person; vocabulary {world.VocabularySize:N0} name parts ({Lexicon.Count} hand-written, the rest composed from syllables), Zipf-like frequencies; ");
        sb.AppendLine(Inv, $"{(double)unique / people.Length:P1} of people have a full name nobody else has. Generated in {generation.TotalSeconds:F0} s; whole run {total.TotalMinutes:F1} min.");
        sb.AppendLine("- Queries: " + string.Join(", ", queries.GroupBy(q => q.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")) +
            "; each in a spelling the person's record does not hold, its text unlike every stored name.");
        sb.AppendLine("- Examples: " + string.Join("; ", queries.Take(8).Select(q => $"`{q.Text}` ({q.Spelling}, {q.Kind})")));
        return sb.ToString();
    }
}
