using System.Globalization;
using System.Text;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Search;

/// <summary>A highlighted stretch of a snippet: characters [Start, Start + Length) of <see cref="TextSnippet.Text"/>.</summary>
public readonly record struct TextHighlight(int Start, int Length);

/// <summary>
/// A stretch of stored text around what matched, as plain text with the matched words as ranges. Pages escape the
/// text and wrap the ranges themselves: a snippet never carries markup, so stored text cannot become HTML.
/// </summary>
public sealed record TextSnippet(string Text, IReadOnlyList<TextHighlight> Highlights)
{
    /// <summary>The text in order, cut into stretches that are highlighted or not.</summary>
    public IEnumerable<(string Text, bool Highlighted)> Segments()
    {
        var at = 0;
        foreach (var h in Highlights)
        {
            if (h.Start > at)
            {
                yield return (Text[at..h.Start], false);
            }

            yield return (Text.Substring(h.Start, h.Length), true);
            at = h.Start + h.Length;
        }

        if (at < Text.Length)
        {
            yield return (Text[at..], false);
        }
    }
}

/// <summary>One testimony or source whose text matched, with the field and a snippet of where.</summary>
/// <param name="Title">A source's title; for a testimony the name of the person it is about, when the viewer may see them.</param>
/// <param name="Field">The JSON name of the field that matched best (summary, transcript, title, publisher, author, text).</param>
public sealed record TextHit(RecordKind Kind, long Id, string? Title, string Field, TextSnippet Snippet, Confidentiality Confidentiality);

/// <summary>
/// Full-text search over testimonies and sources: FTS5 on SQLite (words, then any three characters for what words miss),
/// tsvector on PostgreSQL. Every word typed must match, as a word prefix; what the user types is never passed on as
/// query syntax. Hits keep to the records the viewer may see, live ones only, best first, one per record.
/// </summary>
public sealed class TextSearch
{
    public const int MaxLimit = 100;

    /// <summary>At most this many words of a query are used; longer words are cut.</summary>
    private const int MaxTerms = 8;

    private const int MaxTermLength = 64;

    private const int SnippetLength = 200;

    private TextSearch(Database database) => Database = database;

    public Database Database { get; }

    public static TextSearch For(Database database) => new(database);

    /// <summary>The testimonies and sources whose text holds every word of the query, best first, at most <paramref name="limit"/> (1 to 100).</summary>
    public async Task<IReadOnlyList<TextHit>> SearchAsync(string query, Viewer viewer, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        limit = Math.Clamp(limit, 1, MaxLimit);
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        await using var connection = await Database.OpenAsync(ct);
        var rows = new List<Row>();
        if (Database.Provider == Provider.Sqlite)
        {
            rows.AddRange(await connection.QueryAsync<Row>(new CommandDefinition(
                Sql(viewer, "text_index_words", "text_index_words MATCH @match", "w.rank"),
                new { match = string.Join(' ', terms.Select(t => $"\"{t}\"*")), limit }, cancellationToken: ct)));

            // Substrings inside words (a Kazakh or Uyghur stem with its suffixes, Chinese without spaces) for what the
            // words missed; the trigram index needs at least three characters a term.
            var grams = terms.Where(t => new StringInfo(t).LengthInTextElements >= 3).ToList();
            if (rows.Count < limit && grams.Count == terms.Count)
            {
                var more = await connection.QueryAsync<Row>(new CommandDefinition(
                    Sql(viewer, "text_index_grams", "text_index_grams MATCH @match", "w.rank"),
                    new { match = string.Join(' ', grams.Select(t => $"\"{t}\"")), limit = limit + rows.Count }, cancellationToken: ct));
                rows.AddRange(more.Where(m => !rows.Any(r => r.Kind == m.Kind && r.Id == m.Id)).Take(limit - rows.Count));
            }
        }
        else
        {
            rows.AddRange(await connection.QueryAsync<Row>(new CommandDefinition(
                Sql(viewer, null, "i.words @@ to_tsquery('simple'::regconfig, @match)", "-ts_rank_cd(i.words, to_tsquery('simple'::regconfig, @match))"),
                new { match = string.Join(" & ", terms.Select(t => $"'{t}':*")), limit }, cancellationToken: ct)));
        }

        return rows.Select(r => new TextHit(WireCode.Parse<RecordKind>(r.Kind), r.Id, r.Title, r.Field, Snippet(r.Body, terms),
            WireCode.Parse<Confidentiality>(r.Level))).ToList();
    }

