using Dapper;
using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Web.Features.Places;

/// <summary>Read by Dapper through its properties, which converts each provider's column types.</summary>
public sealed record PlaceItem
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";

    public string Path { get; init; } = "";

    public long Children { get; init; }
}

public sealed record PlaceEvent(long Id, string Type, string? TypeLabel, string? Date, long PlaceId, string PlaceName, IReadOnlyList<string> Subjects);

/// <summary>Read by Dapper through its properties, which converts each provider's column types.</summary>
public sealed record PlacePerson
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string Status { get; init; } = "";

    public long HometownId { get; init; }

    public string HometownName { get; init; } = "";
}

/// <summary>Read by Dapper through its properties, which converts each provider's column types.</summary>
public sealed record PlaceOrganization
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";
}

/// <summary>
/// Reads over the place hierarchy. "Under a place" means the place and everything below it, found with a
/// recursive query over parent_id (indexed), so a page never loops over records.
/// </summary>
public static class PlaceQueries
{
    public const int PageSize = 50;

    /// <summary>The place and all places below it, as a CTE named "sub" with one column, id.</summary>
    private const string Subtree =
        "WITH RECURSIVE sub(id) AS (SELECT id FROM places WHERE id = @id " +
        "UNION ALL SELECT p.id FROM places p JOIN sub ON p.parent_id = sub.id WHERE p.deleted_at IS NULL) ";

