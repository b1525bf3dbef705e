using System.Security.Cryptography;
using System.Text;
using Dapper;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage.Search;

/// <summary>
/// The persisted name index (table name_parts): written with every save of a person, in the same transaction, and
/// recomputed from the stored names when the name library's keys change. Every write also appends to name_changes,
/// from which running in-memory indexes catch up.
/// </summary>
internal static class NameParts
{
    private const string FingerprintSetting = "names.fingerprint";

    /// <summary>A row of name_parts.</summary>
    public readonly record struct Row(long PersonId, int Position, int Ordinal, string Latin, string Key, string? Root, string? Alt);

    /// <summary>The rows of one person's names.</summary>
    public static IEnumerable<Row> Of(long personId, IReadOnlyList<PersonName> names) =>
        names.SelectMany((name, position) => Of(personId, position, name.Text, name.Script));

    /// <summary>The rows of one name.</summary>
    private static IEnumerable<Row> Of(long personId, int position, string text, Script script) =>
        NameKeys.Of(text, script).Parts.Select((part, ordinal) => new Row(personId, position, ordinal, part.Latin, part.Key, part.Root, AltOf(part)));

    /// <summary>The part a stored row stands for (the index needs only the spellings and keys).</summary>
    public static NamePart Part(string latin, string key, string? root, string? alt) =>
        WithAlt(new NamePart(latin, latin, key, root, latin.Length == 1), alt);

    private static string? AltOf(NamePart part) => part.Alt;

    private static NamePart WithAlt(NamePart part, string? alt) => alt is null ? part : part with { Alt = alt };

    /// <summary>Rewrites a person's rows and records the change.</summary>
    public static async Task WriteAsync(Session session, long personId, IReadOnlyList<PersonName> names)
    {
        await session.Connection.ExecuteAsync("DELETE FROM name_parts WHERE person_id = @personId", new { personId }, session.Transaction);
        await session.Connection.ExecuteAsync(
            "INSERT INTO name_parts (person_id, position, ordinal, latin, name_key, root, alt) VALUES (@PersonId, @Position, @Ordinal, @Latin, @Key, @Root, @Alt)",
            Of(personId, names).ToList(), session.Transaction);
        await ChangedAsync(session, personId);
    }

    /// <summary>Tells running indexes that a person changed (deleted, restored, made more or less confidential).</summary>
    public static Task ChangedAsync(Session session, long personId) =>
        session.Connection.ExecuteAsync("INSERT INTO name_changes (person_id) VALUES (@personId)", new { personId }, session.Transaction);

    /// <summary>
    /// A digest of the keys the name library gives a fixed set of names in every script: when the library changes
    /// what it computes, the digest changes and the stored rows are recomputed (<see cref="EnsureCurrentAsync"/>).
    /// </summary>
    public static string Fingerprint { get; } = ComputeFingerprint();

