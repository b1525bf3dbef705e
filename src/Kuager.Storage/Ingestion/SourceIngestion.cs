using System.Text.Json;
using Dapper;
using Kuager.Core;
using Kuager.Ingestion;
using Kuager.Storage.Search;

namespace Kuager.Storage.Ingestion;

/// <summary>A page to ingest: its name (a file name, or what the user called pasted text), its text and its format.</summary>
public sealed record IngestPage(string Name, string Content, PageFormat Format);

/// <summary>A person found in an article, with the registry person the name matched (null when none matched well).</summary>
public sealed record IngestedPerson(PersonFound Found, long? MatchedPersonId);

/// <summary>
/// One article ingested: the source created for it, the earlier source it copies (then its text is not stored again
/// and nothing is proposed from it), and what was found in it.
/// </summary>
public sealed record IngestedArticle(long SourceId, long? DuplicateOf, Article Article, Kuager.Ingestion.Extraction Extraction, IReadOnlyList<IngestedPerson> Persons)
{
    /// <summary>Paragraphs of this article that repeat a paragraph ingested before (its own or another article's).</summary>
    public int RepeatedParagraphs { get; init; }
}

/// <summary>How far an ingestion has got: articles read and written out of all found.</summary>
public readonly record struct IngestProgress(string Stage, int Done, int Total);

/// <summary>
/// Ingests pages into the registry: each article found becomes a news source; near-copies of articles ingested
/// before (in this run or earlier ones) are linked to the first and not stored twice; repeated paragraphs are linked
/// to where they first appeared; what was found becomes proposals, persons matched to registry people by name. All
/// in one transaction: a failure leaves the registry as it was.
/// </summary>
public sealed class SourceIngestion(Database database)
{
    /// <summary>A proposed person is matched to a registry person whose best name scores at least this.</summary>
    public const double MatchScore = 0.85;

    public const string ProposalStatus = "proposed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<IngestedArticle>> IngestAsync(
        IReadOnlyList<IngestPage> pages, SourceHints hints, string actor, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(hints);
        if (hints.Url is not null && !Source.IsWebAddress(hints.Url))
            throw new ValidationException([new ValidationError("url", $"\"{hints.Url}\" is not a web address (http or https)")]);

        // Reading and extraction are pure; the registry's names are read first only when an article is written in
        // scripts without capital letters (names in them are recognised by being known).
        var articles = new List<Article>();
        foreach (var page in pages)
        {
            foreach (var article in PageReader.Read(page.Content, page.Format, hints))
            {
                // An address read from a page that is not http(s) is dropped rather than stored (a javascript: link is an attack).
                articles.Add(article.Url is null || Source.IsWebAddress(article.Url) ? article : article with { Url = null });
            }
        }

        var known = articles.Any(a => KnownNamesQuery.NeedsKnownNames(a.Text)) ? await KnownNamesQuery.LoadAsync(database, ct) : KnownNames.None;
        var found = new List<(Article Article, Kuager.Ingestion.Extraction Extraction, Fingerprint Print)>();
        foreach (var article in articles)
        {
            found.Add((article, Extractor.Extract(article, known), Fingerprint.Of(article.Text)));
            progress?.Report(new IngestProgress("reading", found.Count, articles.Count));
        }

        var matches = await MatchPersonsAsync(found.SelectMany(f => f.Extraction.Persons).Select(p => p.Name), ct);

