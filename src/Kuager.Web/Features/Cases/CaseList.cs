using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Events;

namespace Kuager.Web.Features.Cases;

public sealed record CaseFilter(CaseKind? Kind, CaseStatus? Status, string? Title);

public sealed record CaseRow(long Id, string Title, CaseKind Kind, CaseStatus Status, string? Number, DateOnly? NextDue, string? NextDueKind);

public sealed record CasePage(IReadOnlyList<CaseRow> Items, long Total);

/// <summary>The cases list: the soonest next deadline or hearing first, so nothing due is missed.</summary>
public static class CaseList
{
    public static async Task<CasePage> ListAsync(RecordStore store, Viewer viewer, CaseFilter filter, DateOnly today, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        await using var connection = await store.Database.OpenAsync(ct);
        var where = new List<string> { "c.deleted_at IS NULL", Visibility.Sql(viewer, "c") };
        if (filter.Kind is not null)
        {
            where.Add("c.kind = @kind");
        }

        if (filter.Status is not null)
        {
            where.Add("c.status = @status");
        }

        if (filter.Title is not null)
        {
            where.Add("LOWER(c.title) LIKE LOWER(@title)");
        }

        var args = new
        {
            kind = filter.Kind is { } k ? WireCode.Of(k) : null,
            status = filter.Status is { } s ? WireCode.Of(s) : null,
            title = filter.Title is null ? null : "%" + filter.Title + "%",
            today = FormValues.Day(today),
            take = pageSize,
            skip = (page - 1) * pageSize,
        };
        var sqlWhere = string.Join(" AND ", where);
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM cases c WHERE {sqlWhere}", args);
        var rows = (await connection.QueryAsync<(long Id, string Title, string Kind, string Status, string? NextDue)>(
            "SELECT c.id, c.title, c.kind, c.status, (SELECT MIN(d.due) FROM case_dates d WHERE d.case_id = c.id AND d.due >= @today) AS next_due " +
            $"FROM cases c WHERE {sqlWhere} ORDER BY next_due ASC NULLS LAST, c.id DESC LIMIT @take OFFSET @skip", args)).ToList();
        if (rows.Count == 0)
        {
            return new CasePage([], total);
        }

        var ids = rows.Select(r => r.Id).ToList();
        // The number, hearings and deadlines as the viewer may see them (each can be a confidential field).
        var records = await Shown.RecordsAsync<Case>(connection, store, ids, viewer, ct);
        var kinds = (await connection.QueryAsync<(long CaseId, string Due, string Kind)>(
            $"SELECT case_id, due, kind FROM case_dates WHERE case_id IN {RecordLinks.In(ids)} AND due >= @today ORDER BY due", new { args.today }))
            .GroupBy(d => d.CaseId)
            .ToDictionary(g => g.Key, g => g.First().Kind);
        var items = rows.Select(r =>
        {
            var record = records.GetValueOrDefault(r.Id);
            var shown = record?.NextDue(today) is not null && FormValues.TryReadDay(r.NextDue, out var due) && due == record.NextDue(today);
            return new CaseRow(
                r.Id,
                r.Title,
                WireCode.Parse<CaseKind>(r.Kind),
                WireCode.Parse<CaseStatus>(r.Status),
                record?.Number,
                shown ? record!.NextDue(today) : null,
                shown ? kinds.GetValueOrDefault(r.Id) : null);
        }).ToList();
        return new CasePage(items, total);
    }
}