    private static string ComputeFingerprint()
    {
        string[] samples =
        [
            "Тоқаев Қасым-Жомарт Кемелұлы", "Tokayev", "Toqaev", "Nazarbayev", "Назарбаев Нурсултан Абишевич",
            "Ilham Tohti", "ئىلھام توختى", "伊力哈木·土赫提", "Ilham Toxti", "Жевһер Илһам", "Kunbolatuly", "Kunbolatqyzy",
            "Sairagül Sauytbai", "Sayragul Sauytbay", "Сайрагүл Сауытбай", "Äbdiläziz Ğabit", "Qaisha Aqan", "买买提·吐尔逊",
            "Dinigeer Yilamujiang", "A. Tursun", "Ürümchi", "Shinjang", "Gulja", "Ғұлжа", "Memet Imin", "Mehmet Emin", "Ye. Kozhakhmetov", "Abdu Reshit", "Мәһирниса Измәт", "Әлия Серікқызы",
        ];
        var sb = new StringBuilder();
        foreach (var sample in samples)
        {
            foreach (var p in NameKeys.Of(sample).Parts)
                sb.Append(p.Latin).Append('|').Append(p.Key).Append('|').Append(p.Root).Append('|').Append(AltOf(p)).Append('|').Append(p.IsInitial).Append(';');
            sb.Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }

    /// <summary>Recomputes every row when they were made by another version of the name library (or never made).</summary>
    public static async Task<bool> EnsureCurrentAsync(Database db, CancellationToken ct = default)
    {
        await using (var c = await db.OpenAsync(ct))
        {
            var stored = await c.ExecuteScalarAsync<string?>("SELECT value FROM settings WHERE name = @FingerprintSetting", new { FingerprintSetting });
            if (stored == Fingerprint)
                return false;
        }

        await RebuildAsync(db, ct);
        return true;
    }

    /// <summary>Recomputes name_parts for every person from person_names, in one transaction.</summary>
    public static async Task RebuildAsync(Database db, CancellationToken ct = default)
    {
        await using var session = await Session.BeginAsync(db, "kuager", ct);
        var c = session.Connection;
        if (db.Provider == Provider.Sqlite)
        {
            // Millions of rows in one transaction: SQLite's default 2 MB page cache would spill and re-read the
            // write-ahead log page by page (hours for a million people); set back below (connections are pooled).
            await c.ExecuteAsync("PRAGMA cache_size = -262144", transaction: session.Transaction);
        }

        // The rows go into a new table, written in key order, which then takes the old one's place, and the index on
        // the phonetic key is built once at the end by sorting. Deleting ten million rows first and inserting into
        // the pages they freed would make SQLite search its free-page list for every new page.
        var bigint = db.Provider == Provider.Sqlite ? "INTEGER" : "BIGINT";
        await c.ExecuteAsync(
            $"CREATE TABLE name_parts_rebuilt (person_id {bigint} NOT NULL REFERENCES persons(id), position INTEGER NOT NULL, " +
            "ordinal INTEGER NOT NULL, latin TEXT NOT NULL, name_key TEXT NOT NULL, root TEXT NULL, alt TEXT NULL, " +
            "PRIMARY KEY (person_id, position, ordinal))", transaction: session.Transaction);
        using (var bulk = BulkTable.Create(session, "name_parts_rebuilt",
            ("person_id", BulkType.Int64), ("position", BulkType.Int32), ("ordinal", BulkType.Int32), ("latin", BulkType.Text),
            ("name_key", BulkType.Text), ("root", BulkType.Text), ("alt", BulkType.Text)))
        {
            var names = await c.QueryAsync<(long PersonId, int Position, string Text, string Script)>(
                "SELECT person_id, position, text, script FROM person_names ORDER BY person_id, position", transaction: session.Transaction);
            var count = 0;
            foreach (var n in names)
            {
                var script = Scripts.TryParse(n.Script, out var s) ? s : ScriptDetector.Detect(n.Text);
                foreach (var row in Of(n.PersonId, n.Position, n.Text, script))
                    bulk.Add(row.PersonId, row.Position, row.Ordinal, row.Latin, row.Key, row.Root, row.Alt);

                if (++count % 20_000 == 0)
                    await bulk.FlushAsync();
            }

            await bulk.FlushAsync();
        }

        await c.ExecuteAsync("DROP TABLE name_parts", transaction: session.Transaction);
        await c.ExecuteAsync("ALTER TABLE name_parts_rebuilt RENAME TO name_parts", transaction: session.Transaction);
        await c.ExecuteAsync("CREATE INDEX ix_name_parts_key ON name_parts(name_key)", transaction: session.Transaction);
        if (db.Provider == Provider.Sqlite)
            await c.ExecuteAsync("PRAGMA cache_size = -2000", transaction: session.Transaction);

        // Running indexes reload everything; an empty registry (a new database, a restore target) has nothing to announce.
        if (await c.ExecuteScalarAsync<long?>("SELECT MIN(person_id) FROM person_names", transaction: session.Transaction) is not null)
            await ChangedAsync(session, 0);
        var updated = await c.ExecuteAsync("UPDATE settings SET value = @Fingerprint WHERE name = @FingerprintSetting",
            new { Fingerprint, FingerprintSetting }, session.Transaction);
        if (updated == 0)
        {
            await c.ExecuteAsync("INSERT INTO settings (name, value) VALUES (@FingerprintSetting, @Fingerprint)",
                new { Fingerprint, FingerprintSetting }, session.Transaction);
        }

        await session.CommitAsync(ct);
    }
}