        await using var session = await Session.BeginAsync(database, actor, ct);
        var seen = new Earlier<long>();
        var paragraphsSeen = new Earlier<(long Source, int Position)>();
        var results = new List<IngestedArticle>();
        foreach (var (article, extraction, print) in found)
        {
            ct.ThrowIfCancellationRequested();
            await LoadEarlierArticlesAsync(session, print, seen);
            var (isCopy, original, _) = seen.Known.FindArticle(print);
            var source = await session.CreateAsync(new Source
            {
                Kind = hints.Kind.SourceKind(),
                Confidentiality = hints.Kind.IsConfidential() ? Confidentiality.Confidential : Confidentiality.Restricted,
                Title = article.Title,
                Publisher = Limit(article.Publisher, 300),
                Url = article.Url,
                Date = article.Date is { } d ? FuzzyDate.OnDay(d.Year, d.Month, d.Day) : null,
                Language = article.Language,
                Text = isCopy ? null : article.Text,
            });
            var copyOf = isCopy ? original : (long?)null;
            await session.Connection.ExecuteAsync(
                "INSERT INTO ingest_articles (source_id, duplicate_of, signature, words, ingested_by, ingested_at, evidence) VALUES (@source, @copyOf, @signature, @words, @actor, @at, @evidence)",
                new { source = source.Id, copyOf, signature = print.Signature(), words = print.Words, actor, at = Clock.Stamp(session.Now), evidence = (int)hints.Kind.Evidence() },
                session.Transaction);
            var persons = extraction.Persons.Select(p => new IngestedPerson(p, matches.TryGetValue(p.Name, out var id) ? id : null)).ToList();
            var repeated = 0;
            if (!isCopy)
            {
                await InsertBandsAsync(session, source.Id, print);
                seen.Add(source.Id);
                seen.Known.AddArticle(source.Id, print);
                repeated = await WriteParagraphsAsync(session, source.Id, article, paragraphsSeen);
                await WriteProposalsAsync(session, source.Id, extraction, persons);
            }

            results.Add(new IngestedArticle(source.Id, copyOf, article, extraction, persons) { RepeatedParagraphs = repeated });
            progress?.Report(new IngestProgress("writing", results.Count, found.Count));
        }

