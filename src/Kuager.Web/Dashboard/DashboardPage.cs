using System.Globalization;
using System.Text;
using Dapper;
using Kuager.Storage;
using static Kuager.Web.Layout;

namespace Kuager.Web;

public static class DashboardPage
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (Database db, CancellationToken ct) =>
        {
            var counts = await Stats.CountAsync(db, ct);
            await using var connection = await db.OpenAsync(ct);
            var byStatus = await connection.QueryAsync<(string Status, long Count)>(
                "SELECT status, COUNT(*) FROM persons WHERE deleted_at IS NULL GROUP BY status ORDER BY COUNT(*) DESC, status");
            var newest = await connection.QueryAsync<(long Id, string Name, string Status)>(
                "SELECT id, primary_name, status FROM persons WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 10");

            var body = new StringBuilder("<div class=\"cards\">");
            foreach (var (label, value) in new[]
                     {
                         ("People", counts.Persons), ("Events", counts.Events), ("Cases", counts.Cases),
                         ("Testimonies", counts.Testimonies), ("Sources", counts.Sources), ("Places", counts.Places),
                     })
            {
                body.Append("<div class=\"card\"><b>").Append(value.ToString("N0", CultureInfo.InvariantCulture)).Append("</b>").Append(H(label)).Append("</div>");
            }

            body.Append("</div><h2>Current status</h2><table><thead><tr><th>Status</th><th>People</th></tr></thead><tbody>");
            foreach (var (status, count) in byStatus)
            {
                body.Append("<tr><td>").Append(H(status)).Append("</td><td>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
            }

            body.Append("</tbody></table><h2>Newest records</h2><table><tbody>");
            foreach (var (id, name, status) in newest)
            {
                body.Append("<tr><td><a href=\"/persons/").Append(id.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(H(name))
                    .Append("</a></td><td>").Append(H(status)).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
            return Results.Content(Page("Dashboard", body.ToString()), "text/html; charset=utf-8");
        });
        return app;
    }
}
