using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Tests.Security;

/// <summary>The instance key: created 0600, required, checked, and rotated with everything re-encrypted.</summary>
public sealed class KeyTests
{
    private const string Canary = "+7 701 555 0199 CANARY";
    private const string Editor = "editor-e";

    private static readonly Viewer EditorViewer = new(Editor, Role.Editor);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_key_file_is_created_on_first_start_readable_by_its_owner_only(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        Assert.True(File.Exists(db.Database.KeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(db.Database.KeyFile!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_missing_key_is_refused_naming_where_to_put_it(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.CreateAsync(Build.Person() with { ReporterContact = Canary }, Editor);
        File.Move(db.Database.KeyFile!, db.Database.KeyFile + ".away");

        var reopened = Database.From(db.Value);
        reopened.KeyFile = db.Database.KeyFile;
        var error = await Assert.ThrowsAsync<KeyException>(() => Migrator.MigrateAsync(reopened));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.Contains(db.Database.KeyFile!, error.Message, StringComparison.Ordinal);
        Assert.Contains(KeyRing.EnvironmentVariable, error.Message, StringComparison.Ordinal);

        // No new key was made in its place: the database still asks for the old one.
        Assert.False(File.Exists(db.Database.KeyFile));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_wrong_key_is_refused(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        File.Delete(db.Database.KeyFile!);
        KeyRing.WriteKeyFile(db.Database.KeyFile!, KeyRing.Generate());

        var reopened = Database.From(db.Value);
        reopened.KeyFile = db.Database.KeyFile;
        var error = await Assert.ThrowsAsync<KeyException>(() => Migrator.MigrateAsync(reopened));

        Assert.Contains("wrong", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rotation_re_encrypts_everything_and_the_old_key_opens_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var oldKey = db.Database.Keys;
        var created = await db.Store.CreateAsync(Build.Person() with { ReporterContact = Canary, Reporter = "R" }, Editor);
        var updated = await db.Store.UpdateAsync(created with { ReporterContact = "second CANARY", Notes = "secret NOTE", ConfidentialFields = ["notes"] }, Editor);
        var undoable = (await db.Store.HistoryAsync(RecordKind.Person, created.Id))[^1];
        long userId;
        await using (var connection = await db.Database.OpenAsync())
        {
            userId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO users (user_name, normalized_user_name, role, security_stamp, concurrency_stamp, created_at) " +
                "VALUES ('ed', 'ED', 'editor', 's', 'c', '2025-01-01T00:00:00Z') RETURNING id");
            await connection.ExecuteAsync("UPDATE users SET authenticator_key = @a, recovery_codes = @r WHERE id = @userId", new
            {
                a = oldKey.Seal("JBSWY3DPEHPK3PXP", $"user {userId} authenticator"),
                r = oldKey.Seal("code-1 code-2", $"user {userId} recovery"),
                userId,
            });
        }

        var result = await KeyRotation.RotateAsync(db.Database, "cli:test", null);

        Assert.Equal(oldKey.Id, result.OldKeyId);
        Assert.NotEqual(oldKey.Id, result.NewKeyId);
        Assert.True(result.Values >= 6, $"only {result.Values} values re-encrypted");
        Assert.Equal(db.Database.KeyFile, result.NewKeyFile);
        Assert.False(File.Exists(db.Database.KeyFile + ".new"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(db.Database.KeyFile!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(result.RetiredKeyFile!));
        Assert.Equal(oldKey.ToBase64(), KeyRing.FromEnvironmentOrFile(result.RetiredKeyFile!)!.ToBase64());

        await using (var connection = await db.Database.OpenAsync())
        {
            Assert.Equal(0, await KeyRotation.CountSealedWithAsync(connection, oldKey.Id));
            Assert.True(await KeyRotation.CountSealedWithAsync(connection, result.NewKeyId) == 4);
            var user = await connection.QuerySingleAsync<(string A, string R)>(
                "SELECT authenticator_key, recovery_codes FROM users WHERE id = @userId", new { userId });
            Assert.Equal("JBSWY3DPEHPK3PXP", db.Database.Keys.Unseal(user.A, $"user {userId} authenticator"));
            Assert.Throws<KeyException>(() => oldKey.Unseal(user.R, $"user {userId} recovery"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'key-rotated'"));
            var detail = await connection.ExecuteScalarAsync<string>("SELECT detail FROM audit_log WHERE action = 'key-rotated'");
            Assert.DoesNotContain(oldKey.ToBase64(), detail!, StringComparison.Ordinal);
        }

        Assert.Empty(await RawDatabase.FindAsync(db, "CANARY"));

        // A fresh start reads the new key file, and everything still opens.
        var reopened = Database.From(db.Value);
        reopened.KeyFile = db.Database.KeyFile;
        await Migrator.MigrateAsync(reopened);
        var store = new RecordStore(reopened);
        var read = await store.GetAsync<Person>(created.Id, EditorViewer);
        Assert.Equal("second CANARY", read!.ReporterContact);
        Assert.Equal("secret NOTE", read.Notes);
        var history = await store.HistoryAsync(RecordKind.Person, created.Id, EditorViewer);
        Assert.Equal($"\"{Canary}\"", history[0].Changes.Single(c => c.Field == "reporterContact").New);

        // Undo works across the rotation.
        await store.UndoAsync(undoable.Id, Editor);
        var undone = await store.GetAsync<Person>(created.Id, EditorViewer);
        Assert.Equal(Canary, undone!.ReporterContact);
        Assert.Empty(undone.ConfidentialFields);
        Assert.Equal(updated.Version + 1, undone.Version);

        // The old key no longer opens the database.
        var withOldKey = Database.From(db.Value);
        withOldKey.KeyFile = result.RetiredKeyFile;
        var error = await Assert.ThrowsAsync<KeyException>(() => Migrator.MigrateAsync(withOldKey));
        Assert.Contains("wrong", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rotation_that_fails_changes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var oldKey = db.Database.Keys;
        var created = await db.Store.CreateAsync(Build.Person() with { ReporterContact = Canary }, Editor);
        await using (var connection = await db.Database.OpenAsync())
        {
            // A damaged value part way through: the whole rotation must roll back.
            await connection.ExecuteAsync("UPDATE revisions SET changes = REPLACE(changes, @id, @bad)", new { id = oldKey.Id + ":", bad = oldKey.Id + ":AAAA" });
        }

        await Assert.ThrowsAsync<KeyException>(() => KeyRotation.RotateAsync(db.Database, "cli:test", null));

        Assert.Same(oldKey, db.Database.Keys);
        Assert.False(File.Exists(db.Database.KeyFile + ".new"));
        var reopened = Database.From(db.Value);
        reopened.KeyFile = db.Database.KeyFile;
        await Migrator.MigrateAsync(reopened);
        Assert.Equal(Canary, (await new RecordStore(reopened).GetAsync<Person>(created.Id, EditorViewer))!.ReporterContact);
    }

    private static UnixFileMode ModeOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("file modes are checked on Unix");
        }

        return File.GetUnixFileMode(path);
    }
}
