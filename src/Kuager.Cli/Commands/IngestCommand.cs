using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kuager.Ingestion;
using Kuager.Storage.Ingestion;
using Spectre.Console;

namespace Kuager.Cli;

/// <summary>`kuager ingest`: news pages and testimonies (.html, .htm, .txt, .md, or a folder of them) to sources and proposals.</summary>
public static class IngestCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("file-or-folder") { Description = "A .html, .htm, .txt or .md file, or a folder of them (read recursively)" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var url = new Option<string?>("--url") { Description = "The page's address (http or https), over what the page says" };
        url.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } u && !Kuager.Core.Source.IsWebAddress(u))
                r.AddError($"--url \"{u}\" is not a web address (http or https)");
        });
        var publisher = new Option<string?>("--publisher") { Description = "The publisher, over what the page says" };
        var date = new Option<string?>("--date") { Description = "The publication date, YYYY-MM-DD, over what the page says; relative dates in the text are read against it" };
        date.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } d && !TryDate(d, out _))
                r.AddError($"--date \"{d}\" is not a date; write YYYY-MM-DD, e.g. 2021-02-22");
        });
        var kind = new Option<string>("--kind")
        {
            Description = "What the text is, which sets the evidence its facts carry: news (1), social-media (1), testimony (a relative's, 2; " +
                "confidential), first-person-testimony (3; confidential), official-document (4), court-record (4)",
            DefaultValueFactory = _ => "news",
        };
        kind.AcceptOnlyFromAmong([.. TextKinds.Codes]);
        var language = new Option<string?>("--language") { Description = "The text's language (en, ru, kk, ug, zh, ky, uz), over what the page and its letters say" };
        language.AcceptOnlyFromAmong([.. Languages.Known]);
        var command = new Command("ingest", "Ingest news pages or testimonies: one source per article, near-copies linked, persons, places, organisations and events proposed for review")
        {
            path, db, json, url, publisher, date, kind, language,
        };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(path)!;
            var pages = await ReadPagesAsync(target, console, ct);
            if (pages is null)
                return ExitCodes.Failed;
            var hints = new SourceHints
            {
                Url = parse.GetValue(url),
                Publisher = parse.GetValue(publisher),
                Date = parse.GetValue(date) is { } d && TryDate(d, out var day) ? day : null,
                Kind = TextKinds.Parse(parse.GetValue(kind)) ?? TextKind.News,
                Language = parse.GetValue(language),
            };
            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var ingestion = new SourceIngestion(database);
            IReadOnlyList<IngestedArticle> articles;
            if (console.Interactive)
            {
                // Progress on standard error, so standard output stays the result alone.
                var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                articles = await progressConsole.Progress().AutoClear(true).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("reading pages", maxValue: 1);
                    return await ingestion.IngestAsync(pages, hints, CommonOptions.Actor, new Progress<IngestProgress>(p =>
                    {
                        task.Description = p.Stage == "reading" ? $"read {p.Done:N0} articles" : $"storing {p.Total:N0} articles";
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    }), ct);
                });
            }
            else
            {
                articles = await ingestion.IngestAsync(pages, hints, CommonOptions.Actor, null, ct);
            }

            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(IngestReport.Of(articles), CommonOptions.JsonOutput));
                return ExitCodes.Ok;
            }

            foreach (var a in articles)
            {
                var copy = a.DuplicateOf is { } o ? $"  (a copy of source {o})" : string.Empty;
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"source {a.SourceId}: {a.Article.Title}{copy}: {a.Persons.Count} persons, {a.Extraction.Places.Count} places, {a.Extraction.Organizations.Count} organisations, {a.Extraction.Events.Count} events"));
            }

            await console.Error.WriteLineAsync(articles.Count == 1 ? "1 article ingested" : $"{articles.Count} articles ingested");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The pages to read; null (after saying why on stderr) when the path is missing or holds none.</summary>
    private static async Task<List<IngestPage>?> ReadPagesAsync(string target, CliConsole console, CancellationToken ct)
    {
        List<string> files;
        if (Directory.Exists(target))
        {
            files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Where(Article.IsReadable).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                await console.Error.WriteLineAsync($"kuager: {target} holds no .html, .htm, .txt or .md file");
                return null;
            }
        }
        else if (File.Exists(target))
        {
            if (!Article.IsReadable(target))
            {
                await console.Error.WriteLineAsync($"kuager: {target}: ingest reads .html, .htm, .txt and .md files");
                return null;
            }

            files = [target];
        }
        else
        {
            await console.Error.WriteLineAsync($"kuager: {target} does not exist");
            return null;
        }

        var pages = new List<IngestPage>();
        foreach (var file in files)
            pages.Add(new IngestPage(Path.GetFileName(file), await File.ReadAllTextAsync(file, ct), Article.FormatOf(file)));
        return pages;
    }
}
