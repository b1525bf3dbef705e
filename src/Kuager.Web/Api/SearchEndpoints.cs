using Dapper;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;

namespace Kuager.Web.Api;

/// <summary>A person found by one of their names; <see cref="Matched"/> is the name that matched.</summary>
public sealed record SearchHit(long Id, string ExternalId, string Name, string Matched);

/// <summary>The search box's suggestions: people whose names contain the text, best first.</summary>
internal static class SearchEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", async (RecordStore store, HttpContext http, string? q, string? limit, CancellationToken ct) =>
            {
                var viewer = http.Viewer();
                var hits = await SearchAsync(store.Database, q, Math.Clamp(ListRequest.Number("limit", limit) ?? DefaultLimit, 1, MaxLimit), viewer, ct);
                await store.AuditReadAsync(viewer, RecordKind.Person, hits.Where(h => h.Confidential).Select(h => h.Hit.Id).ToList(), ct);
                return Results.Ok(hits.Select(h => h.Hit).ToList());
            })
            .WithTags("search")
            .WithName("search")
            .WithSummary("Finds people by name")
            .WithDescription("A JSON array of the people the caller may see, best first: a name equal to q, then names starting with it, then names with a word " +
                $"starting with it, then names containing it. limit is 1 to {MaxLimit} (default {DefaultLimit}).")
            .Produces<List<SearchHit>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    // Simple on purpose: a LIKE over person_names. Name matching across spellings will replace the ranking.
    // Only people this viewer may see are searched; each hit says whether it is confidential, for the audit.
    public static async Task<IReadOnlyList<(SearchHit Hit, bool Confidential)>> SearchAsync(Database db, string? q, int limit, Viewer viewer, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return [];
        }

        var text = NameText.Normalize(q).ToLowerInvariant();
        var like = RecordLists.EscapeLike(text);
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string ExternalId, string Name, string Matched, string Level)>(
            $$"""
            SELECT id, external_id, primary_name, matched, confidentiality FROM (
                SELECT m.*, ROW_NUMBER() OVER (PARTITION BY m.id ORDER BY m.rank, m.position) AS pick FROM (
                    SELECT p.id, p.external_id, p.primary_name, p.confidentiality, n.text AS matched, n.position,
                        CASE WHEN LOWER(n.text) = @exact THEN 0
                             WHEN LOWER(n.text) LIKE @prefix ESCAPE '\' THEN 1
                             WHEN LOWER(n.text) LIKE @word ESCAPE '\' THEN 2
                             ELSE 3 END AS rank
                    FROM person_names n JOIN persons p ON p.id = n.person_id
                    WHERE p.deleted_at IS NULL AND {{Visibility.Sql(viewer, "p")}} AND LOWER(n.text) LIKE @contains ESCAPE '\'
                ) m
            ) best
            WHERE pick = 1
            ORDER BY rank, primary_name, id
            LIMIT @limit
            """,
            new { exact = text, prefix = like + "%", word = "% " + like + "%", contains = "%" + like + "%", limit });
        return rows.Select(r => (new SearchHit(r.Id, r.ExternalId, r.Name, r.Matched), r.Level == WireCode.Of(Confidentiality.Confidential))).ToList();
    }
}
