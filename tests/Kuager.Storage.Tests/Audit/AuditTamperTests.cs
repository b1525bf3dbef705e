using Dapper;

namespace Kuager.Storage.Tests.Audit;

/// <summary>
/// Each kind of tampering with the audit log, done the way someone with write access to the database would do it,
/// is caught by <see cref="AuditLog.VerifyAsync"/> at the right entry, on both providers.
/// </summary>
public sealed class AuditTamperTests
{
    private static readonly string[] Columns = ["at", "actor", "action", "target", "detail", "prev_hash", "hash", "signature"];

    /// <summary>A log of five entries: 1..5.</summary>
    internal static async Task<TestDatabase> WithLogAsync(Provider provider, int entries = 5)
    {
        var db = await TestDatabase.CreateAsync(provider);
        for (var i = 1; i <= entries; i++)
        {
            await AuditLog.AppendAsync(db.Database, $"editor{i}", AuditActions.Update, $"person {i}", $"fields name, notes ({i})");
        }

        return db;
    }

    private static async Task ExecuteAsync(TestDatabase db, string sql, object? args = null)
    {
        await using var connection = await db.Database.OpenAsync();
        await connection.ExecuteAsync(sql, args);
    }

    private static async Task<Row> RowAsync(TestDatabase db, long seq)
    {
        await using var connection = await db.Database.OpenAsync();
        return await connection.QuerySingleAsync<Row>(
            "SELECT seq AS Seq, at AS At, actor AS Actor, action AS Action, target AS Target, detail AS Detail, prev_hash AS PrevHash, hash AS Hash, signature AS Signature FROM audit_log WHERE seq = @seq",
            new { seq });
    }

    private static async Task InsertAsync(TestDatabase db, Row row) =>
        await ExecuteAsync(db,
            "INSERT INTO audit_log (seq, at, actor, action, target, detail, prev_hash, hash, signature) VALUES (@Seq, @At, @Actor, @Action, @Target, @Detail, @PrevHash, @Hash, @Signature)",
            row);

    /// <summary>An entry forged by someone who knows the hash recipe but not the instance key.</summary>
    private static Row Forge(long seq, string prev, string actor) =>
        new(seq, "2025-01-01T00:00:00.0000000Z", actor, AuditActions.Read, "person 1", null, prev,
            AuditLog.HashOf(prev, seq, "2025-01-01T00:00:00.0000000Z", actor, AuditActions.Read, "person 1", null), new string('a', 64));

