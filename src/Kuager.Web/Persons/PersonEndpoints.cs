using System.Globalization;
using System.Text;
using Dapper;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;
using static Kuager.Web.Layout;

namespace Kuager.Web;

public sealed record PersonListItem(long Id, string ExternalId, string Name);

public sealed record PersonPage(IReadOnlyList<PersonListItem> Items, long Total);

public static class PersonEndpoints
{
    public static IEndpointRouteBuilder MapPersons(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/persons", async (Database db, string? q, int? page, int? pageSize, CancellationToken ct) =>
        {
            var result = await ListAsync(db, q, page ?? 1, pageSize ?? 50, ct);
            return Results.Ok(new { items = result.Items.Select(i => new { id = i.Id, externalId = i.ExternalId, name = i.Name }), total = result.Total });
        });

        app.MapGet("/persons", async (Database db, string? q, int? page, CancellationToken ct) =>
        {
            var current = Math.Max(page ?? 1, 1);
            var result = await ListAsync(db, q, current, 50, ct);
            var body = new StringBuilder();
            body.Append("<form method=\"get\" action=\"/persons\"><label for=\"q\">Name</label> <input id=\"q\" name=\"q\" value=\"")
                .Append(H(q)).Append("\"> <button>Search</button></form>");
            body.Append("<p class=\"note\">").Append(result.Total.ToString("N0", CultureInfo.InvariantCulture)).Append(" people</p>");
            body.Append("<table><thead><tr><th>Name</th><th>External id</th></tr></thead><tbody>");
            foreach (var item in result.Items)
            {
                body.Append("<tr><td><a href=\"/persons/").Append(item.Id.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(H(item.Name))
                    .Append("</a></td><td>").Append(H(item.ExternalId)).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
            if (current * 50L < result.Total)
            {
                body.Append("<p><a href=\"/persons?page=").Append((current + 1).ToString(CultureInfo.InvariantCulture))
                    .Append(q is null ? "" : "&amp;q=" + H(Uri.EscapeDataString(q))).Append("\">Next page</a></p>");
            }

            return Results.Content(Page("People", body.ToString()), "text/html; charset=utf-8");
        });

        app.MapGet("/persons/{id:long}", async (Database db, RecordStore store, long id, CancellationToken ct) =>
        {
            var person = await store.GetAsync<Person>(id, ct);
            if (person is null)
            {
                return Results.Content(Page("Not found", "<p>There is no such person.</p>"), "text/html; charset=utf-8", statusCode: 404);
            }

            var history = await store.HistoryAsync(RecordKind.Person, id, ct);
            var body = new StringBuilder("<h2>Names</h2><ul>");
            foreach (var n in person.Names)
            {
                body.Append("<li><span lang=\"").Append(n.Script.Code()).Append('"').Append(n.Script.IsRightToLeft() ? " dir=\"rtl\"" : "").Append('>')
                    .Append(H(n.Text)).Append("</span> <span class=\"note\">").Append(H(n.Script.Code())).Append(", ").Append(H(WireCode.Of(n.Kind)))
                    .Append("</span></li>");
            }

            body.Append("</ul><table><tbody>");
            Row(body, "External id", person.ExternalId);
            Row(body, "Gender", WireCode.Of(person.Gender));
            Row(body, "Born", person.BirthDate?.ToCanonical());
            Row(body, "Ethnicity", person.Ethnicity);
            Row(body, "Citizenship", string.Join(", ", person.Citizenships));
            Row(body, "Confidentiality", WireCode.Of(person.Confidentiality));
            Row(body, "Notes", person.Notes);
            body.Append("</tbody></table><h2>History</h2><table><thead><tr><th>Version</th><th>When</th><th>Who</th><th>What</th></tr></thead><tbody>");
            foreach (var r in history)
            {
                body.Append("<tr><td>").Append(r.Version.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(H(r.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("</td><td>").Append(H(r.Actor)).Append("</td><td>")
                    .Append(H(WireCode.Of(r.Action))).Append(": ").Append(H(string.Join(", ", r.Changes.Select(c => c.Field)))).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
            return Results.Content(Page(person.PrimaryName.Text, body.ToString()), "text/html; charset=utf-8");
        });
        return app;
    }

    private static void Row(StringBuilder body, string label, string? value) =>
        body.Append("<tr><th scope=\"row\">").Append(H(label)).Append("</th><td>").Append(H(value)).Append("</td></tr>");

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
