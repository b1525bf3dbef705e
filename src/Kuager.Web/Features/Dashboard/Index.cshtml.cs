using Dapper;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Dashboard;

public sealed class IndexModel(Database db) : PageModel
{
    public RegistryCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);

    public IReadOnlyList<(string Status, long Count)> ByStatus { get; private set; } = [];

    public IReadOnlyList<(long Id, string Name, string Status)> Newest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await Stats.CountAsync(db, ct);
        await using var connection = await db.OpenAsync(ct);
        ByStatus = (await connection.QueryAsync<(string, long)>(
            "SELECT status, COUNT(*) FROM persons WHERE deleted_at IS NULL GROUP BY status ORDER BY COUNT(*) DESC, status")).ToList();
        Newest = (await connection.QueryAsync<(long, string, string)>(
            "SELECT id, primary_name, status FROM persons WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 10")).ToList();
    }
}
