using Dapper;
using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Web.Features.Organizations;

/// <summary>Read by Dapper through its properties, which converts each provider's column types.</summary>
public sealed record OrganizationItem
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";

    public long? PlaceId { get; init; }

    public string? PlacePath { get; init; }
}

/// <summary>Read by Dapper through its properties, which converts each provider's column types.</summary>
public sealed record OrganizationEvent
{
    public long Id { get; init; }

    public string Type { get; init; } = "";

    public string? TypeLabel { get; init; }

    public string? Date { get; init; }

    public string Role { get; init; } = "";
}

/// <summary>Read by Dapper through its properties, which converts each provider's column types.</summary>
public sealed record OrganizationCase
{
    public long Id { get; init; }

    public string Title { get; init; } = "";

    public string Status { get; init; } = "";

    public string Role { get; init; } = "";
}

public static class OrganizationQueries
{
    public const int PageSize = 50;

    /// <summary>A page of organisations by name (indexed), of one kind or all.</summary>
    public static async Task<(IReadOnlyList<OrganizationItem> Items, long Total)> ListAsync(Database db, Viewer viewer, string? kind, int page, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var filter = "o.deleted_at IS NULL AND " + Visibility.Sql(viewer, "o") + (kind is null ? "" : " AND o.kind = @kind");
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM organizations o WHERE {filter}", new { kind }, cancellationToken: ct));
        var items = await connection.QueryAsync<OrganizationItem>(new CommandDefinition(
            "SELECT o.id AS Id, o.name AS Name, o.kind AS Kind, pl.id AS PlaceId, pl.path AS PlacePath " +
            $"FROM organizations o LEFT JOIN places pl ON pl.id = o.place_id AND {Visibility.Sql(viewer, "pl")} WHERE {filter} ORDER BY o.name, o.id LIMIT @take OFFSET @skip",
            new { kind, take = PageSize, skip = (page - 1) * PageSize }, cancellationToken: ct));
        return (items.ToList(), total);
    }

    /// <summary>Events the organisation takes part in, latest first; at most 200.</summary>
    public static async Task<IReadOnlyList<OrganizationEvent>> EventsAsync(Database db, Viewer viewer, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OrganizationEvent>(new CommandDefinition(
            "SELECT e.id AS Id, e.type AS Type, t.label AS TypeLabel, e.date_value AS Date, ep.role AS Role " +
            "FROM event_participants ep JOIN events e ON e.id = ep.event_id LEFT JOIN event_types t ON t.code = e.type " +
            $"WHERE ep.organization_id = @id AND e.deleted_at IS NULL AND {Visibility.Sql(viewer, "e")} " +
            "ORDER BY CASE WHEN e.date_sort IS NULL THEN 1 ELSE 0 END, e.date_sort DESC, e.id DESC LIMIT 200",
            new { id }, cancellationToken: ct))).ToList();
    }

    /// <summary>Cases where the organisation is the court or a party.</summary>
    public static async Task<IReadOnlyList<OrganizationCase>> CasesAsync(Database db, Viewer viewer, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OrganizationCase>(new CommandDefinition(
            "SELECT c.id AS Id, c.title AS Title, c.status AS Status, 'court' AS Role FROM cases c " +
            $"WHERE c.court_organization_id = @id AND c.deleted_at IS NULL AND {Visibility.Sql(viewer, "c")} " +
            "UNION ALL SELECT c.id, c.title, c.status, cp.role FROM case_parties cp JOIN cases c ON c.id = cp.case_id " +
            $"WHERE cp.organization_id = @id AND c.deleted_at IS NULL AND {Visibility.Sql(viewer, "c")} ORDER BY 2, 1 LIMIT 200",
            new { id }, cancellationToken: ct))).ToList();
    }
}
