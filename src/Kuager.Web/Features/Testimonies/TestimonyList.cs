using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Events;

namespace Kuager.Web.Features.Testimonies;

public sealed record TestimonyFilter(TestimonyMedium? Medium, Consent? Consent, string? Language);

public sealed record TestimonyRow(
    long Id,
    long? SubjectId,
    string? SubjectName,
    long? TestifierId,
    string? TestifierName,
    Consent Consent,
    string? Relation,
    string? Medium,
    string? Language,
    string? RecordedOn,
    long Files);

public sealed record TestimonyPage(IReadOnlyList<TestimonyRow> Items, long Total);

/// <summary>The testimonies list, most recently recorded first.</summary>
public static class TestimonyList
{
    public static async Task<TestimonyPage> ListAsync(Database db, TestimonyFilter filter, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        await using var connection = await db.OpenAsync(ct);
        var where = new List<string> { "t.deleted_at IS NULL" };
        if (filter.Consent is not null)
        {
            where.Add("t.consent = @consent");
        }

        // Medium and language have no projection column: they are read from the record's JSON (a scan, narrowed by
        // the other filters first).
        if (filter.Medium is not null)
        {
            where.Add($"{RecordLinks.JsonField(db.Provider, "t.data", "medium")} = @medium");
        }

        if (filter.Language is not null)
        {
            where.Add($"LOWER({RecordLinks.JsonField(db.Provider, "t.data", "language")}) = LOWER(@language)");
        }

        var args = new
        {
            consent = filter.Consent is { } c ? WireCode.Of(c) : null,
            medium = filter.Medium is { } m ? WireCode.Of(m) : null,
            language = filter.Language,
            take = pageSize,
            skip = (page - 1) * pageSize,
        };
        var sqlWhere = string.Join(" AND ", where);
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM testimonies t WHERE {sqlWhere}", args);
        var rows = (await connection.QueryAsync<(long Id, long? SubjectId, string? SubjectName, long? TestifierId, string? TestifierName, string Consent)>(
            "SELECT t.id, t.subject_person_id, ps.primary_name, t.testifier_person_id, pt.primary_name, t.consent FROM testimonies t " +
            "LEFT JOIN persons ps ON ps.id = t.subject_person_id LEFT JOIN persons pt ON pt.id = t.testifier_person_id " +
            $"WHERE {sqlWhere} ORDER BY t.recorded_sort DESC NULLS LAST, t.id DESC LIMIT @take OFFSET @skip", args)).ToList();
        if (rows.Count == 0)
        {
            return new TestimonyPage([], total);
        }

        var ids = rows.Select(r => r.Id).ToList();
        string Field(params string[] path) => RecordLinks.JsonField(db.Provider, "data", path);
        var files = db.Provider == Provider.Postgres ? "COALESCE(jsonb_array_length(data::jsonb -> 'files'), 0)" : "COALESCE(json_array_length(data, '$.files'), 0)";
        var details = (await connection.QueryAsync<(long Id, string? Relation, string? Medium, string? Language, string? RecordedOn, long Files)>(
            $"SELECT id, {Field("relation")}, {Field("medium")}, {Field("language")}, {Field("recordedOn", "value")}, CAST({files} AS BIGINT) " +
            $"FROM testimonies WHERE id IN {RecordLinks.In(ids)}"))
            .ToDictionary(r => r.Id);
        var items = rows.Select(r =>
        {
            var d = details.GetValueOrDefault(r.Id);
            return new TestimonyRow(r.Id, r.SubjectId, r.SubjectName, r.TestifierId, r.TestifierName, WireCode.Parse<Consent>(r.Consent),
                d.Relation, d.Medium, d.Language, d.RecordedOn, d.Files);
        }).ToList();
        return new TestimonyPage(items, total);
    }
}
