using System.CommandLine;
using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Cli;

/// <summary>
/// The `kuager` command: parses, dispatches to a feature's command, and turns failures into exit codes
/// (0 ok, 1 bad input or failed check, 2 usage error) and plain messages on stderr.
/// </summary>
public static class KuagerCli
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default) =>
        RunAsync(args, Console.In, stdout, stderr, ct);

    /// <summary>Runs with a given standard input (the password of `user add --password-stdin`).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var console = new CliConsole(stdout, stderr) { In = stdin };
        var root = new RootCommand("Kuager: the record of people detained or missing in Xinjiang and persecuted in Kazakhstan.");
        var keyFile = CommonOptions.KeyFile();
        root.Options.Add(keyFile);
        foreach (var command in new[]
                 {
                     ImportCommand.Create(console), ExportCommand.Create(console), StatsCommand.Create(console),
                     MigrateCommand.Create(console), ServeCommand.Create(console), HistoryCommand.Create(console), HistoryCommand.CreateUndo(console),
                     AuditCommand.Create(console), BackupCommand.Create(console), BackupCommand.CreateRestore(console),
                     KeyCommand.Create(console), SearchCommand.Create(console), DuplicatesCommand.Create(console), IngestCommand.Create(console),
                     MergeCommand.CreateMerge(console), MergeCommand.CreateUnmerge(console),
                     UserCommand.Create(console), TokenCommand.Create(console), SeatsCommand.Create(console),
                 })
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"kuager: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'kuager --help' for usage.");
            return ExitCodes.Usage;
        }

        // Read here once for every command: each opens its database through CommonOptions.OpenAsync.
        CommonOptions.KeyFileValue.Value = parse.GetValue(keyFile);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (Exception e) when (e is StorageException or KeyException or ValidationException or RevisionConflictException or NotFoundException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"kuager: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No stack trace and no values: the type says where to look, without printing data that may be confidential.
            await stderr.WriteLineAsync($"kuager: unexpected {e.GetType().Name}; nothing was changed by the failed step");
            return ExitCodes.Failed;
        }
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}

/// <summary>Where a command writes: results on stdout (JSON only, with --json), everything for people on stderr.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>Standard input, read only by commands that say so (a password with --password-stdin).</summary>
    public TextReader In { get; init; } = Console.In;

    /// <summary>Progress bars only when a person is watching a terminal, never into pipes or JSON.</summary>
    public bool Interactive => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;
}

/// <summary>Options every command shares.</summary>
public static class CommonOptions
{
    public static Option<string?> Db() => new("--db")
    {
        Description = "SQLite file or PostgreSQL connection string (Host=...;Database=...). Default: KUAGER_DB, then ./data/kuager.db",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON on stdout" };

    /// <summary>--key-file, on every command (it applies to whichever database the command opens).</summary>
    public static Option<string?> KeyFile() => new("--key-file")
    {
        Description = $"The encryption key file. Default: {KeyRing.EnvironmentVariable} (the key itself), then {KeyRing.FileVariable}, then {KeyRing.FileName} beside the SQLite file (./data for PostgreSQL)",
        Recursive = true,
    };

    /// <summary>The --key-file of the run in progress (runs in one process, as in tests, each keep their own).</summary>
    public static AsyncLocal<string?> KeyFileValue { get; } = new();

    /// <summary>The database named by --db, with the key file of --key-file when given; not opened yet.</summary>
    public static Database Resolve(string? db)
    {
        var database = Database.Resolve(db);
        if (KeyFileValue.Value is { Length: > 0 } keyFile)
        {
            database.KeyFile = Path.GetFullPath(keyFile);
        }

        return database;
    }

    /// <summary>Opens the database named by --db, brings its schema up to date and loads its key (a missing or wrong key is a <see cref="KeyException"/>).</summary>
    public static async Task<Database> OpenAsync(string? db, CancellationToken ct)
    {
        var database = Resolve(db);
        await Migrator.MigrateAsync(database, ct);
        return database;
    }

    /// <summary>Readable UTF-8 JSON: names in Cyrillic or Arabic script stay legible in the output.</summary>
    public static System.Text.Json.JsonSerializerOptions JsonOutput { get; } = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Actor => $"cli:{Environment.UserName}";
}
