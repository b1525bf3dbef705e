using System.Globalization;
using Dapper;
using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Web.Api;

/// <summary>A list request's text filter and page, read from the query string with errors that say what is wrong.</summary>
internal sealed record ListRequest(string? Q, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static ListRequest From(string? q, string? page, string? pageSize) =>
        new(q, Math.Max(Number("page", page) ?? 1, 1), Math.Clamp(Number("pageSize", pageSize) ?? DefaultPageSize, 1, MaxPageSize));

    /// <summary>The version a deletion is based on: required, so a deletion never overrides an edit it did not see.</summary>
    public static int Version(string? version) =>
        Number("version", version) ?? throw new ApiInputException("version", "is required");

    /// <summary>A yes-or-no query parameter: true, false, 1 or 0 (absent: false).</summary>
    public static bool Flag(string name, string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw new ApiInputException(name, $"\"{value}\" is not true or false"),
    };

    public static int? Number(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw new ApiInputException(name, $"\"{value}\" is not a whole number");
}

public sealed record Page<TItem>(IReadOnlyList<TItem> Items, long Total);

public sealed record PlaceListItem
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";

    public long? ParentId { get; init; }

    public string Path { get; init; } = "";
}

public sealed record OrganizationListItem
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";

    public long? PlaceId { get; init; }
}

public sealed record RelationshipListItem
{
    public long Id { get; init; }

    public long PersonAId { get; init; }

    public long PersonBId { get; init; }

    public string Type { get; init; } = "";
}

public sealed record EventListItem
{
    public long Id { get; init; }

    public string Type { get; init; } = "";

    /// <summary>The canonical date ("2017-spring"), without the source's words.</summary>
    public string? Date { get; init; }

    public long? PlaceId { get; init; }
}

public sealed record CaseListItem
{
    public long Id { get; init; }

    public string Title { get; init; } = "";

    public string Kind { get; init; } = "";

    public string Status { get; init; } = "";
}

public sealed record TestimonyListItem
{
    public long Id { get; init; }

    public long? SubjectPersonId { get; init; }

    public long? TestifierPersonId { get; init; }

    public string Consent { get; init; } = "";
}

public sealed record SourceListItem
{
    public long Id { get; init; }

    public string Kind { get; init; } = "";

    public string Title { get; init; } = "";

    public string? Url { get; init; }
}

public sealed record CitationListItem
{
    public long Id { get; init; }

    public long SourceId { get; init; }

    public string TargetKind { get; init; } = "";

    public long TargetId { get; init; }

    public int Level { get; init; }
}

/// <summary>
/// The list queries: projection columns only (never the JSON data), filtered and paged in SQL, so a page costs the
/// same at 100,000 records. Columns are aliased to the item's property names (Dapper matches them case-insensitively,
/// which also covers PostgreSQL folding the aliases to lower case).
/// </summary>
internal static class RecordLists
{
    public static readonly ListQuery<Page<PlaceListItem>> Places =
        Query<PlaceListItem>(RecordKind.Place, v => $"id AS Id, name AS Name, kind AS Kind, {Ref("places", "parent_id", v)} AS ParentId, path AS Path", "path, id", search: "path");

    public static readonly ListQuery<Page<OrganizationListItem>> Organizations =
        Query<OrganizationListItem>(RecordKind.Organization, v => $"id AS Id, name AS Name, kind AS Kind, {Ref("places", "place_id", v)} AS PlaceId", "name, id", search: "name");

    // A relationship with a person the viewer may not see is left out: it would name them by id.
    public static readonly ListQuery<Page<RelationshipListItem>> Relationships =
        Query<RelationshipListItem>(RecordKind.Relationship, _ => "id AS Id, person_a_id AS PersonAId, person_b_id AS PersonBId, type AS Type", "id", search: "type",
            where: v => $"{Ref("persons", "person_a_id", v)} IS NOT NULL AND {Ref("persons", "person_b_id", v)} IS NOT NULL");

