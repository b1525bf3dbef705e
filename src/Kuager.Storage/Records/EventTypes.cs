using System.Data.Common;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>The instance's event vocabulary: the defaults from the domain, plus the types users add.</summary>
public static class EventTypes
{
    public static async Task<IReadOnlyDictionary<string, EventType>> LoadAsync(DbConnection connection, DbTransaction? tx = null)
    {
        var rows = await connection.QueryAsync<(string Code, string Label, string Region, string? Implies)>(
            "SELECT code, label, region, implies FROM event_types ORDER BY code", transaction: tx);
        return rows.ToDictionary(
            r => r.Code,
            r => new EventType(
                r.Code,
                r.Label,
                WireCode.TryParse<EventRegion>(r.Region, out var region) ? region : EventRegion.Elsewhere,
                r.Implies is not null && WireCode.TryParse<PersonStatus>(r.Implies, out var s) ? s : null));
    }

    public static async Task<IReadOnlyDictionary<string, EventType>> LoadAsync(Database db, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await LoadAsync(connection);
    }

    /// <summary>Adds a type to the vocabulary; a code already in use is an error.</summary>
    public static async Task AddAsync(Session session, EventType type)
    {
        var rules = new Rules();
        foreach (var e in type.Validate())
        {
            rules.Add(e.Field, e.Message);
        }

        var exists = await session.Connection.ExecuteScalarAsync<string?>(
            "SELECT code FROM event_types WHERE code = @Code", new { type.Code }, session.Transaction);
        rules.When(exists is not null, "code", "\"{0}\" is already in the vocabulary", type.Code);
        rules.ThrowIfAny();
        await session.Connection.ExecuteAsync(
            "INSERT INTO event_types (code, label, region, implies, builtin) VALUES (@Code, @Label, @Region, @Implies, 0)",
            new { type.Code, type.Label, Region = WireCode.Of(type.Region), Implies = type.Implies is { } s ? WireCode.Of(s) : null },
            session.Transaction);
    }
}
