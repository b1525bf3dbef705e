using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kuager.Storage;

// A small harness (not BenchmarkDotNet: one import of a million rows is its own repetition) that prints
// throughput and peak memory per provider. Usage:
//   dotnet run -c Release --project bench/Kuager.Bench -- import ROWS DB [DB ...]
//   DB: a SQLite path or a PostgreSQL connection string.
//   names-bench --people N --queries N --pg CONNECTION   (name search against FTS5 and pg_trgm; see bench/run-names)
//   duplicates-bench --people N [--work DIR --reuse]      (every candidate duplicate pair of N people; see bench/run-duplicates)
if (args.Length > 0 && args[0] == "names-bench")
{
    return await Kuager.Bench.Names.NamesBench.RunAsync(args);
}

if (args.Length == 5 && args[0] == "names-bench-kuager")
{
    return await Kuager.Bench.Names.NamesBench.KuagerChildAsync(args);
}

if (args.Length > 0 && args[0] == "duplicates-bench")
{
    return await Kuager.Bench.Duplicates.DuplicatesBench.RunAsync(args);
}

if (args.Length > 0 && args[0] == "ingest-bench")
{
    return await Kuager.Bench.Ingestion.IngestBench.RunAsync(args);
}

if (args.Length == 4 && args[0] == "duplicates-bench-find")
{
    return await Kuager.Bench.Duplicates.DuplicatesBench.FindChildAsync(args);
}

if (args.Length == 4 && args[0] == "seed-web")
{
    // 100,000 people with events and citations, for the web speed benchmark (bench/run-web).
    var db = Database.From(args[2]);
    await Migrator.MigrateAsync(db);
    var people = int.Parse(args[1], CultureInfo.InvariantCulture);
    var events = int.Parse(args[3], CultureInfo.InvariantCulture);
    var file = Path.Combine(Path.GetTempPath(), $"kuager-bench-{people}.csv");
    if (!File.Exists(file))
    {
        SyntheticPeople.WriteCsv(file, people, seed: 42);
    }

    var imported = await new PersonImport(db, new ImportOptions("bench")).ImportFileAsync(file);
    Console.Error.WriteLine($"seeded {imported.Imported:N0} people");
    await SyntheticPeople.AddEventsAsync(db, people, events, seed: 7);
    Console.Error.WriteLine($"seeded {events:N0} events with citations");
    return 0;
}

if (args.Length < 3 || args[0] != "import")
{
    Console.Error.WriteLine("usage: Kuager.Bench import ROWS DB [DB ...] | seed-web PEOPLE DB EVENTS | " + Kuager.Bench.Names.NamesBench.Usage + " | " + Kuager.Bench.Duplicates.DuplicatesBench.Usage);
    return 2;
}

var rows = int.Parse(args[1], CultureInfo.InvariantCulture);
var csv = Path.Combine(Path.GetTempPath(), $"kuager-bench-{rows}.csv");
if (!File.Exists(csv))
{
    var sw = Stopwatch.StartNew();
    SyntheticPeople.WriteCsv(csv, rows, seed: 42);
    Console.Error.WriteLine($"generated {rows:N0} rows ({new FileInfo(csv).Length / 1048576.0:F1} MiB) in {sw.Elapsed.TotalSeconds:F1}s");
}

if (args[2] == "--cpu-only")
{
    // Where the time goes without a database: reading, checking and serialising.
    var phases = Stopwatch.StartNew();
    var (header, records) = CsvRows.Read(csv);
    var columns = ImportRow.IndexColumns(header);
    var parsed = records.Select(r => new ImportRow(r.Row, columns, r.Fields)).ToList();
    Console.WriteLine($"read   {phases.Elapsed.TotalSeconds:F2}s");
    phases.Restart();
    var errors = new List<ImportError>();
    var drafts = parsed.Select(r => PersonColumns.Parse(r, Kuager.Core.Confidentiality.Restricted, errors)!).ToList();
    Console.WriteLine($"parse  {phases.Elapsed.TotalSeconds:F2}s");
    phases.Restart();
    var allNames = drafts.SelectMany(d => d.Person.Names.Select(n => n.Text)).ToList();
    foreach (var n in allNames) { Kuager.Names.NameText.Normalize(n); }
    Console.WriteLine($"  normalize x{allNames.Count} {phases.Elapsed.TotalSeconds:F2}s");
    phases.Restart();
    foreach (var n in allNames) { Kuager.Names.ScriptDetector.Detect(n); }
    Console.WriteLine($"  detect {phases.Elapsed.TotalSeconds:F2}s");
    phases.Restart();
    foreach (var d in drafts) { d.Person.Validate(); }
    Console.WriteLine($"  validate {phases.Elapsed.TotalSeconds:F2}s");
    phases.Restart();
    foreach (var d in drafts) { d.Person.Normalized(); }
    Console.WriteLine($"  normalized {phases.Elapsed.TotalSeconds:F2}s");
    phases.Restart();
    var data = drafts.Select(d => Kuager.Core.RecordDiff.Data(d.Person)).ToList();
    Console.WriteLine($"data   {phases.Elapsed.TotalSeconds:F2}s");
    return 0;
}