    // Undated events last on both providers (SQLite sorts NULL first, PostgreSQL last).
    public static readonly ListQuery<Page<EventListItem>> Events =
        Query<EventListItem>(RecordKind.Event, v => $"id AS Id, type AS Type, date_value AS Date, {Ref("places", "place_id", v)} AS PlaceId",
            "CASE WHEN date_sort IS NULL THEN 1 ELSE 0 END, date_sort, id", search: "type");

    public static readonly ListQuery<Page<CaseListItem>> Cases =
        Query<CaseListItem>(RecordKind.Case, _ => "id AS Id, title AS Title, kind AS Kind, status AS Status", "title, id", search: "title");

    public static readonly ListQuery<Page<TestimonyListItem>> Testimonies =
        Query<TestimonyListItem>(RecordKind.Testimony,
            v => $"id AS Id, {Ref("persons", "subject_person_id", v)} AS SubjectPersonId, {Ref("persons", "testifier_person_id", v)} AS TestifierPersonId, consent AS Consent",
            "id", search: null);

    public static readonly ListQuery<Page<SourceListItem>> Sources =
        Query<SourceListItem>(RecordKind.Source, _ => "id AS Id, kind AS Kind, title AS Title, url AS Url", "title, id", search: "title");

    // A citation of a source or a record the viewer may not see is left out: it would hint at the record.
    public static readonly ListQuery<Page<CitationListItem>> Citations =
        Query<CitationListItem>(RecordKind.Citation, _ => "id AS Id, source_id AS SourceId, target_kind AS TargetKind, target_id AS TargetId, level AS Level", "id", search: null,
            where: v => $"{Ref("sources", "source_id", v)} IS NOT NULL AND " + string.Join(" AND ", Citation.CitableKinds.Select(k =>
                $"(target_kind <> '{WireCode.Of(k)}' OR {Ref(RecordTables.TableOf(k), "target_id", v)} IS NOT NULL)")));

    /// <summary>
    /// A reference column as the viewer may see it: the id when the record it names is visible to them, else NULL
    /// (a correlated look-up on the referenced table's primary key).
    /// </summary>
    private static string Ref(string table, string column, Viewer viewer) =>
        $"(SELECT x.id FROM {table} x WHERE x.id = {column} AND {Visibility.Sql(viewer, "x")})";

    /// <summary>"%text%" for LIKE, lower-cased, with LIKE's own wildcards escaped (use with ESCAPE '\').</summary>
    public static string Contains(string text) => "%" + EscapeLike(text.Trim().ToLowerInvariant()) + "%";

    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static ListQuery<Page<TItem>> Query<TItem>(RecordKind kind, Func<Viewer, string> columns, string orderBy, string? search,
        Func<Viewer, string>? where = null) =>
        async (db, request, viewer, audit, ct) =>
        {
            var table = RecordTables.TableOf(kind);
            var filter = "deleted_at IS NULL AND " + Visibility.Sql(viewer);
            if (where is not null)
            {
                filter += " AND " + where(viewer);
            }

            var pattern = search is null || string.IsNullOrWhiteSpace(request.Q) ? null : Contains(request.Q);
            if (pattern is not null)
            {
                filter += $" AND LOWER({search}) LIKE @pattern ESCAPE '\\'";
            }

            await using var connection = await db.OpenAsync(ct);
            var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {filter}", new { pattern });
            var args = new { pattern, take = request.PageSize, skip = (long)(request.Page - 1) * request.PageSize };
            var items = (await connection.QueryAsync<TItem>(
                $"SELECT {columns(viewer)} FROM {table} WHERE {filter} ORDER BY {orderBy} LIMIT @take OFFSET @skip", args)).ToList();
            if (viewer.SeesConfidentialFields && items.Count > 0)
            {
                // An editor's list of confidential records is a read of confidential data: the ids shown go to the audit log.
                var confidential = (await connection.QueryAsync<long>(
                    $"SELECT id FROM (SELECT id, confidentiality FROM {table} WHERE {filter} ORDER BY {orderBy} LIMIT @take OFFSET @skip) shown " +
                    "WHERE confidentiality = 'confidential'", args)).ToList();
                await audit.AuditReadAsync(viewer, kind, confidential, ct);
            }

            return new Page<TItem>(items, total);
        };
}
