using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kuager.Ingestion;
using Kuager.Storage;
using Kuager.Storage.Ingestion;

namespace Kuager.Bench.Ingestion;

/// <summary>
/// Ingestion throughput: ARTICLES synthetic news articles (English, Russian and Kazakh, built from name, place and event
/// lexicons; a tenth of them near-copies of earlier ones), first through the pure pipeline on one thread (reading,
/// cleaning, extraction, fingerprints), then through `SourceIngestion` into a fresh SQLite file (sources, fingerprints,
/// proposals, matching against an empty registry). Prints articles per second for each.
/// </summary>
public static class IngestBench
{
    public const string Usage = "ingest-bench --articles N [--work DIR]";

    private static readonly string[] Given = ["Yerlan", "Gulzhan", "Askar", "Aigul", "Nurlan", "Dana", "Bolat", "Meirambek", "Zhanar", "Serik", "Aliya", "Kairat", "Erzhan", "Baurzhan", "Saule"];
    private static readonly string[] Family = ["Kabdolov", "Serikbaikyzy", "Tolegenuly", "Sarsenbayev", "Mukhtarova", "Zhumabaiuly", "Omarova", "Nurgaliev", "Beketov", "Kurmanbek", "Tursunov", "Seitkazy"];
    private static readonly string[] GivenRu = ["Ерлан", "Гульжан", "Аскар", "Айгуль", "Нурлан", "Дана", "Болат", "Жанар", "Серик", "Кайрат"];
    private static readonly string[] FamilyRu = ["Кабдолов", "Сапарова", "Нургалиев", "Омарова", "Мухтарулы", "Байжанова", "Бекетов", "Турсунов"];
    // Background sentences, combined at random into the paragraphs that make an article as long as a real one (about 3,000 characters).
    private static readonly string[] Background =
    [
        "The U.S. State Department has said that as many as two million Uyghurs, Kazakhs and members of other groups have been held in camps.",
        "China denies that the facilities are internment camps and calls them vocational training centres.",
        "People who fled the region say that thousands are undergoing political indoctrination in a network of facilities.",
        "Kazakhs are the second-largest Turkic-speaking community in the region after Uyghurs.",
        "Many similar protests have taken place in recent years, with demonstrators asking the authorities to intervene.",
        "The authorities have said that such gatherings need permission from the city administration.",
        "Rights groups say that activists who speak about relatives in China face fines and short jail terms.",
        "Several families said they had not been able to reach their relatives by telephone for more than two years.",
        "A spokesman for the Ministry of Foreign Affairs said the government was discussing the matter with its neighbour.",
        "The case has drawn attention from the United Nations and from journalists in several countries.",
        "Relatives brought photographs and documents showing where their family members had lived and worked.",
        "Observers said the hearing lasted less than an hour and that the defendant was not allowed to call witnesses.",
    ];

