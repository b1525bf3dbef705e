using Dapper;
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
        api.MapGet("/search", async (Database db, string? q, string? limit, CancellationToken ct) =>
                Results.Ok(await SearchAsync(db, q, Math.Clamp(ListRequest.Number("limit", limit) ?? DefaultLimit, 1, MaxLimit), ct)))
            .WithTags("search")
            .WithName("search")
            .WithSummary("Finds people by name")
            .WithDescription("A JSON array of people, best first: a name equal to q, then names starting with it, then names with a word " +
                $"starting with it, then names containing it. limit is 1 to {MaxLimit} (default {DefaultLimit}).")
            .Produces<List<SearchHit>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    // Simple on purpose: a LIKE over person_names. Name matching across spellings will replace the ranking.
    public static async Task<IReadOnlyList<SearchHit>> SearchAsync(Database db, string? q, int limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return [];
        }

        var text = NameText.Normalize(q).ToLowerInvariant();
        var like = RecordLists.EscapeLike(text);
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string ExternalId, string Name, string Matched)>(
            """
            SELECT id, external_id, primary_name, matched FROM (
                SELECT m.*, ROW_NUMBER() OVER (PARTITION BY m.id ORDER BY m.rank, m.position) AS pick FROM (
                    SELECT p.id, p.external_id, p.primary_name, n.text AS matched, n.position,
                        CASE WHEN LOWER(n.text) = @exact THEN 0
                             WHEN LOWER(n.text) LIKE @prefix ESCAPE '\' THEN 1
                             WHEN LOWER(n.text) LIKE @word ESCAPE '\' THEN 2
                             ELSE 3 END AS rank
                    FROM person_names n JOIN persons p ON p.id = n.person_id
                    WHERE p.deleted_at IS NULL AND LOWER(n.text) LIKE @contains ESCAPE '\'
                ) m
            ) best
            WHERE pick = 1
            ORDER BY rank, primary_name, id
            LIMIT @limit
            """,
            new { exact = text, prefix = like + "%", word = "% " + like + "%", contains = "%" + like + "%", limit });
        return rows.Select(r => new SearchHit(r.Id, r.ExternalId, r.Name, r.Matched)).ToList();
    }
}
