using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Tests.Backup;

/// <summary>Databases with a little of everything, and backups and restores of them in memory, for the backup and CLI tests.</summary>
public static class BackupFixtures
{
    public const string ContactCanary = "canary-contact-7f3a9c@example.org";
    public const string SecretCanary = "CANARYTOTPSECRET7F3A9C";

    public static TheoryData<Provider, Provider> Pairs => new()
    {
        { Provider.Sqlite, Provider.Sqlite },
        { Provider.Postgres, Provider.Postgres },
        { Provider.Sqlite, Provider.Postgres },
        { Provider.Postgres, Provider.Sqlite },
    };

    /// <summary>A little of everything: nested places (a parent made after its child), a person with a reporter's contact, events, citations, an undo, an account with a token and a sealed secret.</summary>
    public static async Task PopulateAsync(TestDatabase db)
    {
        const string editor = "editor";
        var ili = await db.Store.CreateAsync(Build.Place("Ili"), editor);
        var xinjiang = await db.Store.CreateAsync(Build.Place("Xinjiang"), editor);
        ili = await db.Store.UpdateAsync(ili with { ParentId = xinjiang.Id }, editor);
        await db.Store.CreateAsync(Build.Place("Gulja", ili.Id), editor);
        var person = await db.Store.CreateAsync(Build.Person() with { HometownId = ili.Id, Reporter = "A relative", ReporterContact = ContactCanary }, editor);
        await db.Store.CreateAsync(Build.Event("detained", person.Id, FuzzyDate.InYear(2018)), editor);
        var source = await db.Store.CreateAsync(Build.Source(), editor);
        await db.Store.CreateAsync(new Citation { SourceId = source.Id, TargetKind = RecordKind.Person, TargetId = person.Id, Level = EvidenceLevel.SecondHand }, editor);
        var changed = await db.Store.UpdateAsync(person with { Notes = "changed" }, editor);
        var revision = (await db.Store.HistoryAsync(RecordKind.Person, person.Id, Viewer.Operator("test"))).First(r => r.Version == changed.Version);
        await db.Store.UndoAsync(revision.Id, editor);

        var user = await Users.AddAsync(db.Database, "amina", Role.Editor, "not-a-real-hash", "admin");
        await ApiTokens.CreateAsync(db.Database, "amina", TimeSpan.FromDays(30), "laptop", "admin");
        await using var connection = await db.Database.OpenAsync();
        await connection.ExecuteAsync("UPDATE users SET authenticator_key = @key WHERE id = @Id",
            new { key = db.Database.Keys.Seal(SecretCanary, $"user {user.Id} authenticator"), user.Id });
    }

    public static async Task<TestDatabase> EmptyTargetFor(TestDatabase source, Provider provider)
    {
        var target = await TestDatabase.CreateAsync(provider, migrate: false);
        File.Copy(KeyRing.KeyFileOf(source.Database), target.Database.KeyFile!);
        return target;
    }

    public static async Task<byte[]> BackupAsync(TestDatabase db)
    {
        using var stream = new MemoryStream();
        await Backups.WriteAsync(db.Database, stream, "admin");
        return stream.ToArray();
    }

    public static async Task<BackupSummary> RestoreAsync(byte[] backup, TestDatabase target)
    {
        using var stream = new MemoryStream(backup);
        return await Backups.RestoreAsync(stream, target.Database, "admin");
    }

    public static string Text(byte[] backup)
    {
        using var gzip = new GZipStream(new MemoryStream(backup), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Every table's rows as sorted text, values written the same way on both providers; audit entries of the backup and restore themselves and the head that moves with them are left out.</summary>
    public static async Task<SortedDictionary<string, List<string>>> DumpAsync(TestDatabase db)
    {
        await using var connection = await db.Database.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var tables = await SchemaTables.ReadAsync(connection, tx);
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var filter = table.Name switch
            {
                "audit_log" => " WHERE action NOT IN ('backup', 'restored')",
                "settings" => " WHERE name <> 'audit_head'",
                _ => "",
            };
            var rows = new List<string>();
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => $"\"{c}\""))} FROM \"{table.Name}\"{filter}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            dump[table.Name] = rows;
        }

        return dump;
    }

    public static async Task<long> MaxIdAsync(TestDatabase db, string table)
    {
        await using var connection = await db.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT MAX(id) FROM {table}");
    }
}