    /// <summary>
    /// The words of a query, lower-cased: runs of letters, digits and combining marks. Everything else (quotes, *, -,
    /// parentheses, colons) only separates words, so no input can be read as FTS5 or tsquery syntax.
    /// </summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(query))
        {
            return terms;
        }

        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
            {
                var term = word.ToString().ToLowerInvariant();
                term = term.Length > MaxTermLength ? term[..MaxTermLength] : term;
                if (!terms.Contains(term, StringComparer.Ordinal) && terms.Count < MaxTerms)
                {
                    terms.Add(term);
                }

                word.Clear();
            }
        }

        foreach (var rune in query.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(rune.ToString());
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return terms;
    }

    /// <summary>
    /// The query over the index rows that match, joined to their records for visibility: live records the viewer may
    /// see (testimonies whose witness withdrew consent only for editors), the best part of each record, best first.
    /// </summary>
    private static string Sql(Viewer viewer, string? ftsTable, string match, string score)
    {
        var from = ftsTable is null ? "text_index i" : $"{ftsTable} w JOIN text_index i ON i.id = w.rowid";
        var consent = viewer.CanEdit ? "" : $" AND t.consent <> '{WireCode.Of(Consent.Withdrawn)}'";
        return $"""
            SELECT Kind, Id, Title, Field, Body, Level FROM (
                SELECT i.record_kind AS Kind, i.record_id AS Id, i.field AS Field, i.body AS Body,
                    COALESCE(t.confidentiality, s.confidentiality) AS Level, COALESCE(s.title, sp.primary_name) AS Title, {score} AS score,
                    ROW_NUMBER() OVER (PARTITION BY i.record_kind, i.record_id ORDER BY {score}, i.field, i.part) AS pick
                FROM {from}
                LEFT JOIN testimonies t ON i.record_kind = 'testimony' AND t.id = i.record_id AND t.deleted_at IS NULL AND {Visibility.Sql(viewer, "t")}{consent}
                LEFT JOIN sources s ON i.record_kind = 'source' AND s.id = i.record_id AND s.deleted_at IS NULL AND {Visibility.Sql(viewer, "s")}
                LEFT JOIN persons sp ON sp.id = t.subject_person_id AND sp.deleted_at IS NULL AND {Visibility.Sql(viewer, "sp")}
                WHERE {match} AND (t.id IS NOT NULL OR s.id IS NOT NULL)
            ) hits
            WHERE pick = 1
            ORDER BY score, Kind, Id
            LIMIT @limit
            """;
    }

    /// <summary>
    /// About <see cref="SnippetLength"/> characters around the first place a query word starts a word (or, failing
    /// that, appears inside one), whitespace folded, with every word a query word starts highlighted.
    /// </summary>
    public static TextSnippet Snippet(string body, IReadOnlyList<string> terms)
    {
        var text = FoldSpaces(body);
        var matches = Matches(text, terms, wordStart: true);
        if (matches.Count == 0)
        {
            matches = Matches(text, terms, wordStart: false);
        }

        var first = matches.Count == 0 ? 0 : matches[0].Start;
        var start = first <= SnippetLength / 3 ? 0 : text.LastIndexOf(' ', first - SnippetLength / 3) + 1;
        if (start > 0 && first - start > SnippetLength / 2)
        {
            start = first - (SnippetLength / 3);
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length && text.IndexOf(' ', end) is var space and >= 0 && space - end < 30)
        {
            end = space;
        }

        start = SafeIndex(text, start);
        end = SafeIndex(text, end);
        var lead = start > 0 ? "… " : "";
        var shown = lead + text[start..end] + (end < text.Length ? " …" : "");
        var highlights = matches
            .Where(m => m.Start >= start && m.Start + m.Length <= end)
            .Select(m => new TextHighlight(m.Start - start + lead.Length, m.Length))
            .ToList();
        return new TextSnippet(shown, highlights);
    }

    private static int SafeIndex(string text, int at) => at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) ? at - 1 : at;

    private static string FoldSpaces(string body)
    {
        var folded = new StringBuilder(body.Length);
        var space = false;
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            folded.Append(c);
        }

        return folded.ToString();
    }

    /// <summary>
    /// Where the terms occur, case and accents ignored, in order and not overlapping. With <paramref name="wordStart"/>
    /// only at the start of a word, and the highlight runs to the word's end (the index matched the word by its start).
    /// </summary>
    private static List<TextHighlight> Matches(string text, IReadOnlyList<string> terms, bool wordStart)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;
        var found = new List<TextHighlight>();
        foreach (var term in terms)
        {
            var at = 0;
            while (at < text.Length && found.Count < 200)
            {
                var index = compare.IndexOf(text.AsSpan(at), term, options, out var length);
                if (index < 0 || length == 0)
                {
                    break;
                }

                index += at;
                at = index + length;
                if (wordStart && index > 0 && IsWordChar(text, index - 1))
                {
                    continue;
                }

                var stop = index + length;
                while (wordStart && stop < text.Length && IsWordChar(text, stop))
                {
                    stop++;
                }

                found.Add(new TextHighlight(index, stop - index));
                at = stop;
            }
        }

        var ordered = new List<TextHighlight>();
        foreach (var h in found.OrderBy(h => h.Start).ThenByDescending(h => h.Length))
        {
            if (ordered.Count == 0 || h.Start >= ordered[^1].Start + ordered[^1].Length)
            {
                ordered.Add(h);
            }
        }

        return ordered;
    }

    private static bool IsWordChar(string text, int at) =>
        char.IsLetterOrDigit(text[at]) || char.IsSurrogate(text[at])
        || CharUnicodeInfo.GetUnicodeCategory(text[at]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private sealed class Row
    {
        public string Kind { get; init; } = "";

        public long Id { get; init; }

        public string? Title { get; init; }

        public string Field { get; init; } = "";

        public string Body { get; init; } = "";

        public string Level { get; init; } = "";
    }
}
