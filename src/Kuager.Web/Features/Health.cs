using Dapper;
using Kuager.Storage;

namespace Kuager.Web;

public static class HealthEndpoints
{
    /// <summary>200 when the database answers, 503 when it does not.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (Database db, CancellationToken ct) =>
        {
            try
            {
                await using var connection = await db.OpenAsync(ct);
                await connection.ExecuteScalarAsync<int>("SELECT 1");
                return Results.Text("ok");
            }
            catch (Exception e) when (e is StorageException or System.Data.Common.DbException)
            {
                return Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}
