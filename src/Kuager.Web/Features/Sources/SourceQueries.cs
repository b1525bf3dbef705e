using Dapper;
using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Web.Features.Sources;

/// <summary>Read by Dapper through its properties, which converts each provider's column types.</summary>
public sealed record SourceItem
{
    public long Id { get; init; }

    public string Kind { get; init; } = "";

    public string Title { get; init; } = "";

    public long? DateSort { get; init; }

    public long Citations { get; init; }
}

/// <summary>One citation of a source, with a readable name of what it supports.</summary>
public sealed record SourceCitation(
    long Id, string TargetKind, long TargetId, int Level, string? Quote, string? TargetName, string? Detail, string? RelationshipType, bool TargetExists,
    bool QuoteWithheld = false);

public static class SourceQueries
{
    public const int PageSize = 50;

    /// <summary>A page of sources, newest by date first (undated last), of one kind and within a date range if given.</summary>
    public static async Task<(IReadOnlyList<SourceItem> Items, long Total)> ListAsync(
        Database db, Viewer viewer, string? kind, FuzzyDate? from, FuzzyDate? to, int page, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var filter = "s.deleted_at IS NULL AND " + Visibility.Sql(viewer, "s");
        if (kind is not null)
        {
            filter += " AND s.kind = @kind";
        }

        // date_sort is the start day * 100000 plus the span: a source falls in the range when it starts inside it.
        long? fromKey = from is null ? null : from.Start.DayNumber * 100000L;
        long? toKey = to is null ? null : (to.End.DayNumber + 1) * 100000L;
        if (fromKey is not null)
        {
            filter += " AND s.date_sort >= @fromKey";
        }

        if (toKey is not null)
        {
            filter += " AND s.date_sort < @toKey";
        }

        var parameters = new { kind, fromKey, toKey, take = PageSize, skip = (page - 1) * PageSize };
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM sources s WHERE {filter}", parameters, cancellationToken: ct));
        var items = await connection.QueryAsync<SourceItem>(new CommandDefinition(
            "SELECT s.id AS Id, s.kind AS Kind, s.title AS Title, s.date_sort AS DateSort, " +
            $"(SELECT COUNT(*) FROM citations c WHERE c.source_id = s.id AND c.deleted_at IS NULL AND {Visibility.Sql(viewer, "c")}) AS Citations " +
            $"FROM sources s WHERE {filter} ORDER BY CASE WHEN s.date_sort IS NULL THEN 1 ELSE 0 END, s.date_sort DESC, s.id DESC LIMIT @take OFFSET @skip",
            parameters, cancellationToken: ct));
        return (items.ToList(), total);
    }

    /// <summary>The citations of a source, with the name of the person, event, case or relationship each supports; at most 1,000.</summary>
    public static async Task<IReadOnlyList<SourceCitation>> CitationsAsync(RecordStore store, Viewer viewer, long sourceId, CancellationToken ct)
    {
        await using var connection = await store.Database.OpenAsync(ct);
        var rows = await connection.QueryAsync<CitationRow>(new CommandDefinition(
            "SELECT c.id AS Id, c.version AS Version, c.target_kind AS TargetKind, c.target_id AS TargetId, c.level AS Level, c.data AS Data, " +
            "COALESCE(per.primary_name, ca.title, ra.primary_name, t.label, ev.type) AS TargetName, " +
            "COALESCE(ev.date_value, rb.primary_name) AS Detail, r.type AS RelationshipType, " +
            "CASE WHEN per.id IS NOT NULL OR ev.id IS NOT NULL OR ca.id IS NOT NULL OR r.id IS NOT NULL THEN 1 ELSE 0 END AS TargetExists " +
            "FROM citations c " +
            $"LEFT JOIN persons per ON c.target_kind = 'person' AND per.id = c.target_id AND per.deleted_at IS NULL AND {Visibility.Sql(viewer, "per")} " +
            $"LEFT JOIN events ev ON c.target_kind = 'event' AND ev.id = c.target_id AND ev.deleted_at IS NULL AND {Visibility.Sql(viewer, "ev")} " +
            "LEFT JOIN event_types t ON t.code = ev.type " +
            $"LEFT JOIN cases ca ON c.target_kind = 'case' AND ca.id = c.target_id AND ca.deleted_at IS NULL AND {Visibility.Sql(viewer, "ca")} " +
            $"LEFT JOIN relationships r ON c.target_kind = 'relationship' AND r.id = c.target_id AND r.deleted_at IS NULL AND {Visibility.Sql(viewer, "r")} " +
            $"AND EXISTS (SELECT 1 FROM persons x WHERE x.id = r.person_a_id AND {Visibility.Sql(viewer, "x")}) " +
            $"AND EXISTS (SELECT 1 FROM persons y WHERE y.id = r.person_b_id AND {Visibility.Sql(viewer, "y")}) " +
            "LEFT JOIN persons ra ON ra.id = r.person_a_id " +
            "LEFT JOIN persons rb ON rb.id = r.person_b_id " +
            // A citation of a record the viewer may not see is left out altogether: its existence would hint at the record.
            $"WHERE c.source_id = @sourceId AND c.deleted_at IS NULL AND {Visibility.Sql(viewer, "c")} " +
            $"AND NOT EXISTS (SELECT 1 FROM persons hp WHERE c.target_kind = 'person' AND hp.id = c.target_id AND NOT ({Visibility.Sql(viewer, "hp")})) " +
            $"AND NOT EXISTS (SELECT 1 FROM events he WHERE c.target_kind = 'event' AND he.id = c.target_id AND NOT ({Visibility.Sql(viewer, "he")})) " +
            $"AND NOT EXISTS (SELECT 1 FROM cases hc WHERE c.target_kind = 'case' AND hc.id = c.target_id AND NOT ({Visibility.Sql(viewer, "hc")})) " +
            $"AND (c.target_kind <> 'relationship' OR r.id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM relationships hr WHERE hr.id = c.target_id AND hr.deleted_at IS NULL)) " +
            "ORDER BY c.target_kind, c.target_id, c.id LIMIT 1000",
            new { sourceId }, cancellationToken: ct));
        var list = rows.ToList();
        var citations = list.Select(r => store.Read<Citation>(r.Id, r.Version, r.Data, viewer)).ToList();
        await store.AuditReadAsync(viewer, citations, ct);
        return list.Zip(citations, (r, c) => new SourceCitation(r.Id, r.TargetKind, r.TargetId, r.Level, c.Quote, r.TargetName, r.Detail, r.RelationshipType,
            r.TargetExists != 0, c.Quote is null && !viewer.SeesConfidentialFields && c.ConfidentialFields.Contains("quote"))).ToList();
    }

    /// <summary>The title of a source, or null when there is none.</summary>
    public static async Task<string?> TitleAsync(Database db, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT title FROM sources WHERE id = @id AND deleted_at IS NULL", new { id }, cancellationToken: ct));
    }

    private sealed class CitationRow
    {
        public long Id { get; init; }

        public int Version { get; init; }

        public string TargetKind { get; init; } = "";

        public long TargetId { get; init; }

        public int Level { get; init; }

        public string Data { get; init; } = "{}";

        public string? TargetName { get; init; }

        public string? Detail { get; init; }

        public string? RelationshipType { get; init; }

        public long TargetExists { get; init; }
    }
}
