using System.Data.Common;
using System.Globalization;
using Dapper;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Kuager.Web.Features.Events;

/// <summary>A person as a link shows them: the name in its own script, and the external id typed into forms.</summary>
public sealed record PersonRef(long Id, string ExternalId, string Name);

/// <summary>A source that supports a record, with the evidence level of that citation.</summary>
public sealed record CitedSource(long SourceId, string Title, EvidenceLevel Level, string? Quote);

/// <summary>
/// The names behind the ids that events, cases and testimonies refer to, read in one query per kind (never one per
/// row), and the reverse: the id behind what a user typed into a form (an id, an external id, a place path).
/// </summary>
public static class RecordLinks
{
    /// <summary>
    /// The people behind these ids that the viewer may see (a hidden one is simply absent: the caller leaves it out).
    /// Given the store, an editor's read of confidential people's names is audited.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, PersonRef>> PersonsAsync(DbConnection connection, IEnumerable<long?> ids, Viewer viewer,
        RecordStore? store = null, CancellationToken ct = default)
    {
        var list = Distinct(ids);
        if (list.Count == 0)
        {
            return new Dictionary<long, PersonRef>();
        }

        var rows = (await connection.QueryAsync<(long Id, string ExternalId, string Name, string Level)>(
            $"SELECT id, external_id, primary_name, confidentiality FROM persons WHERE id IN {In(list)} AND deleted_at IS NULL AND {Visibility.Sql(viewer)}")).ToList();
        await AuditAsync(store, viewer, RecordKind.Person, rows.Select(r => (r.Id, r.Level)), ct);
        return rows.ToDictionary(r => r.Id, r => new PersonRef(r.Id, r.ExternalId, r.Name));
    }

    public static async Task<IReadOnlyDictionary<long, string>> OrganizationsAsync(DbConnection connection, IEnumerable<long?> ids, Viewer viewer,
        RecordStore? store = null, CancellationToken ct = default)
    {
        var list = Distinct(ids);
        if (list.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var rows = (await connection.QueryAsync<(long Id, string Name, string Level)>(
            $"SELECT id, name, confidentiality FROM organizations WHERE id IN {In(list)} AND deleted_at IS NULL AND {Visibility.Sql(viewer)}")).ToList();
        await AuditAsync(store, viewer, RecordKind.Organization, rows.Select(r => (r.Id, r.Level)), ct);
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }

    /// <summary>Places by their full path ("Kazakhstan > Almaty"), those the viewer may see.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> PlacesAsync(DbConnection connection, IEnumerable<long?> ids, Viewer viewer,
        RecordStore? store = null, CancellationToken ct = default)
    {
        var list = Distinct(ids);
        if (list.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var rows = (await connection.QueryAsync<(long Id, string Path, string Level)>(
            $"SELECT id, path, confidentiality FROM places WHERE id IN {In(list)} AND deleted_at IS NULL AND {Visibility.Sql(viewer)}")).ToList();
        await AuditAsync(store, viewer, RecordKind.Place, rows.Select(r => (r.Id, r.Level)), ct);
        return rows.ToDictionary(r => r.Id, r => r.Path);
    }

    /// <summary>Audits an editor's read of the confidential ones among records shown by name (rows of id and confidentiality).</summary>
    public static Task AuditAsync(RecordStore? store, Viewer viewer, RecordKind kind, IEnumerable<(long Id, string Level)> rows, CancellationToken ct)
    {
        if (store is null || !viewer.SeesConfidentialFields)
        {
            return Task.CompletedTask;
        }

        var confidential = rows.Where(r => r.Level == WireCode.Of(Confidentiality.Confidential)).Select(r => r.Id).Distinct().ToList();
        return store.AuditReadAsync(viewer, kind, confidential, ct);
    }

    /// <summary>
    /// A person typed into a form: their external id, else their number. Null when nothing was typed or no such
    /// person exists (the caller tells the two apart by the text).
    /// </summary>
    public static async Task<long?> FindPersonAsync(DbConnection connection, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        var byExternal = await connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM persons WHERE external_id = @value AND deleted_at IS NULL", new { value });
        return byExternal ?? await ByIdAsync(connection, "persons", value);
    }

    /// <summary>A place typed into a form: its number, its full path, or a name only one place has.</summary>
    public static async Task<long?> FindPlaceAsync(DbConnection connection, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (await ByIdAsync(connection, "places", value) is { } id)
        {
            return id;
        }

        var byPath = await connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM places WHERE path = @value AND deleted_at IS NULL", new { value });
        return byPath ?? await UniqueAsync(connection, "SELECT id FROM places WHERE name = @value AND deleted_at IS NULL LIMIT 2", value);
    }

    /// <summary>An organisation typed into a form: its number, or a name only one organisation has.</summary>
    public static async Task<long?> FindOrganizationAsync(DbConnection connection, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        return await ByIdAsync(connection, "organizations", value)
            ?? await UniqueAsync(connection, "SELECT id FROM organizations WHERE name = @value AND deleted_at IS NULL LIMIT 2", value);
    }

    /// <summary>The sources cited for a record that the viewer may see, strongest evidence first; quotes as the viewer may see them.</summary>
    public static async Task<IReadOnlyList<CitedSource>> CitationsAsync(RecordStore store, DbConnection connection, RecordKind kind, long id, Viewer viewer,
        CancellationToken ct = default)
    {
        var rows = (await connection.QueryAsync<(long Id, long SourceId, string Title, string Level)>(
            "SELECT c.id, s.id, s.title, s.confidentiality FROM citations c JOIN sources s ON s.id = c.source_id " +
            $"WHERE c.target_kind = @kind AND c.target_id = @id AND c.deleted_at IS NULL AND s.deleted_at IS NULL AND {Visibility.Sql(viewer, "c")} AND {Visibility.Sql(viewer, "s")}",
            new { kind = WireCode.Of(kind), id })).ToList();
        var citations = await Shown.RecordsAsync<Citation>(connection, store, rows.Select(r => r.Id).ToList(), viewer, ct);
        await AuditAsync(store, viewer, RecordKind.Source, rows.Select(r => (r.SourceId, r.Level)), ct);
        return rows.Where(r => citations.ContainsKey(r.Id))
            .Select(r => new CitedSource(r.SourceId, r.Title, citations[r.Id].Level, citations[r.Id].Quote))
            .OrderByDescending(c => c.Level).ThenBy(c => c.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>A string field inside a record's JSON data, as SQL for the provider (for the few list columns that have no projection).</summary>
    public static string JsonField(Provider provider, string column, params string[] path) => provider == Provider.Postgres
        ? $"({column}::jsonb #>> '{{{string.Join(",", path)}}}')"
        : $"json_extract({column}, '$.{string.Join(".", path)}')";

    public static IHtmlContent PersonLink(long id, IReadOnlyDictionary<long, PersonRef> persons) =>
        PersonLink(id, persons.TryGetValue(id, out var p) ? p.Name : null);

    public static IHtmlContent PersonLink(long id, string? name) => Link($"/persons/{id}", name, id);

    public static IHtmlContent OrganizationLink(long id, IReadOnlyDictionary<long, string> organizations) =>
        OrganizationLink(id, organizations.GetValueOrDefault(id));

    public static IHtmlContent OrganizationLink(long id, string? name) => Link($"/organizations/{id}", name, id);

    public static IHtmlContent PlaceLink(long id, IReadOnlyDictionary<long, string> places) => PlaceLink(id, places.GetValueOrDefault(id));

    public static IHtmlContent PlaceLink(long id, string? path) => Link($"/places/{id}", path, id);

    /// <summary>A name in its own direction: Uyghur Arabic script is shown right to left.</summary>
    public static IHtmlContent Name(string name)
    {
        var script = ScriptDetector.Detect(name);
        if (!script.IsRightToLeft())
        {
            return new HtmlString(System.Net.WebUtility.HtmlEncode(name));
        }

        var span = new TagBuilder("span");
        span.Attributes["dir"] = "rtl";
        span.Attributes["lang"] = script.Code();
        span.InnerHtml.Append(name);
        return span;
    }

    private static TagBuilder Link(string href, string? name, long id)
    {
        var a = new TagBuilder("a");
        a.Attributes["href"] = href;
        if (name is null)
        {
            a.InnerHtml.Append("#" + id.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            a.InnerHtml.AppendHtml(Name(name));
        }

        return a;
    }

    private static async Task<long?> ByIdAsync(DbConnection connection, string table, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? await connection.ExecuteScalarAsync<long?>($"SELECT id FROM {table} WHERE id = @id AND deleted_at IS NULL", new { id })
            : null;

    private static async Task<long?> UniqueAsync(DbConnection connection, string sql, string value)
    {
        var ids = (await connection.QueryAsync<long>(sql, new { value })).ToList();
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>
    /// A list of ids as SQL: "(1, 2, 3)". Numbers only, so safe to inline; the same text on both providers (Dapper would
    /// send a PostgreSQL array, which IN does not take).
    /// </summary>
    public static string In(IEnumerable<long> ids) => "(" + string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + ")";

    private static List<long> Distinct(IEnumerable<long?> ids) => ids.OfType<long>().Distinct().ToList();
}
