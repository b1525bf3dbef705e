using Dapper;
using Kuager.Names;
using Kuager.Storage;

namespace Kuager.Web;

/// <summary>One row of the people list: the page and GET /api/v1/persons show exactly these fields.</summary>
public sealed record PersonListItem(long Id, string ExternalId, string Name);

public sealed record PersonPage(IReadOnlyList<PersonListItem> Items, long Total);

/// <summary>The people list, shared by the persons page and the API (whose JSON is {"items": [...], "total": N}).</summary>
public static class PersonEndpoints
{
    public static async Task<PersonPage> ListAsync(Database db, string? q, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var connection = await db.OpenAsync(ct);
        var filter = "p.deleted_at IS NULL";
        var pattern = string.IsNullOrWhiteSpace(q) ? null : "%" + NameText.Normalize(q).ToLowerInvariant() + "%";
        if (pattern is not null)
        {
            filter += " AND EXISTS (SELECT 1 FROM person_names n WHERE n.person_id = p.id AND LOWER(n.text) LIKE @pattern)";
        }

        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM persons p WHERE {filter}", new { pattern });
        var items = await connection.QueryAsync<(long Id, string ExternalId, string Name)>(
            $"SELECT p.id, p.external_id, p.primary_name FROM persons p WHERE {filter} ORDER BY p.primary_name, p.id LIMIT @take OFFSET @skip",
            new { pattern, take = pageSize, skip = (page - 1) * pageSize });
        return new PersonPage(items.Select(i => new PersonListItem(i.Id, i.ExternalId, i.Name)).ToList(), total);
    }
}