        await AuditLog.AppendAsync(session.Connection, session.Transaction, database.Provider, actor, IngestionAudit.Action, "sources",
            $"{results.Count} articles from {pages.Count} pages, {results.Count(r => r.DuplicateOf is not null)} near-copies", session.Now);
        await session.CommitAsync(ct);
        return results;
    }

    private static string? Limit(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    /// <summary>Registry people whose names match the found names, by the name index; read as an operator (the CLI and editors see all).</summary>
    private async Task<Dictionary<string, long>> MatchPersonsAsync(IEnumerable<string> names, CancellationToken ct)
    {
        var matches = new Dictionary<string, long>(StringComparer.Ordinal);
        var search = PersonSearch.For(database);
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var best = await search.SearchAsync(new PersonQuery(name) { Limit = 1, MinScore = MatchScore }, Viewer.Operator("ingestion"), ct);
            if (best.Count > 0)
                matches[name] = best[0].Id;
        }

        return matches;
    }

    /// <summary>Fingerprints known in this run: its own and those read from earlier runs, each read once.</summary>
    private sealed class Earlier<TKey> where TKey : notnull
    {
        private readonly HashSet<TKey> _loaded = [];

        public NearDuplicates<TKey> Known { get; } = new();

        /// <summary>False when already known.</summary>
        public bool Add(TKey key) => _loaded.Add(key);
    }

    private static async Task LoadEarlierArticlesAsync(Session session, Fingerprint print, Earlier<long> seen)
    {
        var rows = await session.Connection.QueryAsync<(long SourceId, string Signature, long Words)>(
            $"""
            SELECT DISTINCT a.source_id, a.signature, a.words FROM ingest_article_bands b
            JOIN ingest_articles a ON a.source_id = b.source_id
            JOIN sources s ON s.id = a.source_id AND s.deleted_at IS NULL
            WHERE b.band {AnyOf(session)}
            """,
            new { bands = print.BandKeys().ToArray() }, session.Transaction);
        foreach (var row in rows)
        {
            if (seen.Add(row.SourceId))
                seen.Known.AddArticle(row.SourceId, Fingerprint.FromStored(row.Signature, (int)row.Words));
        }
    }

    /// <summary>Membership in the @bands list: Dapper expands a list for SQLite; PostgreSQL takes it as an array.</summary>
    private static string AnyOf(Session session) => session.Database.Provider == Provider.Postgres ? "= ANY(@bands)" : "IN @bands";

    private static async Task InsertBandsAsync(Session session, long sourceId, Fingerprint print) =>
        await session.Connection.ExecuteAsync(
            "INSERT INTO ingest_article_bands (band, source_id) VALUES (@band, @sourceId)",
            print.BandKeys().Distinct(StringComparer.Ordinal).Select(band => new { band, sourceId }), session.Transaction);

    private static async Task<int> WriteParagraphsAsync(Session session, long sourceId, Article article, Earlier<(long Source, int Position)> seen)
    {
        var repeated = 0;
        for (var position = 0; position < article.Paragraphs.Count; position++)
        {
            var print = Fingerprint.Of(article.Paragraphs[position]);
            long? repeatsSource = null;
            int? repeatsPosition = null;
            if (print.Words >= NearDuplicates<long>.MinParagraphWords)
            {
                var earlier = await session.Connection.QueryAsync<(long SourceId, long Position, string Signature, long Words)>(
                    $"""
                    SELECT DISTINCT p.source_id, p.position, p.signature, p.words FROM ingest_paragraph_bands b
                    JOIN ingest_paragraphs p ON p.source_id = b.source_id AND p.position = b.position
                    WHERE b.band {AnyOf(session)} AND p.repeats_source_id IS NULL
                    """,
                    new { bands = print.BandKeys().ToArray() }, session.Transaction);
                foreach (var e in earlier)
                {
                    if (seen.Add((e.SourceId, (int)e.Position)))
                        seen.Known.AddParagraph((e.SourceId, (int)e.Position), Fingerprint.FromStored(e.Signature, (int)e.Words));
                }

                var (found, key) = seen.Known.FindParagraph(print);
                if (found)
                {
                    (repeatsSource, repeatsPosition) = (key.Source, key.Position);
                    repeated++;
                }
            }

            await session.Connection.ExecuteAsync(
                "INSERT INTO ingest_paragraphs (source_id, position, signature, words, repeats_source_id, repeats_position) VALUES (@sourceId, @position, @signature, @words, @repeatsSource, @repeatsPosition)",
                new { sourceId, position, signature = print.Signature(), words = print.Words, repeatsSource, repeatsPosition }, session.Transaction);
            if (repeatsSource is null && print.Words >= NearDuplicates<long>.MinParagraphWords)
            {
                await session.Connection.ExecuteAsync(
                    "INSERT INTO ingest_paragraph_bands (band, source_id, position) VALUES (@band, @sourceId, @position)",
                    print.BandKeys().Distinct(StringComparer.Ordinal).Select(band => new { band, sourceId, position }), session.Transaction);
                seen.Add((sourceId, position));
                seen.Known.AddParagraph((sourceId, position), print);
            }
        }

        return repeated;
    }

    private static async Task WriteProposalsAsync(Session session, long sourceId, Kuager.Ingestion.Extraction x, IReadOnlyList<IngestedPerson> persons)
    {
        var rows = new List<object>();
        void Add(string kind, string label, object detail, string sentence, long? matched = null) =>
            rows.Add(new { sourceId, kind, label, detail = JsonSerializer.Serialize(detail, Json), sentence, matched, status = ProposalStatus });

        foreach (var p in persons)
            Add("person", p.Found.Name, new { mentions = p.Found.Mentions, spellings = p.Found.Spellings, sentences = p.Found.Sentences, quoted = p.Found.Quoted }, p.Found.Sentences[0], p.MatchedPersonId);
        foreach (var p in x.Places)
            Add("place", p.Name, new { kind = p.Kind, path = p.Path, mentions = p.Mentions }, p.Sentence);
        foreach (var o in x.Organizations)
            Add("organization", o.Name, new { mentions = o.Mentions }, o.Sentence);
        foreach (var d in x.Dates)
            Add("date", d.Text, new { date = d.Date?.ToCanonical(), days = d.Days }, d.Sentence);
        foreach (var e in x.Events)
            Add("event", e.Type, new { date = e.Date?.ToCanonical(), dateText = e.Date?.Text, persons = e.Persons, place = e.Place, placePath = e.PlacePath, particulars = e.Particulars }, e.Sentence);
        await session.Connection.ExecuteAsync(
            "INSERT INTO ingest_proposals (source_id, kind, label, detail, sentence, matched_person_id, status) VALUES (@sourceId, @kind, @label, @detail, @sentence, @matched, @status)",
            rows, session.Transaction);
    }
}

/// <summary>The audit action of an ingestion run.</summary>
public static class IngestionAudit
{
    public const string Action = "ingest";
}
