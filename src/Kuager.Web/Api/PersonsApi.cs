using Dapper;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;

namespace Kuager.Web;

/// <summary>One row of the people list: the page and GET /api/v1/persons show exactly these fields.</summary>
public sealed record PersonListItem(long Id, string ExternalId, string Name);

public sealed record PersonPage(IReadOnlyList<PersonListItem> Items, long Total);

/// <summary>The people list, shared by the persons page and the API (whose JSON is {"items": [...], "total": N}).</summary>
public static class PersonEndpoints
{
    /// <summary>
    /// The people this viewer may see, a page at a time; the total counts only them. An editor's page that shows
    /// confidential people is audited.
    /// </summary>
    public static async Task<PersonPage> ListAsync(RecordStore store, string? q, int page, int pageSize, Viewer viewer, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var connection = await store.Database.OpenAsync(ct);
        var filter = $"p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")}";
        var pattern = string.IsNullOrWhiteSpace(q) ? null : "%" + NameText.Normalize(q).ToLowerInvariant() + "%";
        if (pattern is not null)
        {
            filter += " AND EXISTS (SELECT 1 FROM person_names n WHERE n.person_id = p.id AND LOWER(n.text) LIKE @pattern)";
        }

        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM persons p WHERE {filter}", new { pattern });
        var items = (await connection.QueryAsync<(long Id, string ExternalId, string Name, string Level)>(
            $"SELECT p.id, p.external_id, p.primary_name, p.confidentiality FROM persons p WHERE {filter} ORDER BY p.primary_name, p.id LIMIT @take OFFSET @skip",
            new { pattern, take = pageSize, skip = (page - 1) * pageSize })).ToList();
        await store.AuditReadAsync(viewer, RecordKind.Person,
            items.Where(i => i.Level == WireCode.Of(Confidentiality.Confidential)).Select(i => i.Id).ToList(), ct);
        return new PersonPage(items.Select(i => new PersonListItem(i.Id, i.ExternalId, i.Name)).ToList(), total);
    }
}