    private static readonly string[] Places = ["Almaty", "Zharkent", "Ghulja", "Urumqi", "Kashgar", "Tacheng", "Shymkent", "Taldykorgan", "Nur-Sultan"];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = 1000;
        string? work = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--articles" when i + 1 < args.Length:
                    count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--work" when i + 1 < args.Length:
                    work = args[++i];
                    break;
                default:
                    Console.Error.WriteLine("usage: Kuager.Bench " + Usage);
                    return 2;
            }
        }

        var pages = Generate(count, new Random(11));
        var chars = pages.Sum(p => (long)p.Content.Length);

        // Warm up the regexes and the gazetteers, then time the pure pipeline on one thread.
        foreach (var page in pages.Take(50))
            Pipeline(page);
        var watch = Stopwatch.StartNew();
        var found = 0;
        foreach (var page in pages)
            found += Pipeline(page);
        var pure = watch.Elapsed;

        work ??= Directory.CreateTempSubdirectory("kuager-ingest-bench-").FullName;
        Directory.CreateDirectory(work);
        var path = Path.Combine(work, "ingest.db");
        foreach (var f in Directory.EnumerateFiles(work, "ingest.db*"))
            File.Delete(f);
        var db = Database.From(path);
        db.KeyFile = Path.Combine(work, "kuager.key");
        await Migrator.MigrateAsync(db);
        watch.Restart();
        var stored = await new SourceIngestion(db).IngestAsync(pages, SourceHints.None, "bench");
        var full = watch.Elapsed;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles: {count:N0} ({chars / count:N0} characters each on average), {found:N0} proposals"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pure pipeline, one thread: {pure.TotalSeconds:0.00} s, {count / pure.TotalSeconds:N0} articles/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest into SQLite (one transaction): {full.TotalSeconds:0.00} s, {count / full.TotalSeconds:N0} articles/s, {stored.Count(s => s.DuplicateOf is not null):N0} near-copies linked"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MB"));
        return 0;
    }

    private static int Pipeline(IngestPage page)
    {
        var n = 0;
        foreach (var article in PageReader.Read(page.Content, page.Format))
        {
            var x = Extractor.Extract(article);
            _ = Fingerprint.Of(article.Text);
            foreach (var p in article.Paragraphs)
                _ = Fingerprint.Of(p);
            n += x.Persons.Count + x.Places.Count + x.Organizations.Count + x.Dates.Count + x.Events.Count;
        }

        return n;
    }

    private static List<IngestPage> Generate(int count, Random random)
    {
        var pages = new List<IngestPage>(count);
        for (var i = 0; i < count; i++)
        {
            if (i > 10 && random.Next(10) == 0)
            {
                // A near-copy: another outlet's version of an earlier article.
                var earlier = pages[random.Next(pages.Count)];
                pages.Add(earlier with { Name = $"copy-{i}.txt", Content = earlier.Content + "\n\nThis post was originally published elsewhere.\n" });
                continue;
            }

            string Pick(string[] items) => items[random.Next(items.Length)];
            var text = new StringBuilder();
            void Background(int paragraphs)
            {
                for (var p = 0; p < paragraphs; p++)
                {
                    text.AppendJoin(' ', Enumerable.Range(0, 3 + random.Next(3)).Select(_ => Pick(IngestBench.Background)));
                    text.Append("\n\n");
                }
            }

            switch (random.Next(3))
            {
                case 0:
                {
                    var (a, b, c) = ($"{Pick(Given)} {Pick(Family)}", $"{Pick(Given)} {Pick(Family)}", Pick(Places));
                    var surname = a.Split(' ')[1];
                    text.Append(CultureInfo.InvariantCulture, $"Report {i}: picket in {c}\n\n");
                    text.Append(CultureInfo.InvariantCulture, $"{c.ToUpperInvariant()} — Relatives of people held in Xinjiang picketed the Chinese Consulate in Almaty on February {1 + random.Next(27)}, demanding news of their families.\n\n");
                    text.Append(CultureInfo.InvariantCulture, $"Police detained activist {a} near the consulate. A court later sentenced {surname} to {5 + random.Next(11)} days of administrative arrest for violating the law on peaceful assemblies.\n\n");
                    text.Append(CultureInfo.InvariantCulture, $"\"We will come back every day,\" said {b}, whose brother was taken to a camp in {Pick(Places)} in {2017 + random.Next(3)}. {b.Split(' ')[0]} said the family had written to the Ministry of Foreign Affairs and to Human Rights Watch.\n\n");
                    Background(5);
                    text.Append(CultureInfo.InvariantCulture, $"Article number {i}. Share this:\n");
                    break;
                }

                case 1:
                {
                    var (a, b) = ($"{Pick(GivenRu)} {Pick(FamilyRu)}", $"{Pick(GivenRu)} {Pick(FamilyRu)}");
                    text.Append(CultureInfo.InvariantCulture, $"Беженцы из Китая, выпуск {i}\n\n");
                    text.Append(CultureInfo.InvariantCulture, $"Гражданин КНР {a} пересек границу Казахстана в районе Бахты в мае прошлого года. Он попросил убежища, но миграционная служба отказала ему в статусе беженца.\n\n");
                    text.Append(CultureInfo.InvariantCulture, $"Адвокат {b} говорит, что ему грозит депортация в Китай. Его оштрафовали на {100 + random.Next(900)} 000 тенге за незаконное пересечение границы.\n\n");
                    Background(5);
                    text.Append(CultureInfo.InvariantCulture, $"Материал {i}. Поделиться\n");
                    break;
                }

                default:
                {
                    text.Append(CultureInfo.InvariantCulture, $"Шекарадан өткен жігіт {i}\n\n");
                    text.Append(CultureInfo.InvariantCulture, $"Қытай азаматы Ерлан Қабылбекұлы {2017 + random.Next(5)} жылы шекарадан өтіп, Қазақстанға келді. Ол Іле өңірінде лагерьде болған.\n\n");
                    text.Append(CultureInfo.InvariantCulture, $"Қабылбекұлы баспана сұрады. Оның адвокаты Әсел Жақыпова {i}-ші іс бойынша сот шешімін күтіп отыр.\n\n");
                    Background(5);
                    break;
                }
            }

            pages.Add(new IngestPage($"article-{i}.txt", text.ToString(), PageFormat.Text));
        }

        return pages;
    }
}