    public static async Task<IReadOnlyList<PlaceItem>> TopLevelAsync(Database db, Viewer viewer, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PlaceItem>(new CommandDefinition(
            "SELECT p.id AS Id, p.name AS Name, p.kind AS Kind, p.path AS Path, " +
            $"(SELECT COUNT(*) FROM places c WHERE c.parent_id = p.id AND c.deleted_at IS NULL AND {Visibility.Sql(viewer, "c")}) AS Children " +
            $"FROM places p WHERE p.parent_id IS NULL AND p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} ORDER BY p.name, p.id", cancellationToken: ct))).ToList();
    }

    /// <summary>Places whose path contains the words, by path; at most 100.</summary>
    public static async Task<IReadOnlyList<PlaceItem>> FindAsync(Database db, Viewer viewer, string words, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PlaceItem>(new CommandDefinition(
            "SELECT p.id AS Id, p.name AS Name, p.kind AS Kind, p.path AS Path, " +
            $"(SELECT COUNT(*) FROM places c WHERE c.parent_id = p.id AND c.deleted_at IS NULL AND {Visibility.Sql(viewer, "c")}) AS Children " +
            $"FROM places p WHERE p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} AND LOWER(p.path) LIKE @pattern ESCAPE '\\' ORDER BY p.path LIMIT 100",
            new { pattern = "%" + EscapeLike(words.Trim().ToLowerInvariant()) + "%" }, cancellationToken: ct))).ToList();
    }

    public static async Task<IReadOnlyList<PlaceItem>> ChildrenAsync(Database db, Viewer viewer, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PlaceItem>(new CommandDefinition(
            "SELECT p.id AS Id, p.name AS Name, p.kind AS Kind, p.path AS Path, " +
            $"(SELECT COUNT(*) FROM places c WHERE c.parent_id = p.id AND c.deleted_at IS NULL AND {Visibility.Sql(viewer, "c")}) AS Children " +
            $"FROM places p WHERE p.parent_id = @id AND p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} ORDER BY p.name, p.id", new { id }, cancellationToken: ct))).ToList();
    }

    /// <summary>The place's ancestors from the top, then the place itself: the breadcrumbs.</summary>
    public static async Task<IReadOnlyList<(long Id, string Name)>> LineageAsync(Database db, Viewer viewer, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<(long, string)>(new CommandDefinition(
            "WITH RECURSIVE up(id, parent_id, name, confidentiality, depth) AS (SELECT id, parent_id, name, confidentiality, 0 FROM places WHERE id = @id " +
            "UNION ALL SELECT p.id, p.parent_id, p.name, p.confidentiality, up.depth + 1 FROM places p JOIN up ON p.id = up.parent_id WHERE up.depth < 64) " +
            $"SELECT id, name FROM up WHERE {Visibility.Sql(viewer)} ORDER BY depth DESC", new { id }, cancellationToken: ct))).ToList();
    }

    /// <summary>Events at the place or anywhere under it, latest first, with their subjects' names.</summary>
    public static async Task<(IReadOnlyList<PlaceEvent> Items, long Total)> EventsUnderAsync(Database db, Viewer viewer, long id, int page, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            Subtree + $"SELECT COUNT(*) FROM events e JOIN sub ON e.place_id = sub.id JOIN places pl ON pl.id = e.place_id WHERE e.deleted_at IS NULL AND {Visibility.Sql(viewer, "e")} AND {Visibility.Sql(viewer, "pl")}", new { id }, cancellationToken: ct));
        var rows = (await connection.QueryAsync<(long Id, string Type, string? Label, string? Date, long PlaceId, string PlaceName)>(new CommandDefinition(
            Subtree + "SELECT e.id, e.type, t.label, e.date_value, e.place_id, pl.name FROM events e JOIN sub ON e.place_id = sub.id " +
            $"JOIN places pl ON pl.id = e.place_id LEFT JOIN event_types t ON t.code = e.type WHERE e.deleted_at IS NULL AND {Visibility.Sql(viewer, "e")} AND {Visibility.Sql(viewer, "pl")} " +
            "ORDER BY CASE WHEN e.date_sort IS NULL THEN 1 ELSE 0 END, e.date_sort DESC, e.id DESC LIMIT @take OFFSET @skip",
            new { id, take = PageSize, skip = (page - 1) * PageSize }, cancellationToken: ct))).ToList();
        var subjects = await SubjectsAsync(connection, viewer, rows.Select(r => r.Id).ToList(), ct);
        return (rows.Select(r => new PlaceEvent(r.Id, r.Type, r.Label, r.Date, r.PlaceId, r.PlaceName, subjects[r.Id].ToList())).ToList(), total);
    }

    /// <summary>People whose hometown is the place or under it, by name.</summary>
    public static async Task<(IReadOnlyList<PlacePerson> Items, long Total)> PeopleUnderAsync(Database db, Viewer viewer, long id, int page, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            Subtree + $"SELECT COUNT(*) FROM persons p JOIN sub ON p.hometown_id = sub.id JOIN places pl ON pl.id = p.hometown_id WHERE p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} AND {Visibility.Sql(viewer, "pl")}", new { id }, cancellationToken: ct));
        var items = await connection.QueryAsync<PlacePerson>(new CommandDefinition(
            Subtree + "SELECT p.id AS Id, p.primary_name AS Name, p.status AS Status, pl.id AS HometownId, pl.name AS HometownName " +
            $"FROM persons p JOIN sub ON p.hometown_id = sub.id JOIN places pl ON pl.id = p.hometown_id WHERE p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} AND {Visibility.Sql(viewer, "pl")} " +
            "ORDER BY p.primary_name, p.id LIMIT @take OFFSET @skip",
            new { id, take = PageSize, skip = (page - 1) * PageSize }, cancellationToken: ct));
        return (items.ToList(), total);
    }

    /// <summary>Organisations at the place or under it; at most 200.</summary>
    public static async Task<IReadOnlyList<PlaceOrganization>> OrganizationsUnderAsync(Database db, Viewer viewer, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PlaceOrganization>(new CommandDefinition(
            Subtree + "SELECT o.id AS Id, o.name AS Name, o.kind AS Kind FROM organizations o JOIN sub ON o.place_id = sub.id " +
            $"JOIN places pl ON pl.id = o.place_id WHERE o.deleted_at IS NULL AND {Visibility.Sql(viewer, "o")} AND {Visibility.Sql(viewer, "pl")} ORDER BY o.name, o.id LIMIT 200", new { id }, cancellationToken: ct))).ToList();
    }

    public static async Task<string?> PathOfAsync(Database db, Viewer viewer, long? id, CancellationToken ct)
    {
        if (id is null)
        {
            return null;
        }

        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT path FROM places WHERE id = @id AND {Visibility.Sql(viewer)}", new { id }, cancellationToken: ct));
    }

    /// <summary>
    /// The place a typed path names ("China > Xinjiang > Ili", spaces around '>' optional). Null and no error for an
    /// empty path; an error when the path names no place.
    /// </summary>
    public static async Task<(long? Id, bool Found)> FindByPathAsync(Database db, string? path, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return (null, true);
        }

        if (!Place.TryParsePath(path, out var levels, out _))
        {
            return (null, false);
        }

        await using var connection = await db.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM places WHERE path = @path AND deleted_at IS NULL", new { path = string.Join(Place.PathSeparator, levels) }, cancellationToken: ct));
        return (id, id is not null);
    }

    private static async Task<ILookup<long, string>> SubjectsAsync(System.Data.Common.DbConnection connection, Viewer viewer, IReadOnlyList<long> eventIds, CancellationToken ct)
    {
        if (eventIds.Count == 0)
        {
            return Array.Empty<(long, string)>().ToLookup(r => r.Item1, r => r.Item2);
        }

        // The ids are numbers read from the database, written into the query as literals: one IN list works on both providers.
        var list = string.Join(", ", eventIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var rows = await connection.QueryAsync<(long EventId, string Name)>(new CommandDefinition(
            "SELECT ep.event_id, p.primary_name FROM event_participants ep JOIN persons p ON p.id = ep.person_id " +
            $"WHERE ep.event_id IN ({list}) AND ep.role = 'subject' AND {Visibility.Sql(viewer, "p")} ORDER BY ep.event_id, ep.position", cancellationToken: ct));
        return rows.ToLookup(r => r.EventId, r => r.Name);
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