foreach (var target in args.Skip(2))
{
    var db = Database.From(target);
    await Migrator.MigrateAsync(db);
    GC.Collect();
    var before = Process.GetCurrentProcess().PeakWorkingSet64;
    var watch = Stopwatch.StartNew();
    var result = await new PersonImport(db, new ImportOptions("bench")).ImportFileAsync(csv);
    watch.Stop();
    var process = Process.GetCurrentProcess();
    process.Refresh();
    if (!result.Ok)
    {
        Console.Error.WriteLine($"import failed: {result.Errors[0]}");
        return 1;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{db.Provider,-8} rows={result.Imported + result.Updated,9:N0} seconds={watch.Elapsed.TotalSeconds,7:F1} rows/s={(result.Imported + result.Updated) / watch.Elapsed.TotalSeconds,9:N0} peak_working_set_MiB={process.PeakWorkingSet64 / 1048576.0,7:F0} (before import {before / 1048576.0:F0})"));
}

return 0;

/// <summary>Fictional people shaped like real registry rows: several scripts, patronymics, place paths, statuses.</summary>
internal static class SyntheticPeople
{
    private static readonly string[] Given = ["Aigerim", "Nurlan", "Serik", "Dana", "Yerlan", "Gulnar", "Baurzhan", "Asel", "Murat", "Zhanar", "Ilham", "Mihrigul", "Abdurehim", "Gulbahar", "Rahima", "Omer", "Kairat", "Saule", "Askar", "Madina"];
    private static readonly string[] GivenCyrillic = ["Айгерім", "Нұрлан", "Серік", "Дана", "Ерлан", "Гүлнар", "Бауыржан", "Әсел", "Мұрат", "Жанар"];
    private static readonly string[] Family = ["Akhmetov", "Omarov", "Ospanov", "Sadykov", "Tursunov", "Kassymov", "Zhakupov", "Abdulla", "Nurmukhamed", "Serikbay"];
    private static readonly string[] Statuses = ["unknown", "detained", "in-camp", "imprisoned", "released", "missing"];
    private static readonly string[] Ethnicities = ["Kazakh", "Uyghur", "Kyrgyz", "Hui", ""];

    private static readonly string[] EventTypes = ["detained", "taken-to-camp", "released", "contact-lost", "sentenced", "interrogated", "administrative-arrest", "picket"];

    /// <summary>Events for random people through the record store (each a revision, statuses recomputed), and a source cited by some.</summary>
    public static async Task AddEventsAsync(Database db, int people, int events, int seed)
    {
        var random = new Random(seed);
        await using var session = await Session.BeginAsync(db, "bench");
        var source = await session.CreateAsync(new Kuager.Core.Source { Kind = Kuager.Core.SourceKind.News, Title = "Fictional benchmark report", Text = "Fictional." });
        for (var i = 0; i < events; i++)
        {
            var person = 1 + random.Next(people);
            var saved = await session.CreateAsync(new Kuager.Core.Event
            {
                Type = EventTypes[random.Next(EventTypes.Length)],
                Date = Kuager.Core.FuzzyDate.InMonth(2016 + random.Next(8), 1 + random.Next(12)),
                Participants = [new Kuager.Core.Participant(Kuager.Core.ParticipantRole.Subject, person)],
                Confidentiality = Kuager.Core.Confidentiality.Restricted,
            });
            if (i % 3 == 0)
            {
                await session.CreateAsync(new Kuager.Core.Citation
                {
                    SourceId = source.Id, TargetKind = Kuager.Core.RecordKind.Event, TargetId = saved.Id, Level = (Kuager.Core.EvidenceLevel)random.Next(5),
                });
            }
        }

        await session.CommitAsync();
    }

    public static void WriteCsv(string path, int rows, int seed)
    {
        var random = new Random(seed);
        var places = Enumerable.Range(0, 400).Select(i => $"China > Xinjiang > Prefecture {i % 14} > County {i % 97} > Village {i}").ToArray();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        writer.WriteLine("external_id,name,names,gender,birth_year,ethnicity,citizenship,hometown,status,notes,confidentiality");
        var sb = new StringBuilder(256);
        for (var i = 0; i < rows; i++)
        {
            var g = random.Next(Given.Length);
            var f = Family[random.Next(Family.Length)];
            var female = g % 2 == 1;
            var surname = female && f.EndsWith("ov", StringComparison.Ordinal) ? f + "a" : f;
            sb.Clear();
            sb.Append("BENCH-").Append(i.ToString("D7", CultureInfo.InvariantCulture)).Append(',');
            sb.Append(Given[g]).Append(' ').Append(surname).Append(',');
            sb.Append("kk-Cyrl:").Append(GivenCyrillic[g % GivenCyrillic.Length]).Append(' ').Append(surname);
            if (random.Next(3) == 0)
            {
                sb.Append('|').Append(Given[g]).Append(' ').Append(f.TrimEnd('v').TrimEnd('o')).Append(female ? "kyzy" : "uly");
            }

            sb.Append(',').Append(female ? 'f' : 'm').Append(',');
            sb.Append((1940 + random.Next(70)).ToString(CultureInfo.InvariantCulture)).Append(',');
            sb.Append(Ethnicities[random.Next(Ethnicities.Length)]).Append(',');
            sb.Append(random.Next(4) == 0 ? "PRC|Kazakhstan" : "PRC").Append(',');
            sb.Append(places[random.Next(places.Length)]).Append(',');
            sb.Append(Statuses[random.Next(Statuses.Length)]).Append(',');
            sb.Append(random.Next(5) == 0 ? "\"Reported by a relative, Almaty, \"\"2019\"\"\"" : "").Append(',');
            sb.Append("restricted");
            writer.WriteLine(sb);
        }
    }
}
