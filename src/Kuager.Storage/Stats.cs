using Dapper;

namespace Kuager.Storage;

public sealed record RegistryCounts(long Persons, long Events, long Cases, long Testimonies, long Sources, long Places);

public static class Stats
{
    public static async Task<RegistryCounts> CountAsync(Database db, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        async Task<long> Count(string table) =>
            await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL");
        return new RegistryCounts(
            await Count("persons"), await Count("events"), await Count("cases"), await Count("testimonies"), await Count("sources"), await Count("places"));
    }
}
