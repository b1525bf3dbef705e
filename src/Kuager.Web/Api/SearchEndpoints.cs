using System.Text.Json.Serialization;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Kuager.Storage.Search;
using Kuager.Web.Features.Search;
using Kuager.Web.Localization;

namespace Kuager.Web.Api;

/// <summary>A person found: the same fields, in the same spelling, as `kuager search --json` prints, and a few more.</summary>
/// <param name="Matched">The stored name that matched best (it may be in another script than the query).</param>
public sealed record PersonSearchHit(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("external_id")] string ExternalId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("matched")] string Matched,
    [property: JsonPropertyName("matched_script")] string MatchedScript,
    [property: JsonPropertyName("status")] string Status)
{
    public static PersonSearchHit Of(PersonMatch m) =>
        new(m.Id, m.ExternalId, m.Name, Math.Round(m.Score, 4), m.Matched, m.MatchedScript.Code(), WireCode.Of(m.Status));
}

/// <summary>Characters [start, start + length) of the snippet matched the query.</summary>
public sealed record SnippetHighlight([property: JsonPropertyName("start")] int Start, [property: JsonPropertyName("length")] int Length);

/// <summary>A testimony or source whose text matched. The snippet is plain text: the highlights say which characters to mark.</summary>
public sealed record TextSearchHit(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("snippet")] string Snippet,
    [property: JsonPropertyName("highlights")] IReadOnlyList<SnippetHighlight> Highlights,
    [property: JsonPropertyName("url")] string Url)
{
    public static TextSearchHit Of(TextHit h) => new(WireCode.Of(h.Kind), h.Id, h.Title, h.Field, h.Snippet.Text,
        h.Snippet.Highlights.Select(x => new SnippetHighlight(x.Start, x.Length)).ToList(), SearchLinks.Of(h.Kind, h.Id));
}

/// <summary>Search everywhere, for programs and for the search box's suggestions: people by name, and the text of testimonies and sources.</summary>
internal static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", async (RecordStore store, TextLocalizer t, HttpContext http, string? q, string? limit, string? status, string? ethnicity,
                string? place, string? from, string? to, string? evidence, CancellationToken ct) =>
            {
                var filter = new SearchFilter
                {
                    Q = Required(q),
                    Status = status,
                    Ethnicity = ethnicity,
                    Place = ListRequest.Number("place", place),
                    From = from,
                    To = to,
                    Evidence = ListRequest.Number("evidence", evidence),
                };
                var (query, errors) = filter.ToQuery(ListRequest.Number("limit", limit) ?? SearchFilter.DefaultLimit);
                if (query is null)
                {
                    var (field, key) = errors.First();
                    throw new ApiInputException(field, t[key]);
                }

                var viewer = http.Viewer();
                var hits = await PersonSearch.For(store.Database).SearchAsync(query, viewer, ct);
                await store.AuditReadAsync(viewer, RecordKind.Person, hits.Where(h => h.Confidentiality == Confidentiality.Confidential).Select(h => h.Id).ToList(), ct);
                return Results.Ok(hits.Select(PersonSearchHit.Of).ToList());
            })
            .WithTags("search")
            .WithName("search")
            .WithSummary("Finds people by name, in any script or spelling")
            .WithDescription("A JSON array of the people the caller may see, best first: " +
                "[{\"id\", \"external_id\", \"name\" (primary name), \"score\" (0 to 1), \"matched\" (the stored name that matched), \"matched_script\", \"status\"}]. " +
                $"q is required. limit is 1 to {SearchFilter.MaxLimit} (default {SearchFilter.DefaultLimit}). Optional filters: status (a status code), ethnicity, " +
                "place (an id: hometown in it or inside it), from and to (dates such as 2017 or 2017-03: an event within), evidence (0 to 4: cited at least this strongly).")
            .Produces<List<PersonSearchHit>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/search/texts", async (RecordStore store, HttpContext http, string? q, string? limit, CancellationToken ct) =>
            {
                var text = Required(q);
                var viewer = http.Viewer();
                var hits = await TextSearch.For(store.Database).SearchAsync(text, viewer,
                    Math.Clamp(ListRequest.Number("limit", limit) ?? SearchFilter.DefaultLimit, 1, SearchFilter.MaxLimit), ct);
                await SearchAudit.TextsAsync(store, viewer, hits, ct);
                return Results.Ok(hits.Select(TextSearchHit.Of).ToList());
            })
            .WithTags("search")
            .WithName("search-texts")
            .WithSummary("Finds testimonies and sources by the words of their text")
            .WithDescription("A JSON array of the testimonies and sources the caller may see whose summary, transcript, title, publisher, author or text " +
                "holds every word of q (as the start of a word), best first, one per record: [{\"kind\", \"id\", \"title\", \"field\", \"snippet\", " +
                "\"highlights\": [{\"start\", \"length\"}], \"url\"}]. The snippet is plain text; highlights index its characters. " +
                $"q is required; limit is 1 to {SearchFilter.MaxLimit} (default {SearchFilter.DefaultLimit}).")
            .Produces<List<TextSearchHit>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static string Required(string? q) =>
        string.IsNullOrWhiteSpace(q) ? throw new ApiInputException("q", "q is required: the text to search for") : q.Trim();
}