    private static async Task AssertBadAsync(TestDatabase db, long entries, long firstBad)
    {
        var result = await AuditLog.VerifyAsync(db.Database);
        Assert.False(result.Ok, "tampering went unnoticed");
        Assert.Equal((entries, (long?)firstBad), (result.Entries, result.FirstBad));
        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_untouched_log_verifies_with_its_entry_count(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        Assert.Equal(new AuditVerification(true, 5, null, null), await AuditLog.VerifyAsync(db.Database));

        // Entries written by a record change in a session chain on from there.
        await db.Store.CreateAsync(Build.Person(), "editor6");
        Assert.Equal(new AuditVerification(true, 6, null, null), await AuditLog.VerifyAsync(db.Database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_empty_log_verifies(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(new AuditVerification(true, 0, null, null), await AuditLog.VerifyAsync(db.Database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changing_any_column_of_an_entry_is_caught_at_that_entry(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        foreach (var column in Columns)
        {
            await ExecuteAsync(db, $"UPDATE audit_log SET {column} = {column} || 'x' WHERE seq = 3");
            await AssertBadAsync(db, 5, 3);
            await ExecuteAsync(db, $"UPDATE audit_log SET {column} = substr({column}, 1, length({column}) - 1) WHERE seq = 3");
            Assert.True((await AuditLog.VerifyAsync(db.Database)).Ok, $"the log should be whole again after undoing the change to {column}");
        }

        // A null where there was a value is a change too.
        await ExecuteAsync(db, "UPDATE audit_log SET target = NULL WHERE seq = 2");
        await AssertBadAsync(db, 5, 2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_change_with_every_later_hash_recomputed_is_caught_at_the_changed_entry(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        var prev = (await RowAsync(db, 2)).Hash;
        for (long seq = 3; seq <= 5; seq++)
        {
            var row = await RowAsync(db, seq);
            var actor = seq == 3 ? "someone-else" : row.Actor;
            var hash = AuditLog.HashOf(prev, seq, row.At, actor, row.Action, row.Target, row.Detail);
            await ExecuteAsync(db, "UPDATE audit_log SET actor = @actor, prev_hash = @prev, hash = @hash WHERE seq = @seq", new { actor, prev, hash, seq });
            prev = hash;
        }

        await AssertBadAsync(db, 5, 3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_an_entry_in_the_middle_is_caught_at_the_missing_seq(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        await ExecuteAsync(db, "DELETE FROM audit_log WHERE seq = 3");
        await AssertBadAsync(db, 4, 3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_an_entry_and_renumbering_the_rest_is_caught_where_the_gap_was(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        await ExecuteAsync(db, "DELETE FROM audit_log WHERE seq = 3");
        await ExecuteAsync(db, "UPDATE audit_log SET seq = 3 WHERE seq = 4");
        await ExecuteAsync(db, "UPDATE audit_log SET seq = 4 WHERE seq = 5");
        await AssertBadAsync(db, 4, 3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_the_last_entry_is_caught_by_the_signed_head(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        await ExecuteAsync(db, "DELETE FROM audit_log WHERE seq = 5");
        await AssertBadAsync(db, 4, 5);

        await ExecuteAsync(db, "DELETE FROM audit_log WHERE seq >= 3");
        await AssertBadAsync(db, 2, 3);

        await ExecuteAsync(db, "DELETE FROM audit_log");
        await AssertBadAsync(db, 0, 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_or_forging_the_head_is_caught(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        string head;
        await using (var connection = await db.Database.OpenAsync())
        {
            head = await connection.ExecuteScalarAsync<string>("SELECT value FROM settings WHERE name = 'audit_head'") ?? "";
        }

        Assert.StartsWith("5 ", head, StringComparison.Ordinal);

        // The last entry deleted and the head moved back to the one before, without the key to sign it.
        var fourth = await RowAsync(db, 4);
        await ExecuteAsync(db, "DELETE FROM audit_log WHERE seq = 5");
        await ExecuteAsync(db, "UPDATE settings SET value = @value WHERE name = 'audit_head'", new { value = $"4 {fourth.Hash} {head.Split(' ')[2]}" });
        await AssertBadAsync(db, 4, 4);

        await ExecuteAsync(db, "DELETE FROM settings WHERE name = 'audit_head'");
        await AssertBadAsync(db, 4, 4);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Inserting_an_entry_in_the_middle_is_caught_at_the_inserted_entry(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        for (long seq = 5; seq >= 3; seq--)
        {
            await ExecuteAsync(db, "UPDATE audit_log SET seq = @to WHERE seq = @seq", new { seq, to = seq + 1 });
        }

        // A forged entry with a correct hash and previous hash: only its signature gives it away.
        await InsertAsync(db, Forge(3, (await RowAsync(db, 2)).Hash, "intruder"));
        await AssertBadAsync(db, 6, 3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Inserting_an_entry_at_the_end_is_caught_at_the_inserted_entry(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        var forged = Forge(6, (await RowAsync(db, 5)).Hash, "intruder");
        await InsertAsync(db, forged);
        await AssertBadAsync(db, 6, 6);

        // Even with the signature copied from a real entry.
        await ExecuteAsync(db, "UPDATE audit_log SET signature = @signature WHERE seq = 6", new { signature = (await RowAsync(db, 5)).Signature });
        await AssertBadAsync(db, 6, 6);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Swapping_the_contents_of_two_entries_is_caught_at_the_first_of_them(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        var (third, fourth) = (await RowAsync(db, 3), await RowAsync(db, 4));
        const string update = "UPDATE audit_log SET at = @At, actor = @Actor, action = @Action, target = @Target, detail = @Detail, prev_hash = @PrevHash, hash = @Hash, signature = @Signature WHERE seq = @Seq";
        await ExecuteAsync(db, update, fourth with { Seq = 3 });
        await ExecuteAsync(db, update, third with { Seq = 4 });
        await AssertBadAsync(db, 5, 3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Swapping_the_seq_of_two_entries_is_caught_at_the_first_of_them(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        await ExecuteAsync(db, "UPDATE audit_log SET seq = -1 WHERE seq = 2");
        await ExecuteAsync(db, "UPDATE audit_log SET seq = 2 WHERE seq = 4");
        await ExecuteAsync(db, "UPDATE audit_log SET seq = 4 WHERE seq = -1");
        await AssertBadAsync(db, 5, 2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task After_a_key_rotation_the_resigned_log_verifies_and_earlier_tampering_stays_visible(Provider provider)
    {
        await using var db = await WithLogAsync(provider);
        var old = db.Database.Keys;
        var fresh = KeyRing.Generate();

        await using (var connection = await db.Database.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            Assert.Equal(5, await AuditLog.ResignHeadAsync(connection, tx, fresh, old));
            await tx.CommitAsync();
        }

        db.Database.UseKeys(fresh);
        Assert.Equal(new AuditVerification(true, 5, null, null), await AuditLog.VerifyAsync(db.Database));
        await AuditLog.AppendAsync(db.Database, "admin", AuditActions.KeyRotated, null, null);
        Assert.True((await AuditLog.VerifyAsync(db.Database)).Ok);

        // A forged entry is not blessed by the next rotation when the key it replaces is given.
        await InsertAsync(db, Forge(7, (await RowAsync(db, 6)).Hash, "intruder"));
        var newer = KeyRing.Generate();
        await using (var connection = await db.Database.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            Assert.Equal(6, await AuditLog.ResignHeadAsync(connection, tx, newer, fresh));
            await tx.CommitAsync();
        }

        db.Database.UseKeys(newer);
        await AssertBadAsync(db, 7, 7);
    }

    internal sealed record Row(long Seq, string At, string Actor, string Action, string? Target, string? Detail, string PrevHash, string Hash, string? Signature);
}
