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
    public static async Task<TestimonyPage> ListAsync(RecordStore store, Viewer viewer, TestimonyFilter filter, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        var db = store.Database;
        await using var connection = await db.OpenAsync(ct);
        var where = new List<string> { "t.deleted_at IS NULL", Visibility.Sql(viewer, "t") };
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
        // A subject or testifier the viewer may not see is left out (no link, no name).
        var rows = (await connection.QueryAsync<(long Id, long? SubjectId, string? SubjectName, long? TestifierId, string? TestifierName, string Consent, string? SubjectLevel, string? TestifierLevel)>(
            "SELECT t.id, ps.id, ps.primary_name, pt.id, pt.primary_name, t.consent, ps.confidentiality, pt.confidentiality FROM testimonies t " +
            $"LEFT JOIN persons ps ON ps.id = t.subject_person_id AND {Visibility.Sql(viewer, "ps")} " +
            $"LEFT JOIN persons pt ON pt.id = t.testifier_person_id AND {Visibility.Sql(viewer, "pt")} " +
            $"WHERE {sqlWhere} ORDER BY t.recorded_sort DESC NULLS LAST, t.id DESC LIMIT @take OFFSET @skip", args)).ToList();
        if (rows.Count == 0)
        {
            return new TestimonyPage([], total);
        }

        var ids = rows.Select(r => r.Id).ToList();
        await RecordLinks.AuditAsync(store, viewer, RecordKind.Person,
            rows.Where(r => r.SubjectId is not null).Select(r => (r.SubjectId!.Value, r.SubjectLevel ?? ""))
                .Concat(rows.Where(r => r.TestifierId is not null).Select(r => (r.TestifierId!.Value, r.TestifierLevel ?? ""))), ct);

        // Relation, medium, language, date and files as the viewer may see them (the date, the testifier and the files can be confidential fields).
        var records = await Shown.RecordsAsync<Testimony>(connection, store, ids, viewer, ct);
        var items = rows.Where(r => records.ContainsKey(r.Id)).Select(r =>
        {
            var t = records[r.Id];
            var testifier = t.TestifierPersonId is null ? null : r.TestifierId;
            return new TestimonyRow(r.Id, r.SubjectId, r.SubjectName, testifier, testifier is null ? null : r.TestifierName, WireCode.Parse<Consent>(r.Consent),
                WireCode.Of(t.Relation), WireCode.Of(t.Medium), t.Language, t.RecordedOn?.ToCanonical(), t.Files.Count);
        }).ToList();
        return new TestimonyPage(items, total);
    }
}
