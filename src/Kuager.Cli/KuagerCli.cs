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
        foreach (var command in new[]
                 {
                     ImportCommand.Create(console), ExportCommand.Create(console), StatsCommand.Create(console),
                     MigrateCommand.Create(console), ServeCommand.Create(console), HistoryCommand.Create(console), HistoryCommand.CreateUndo(console),
                     UserCommand.Create(console), TokenCommand.Create(console),
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

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (Exception e) when (e is StorageException or ValidationException or RevisionConflictException or NotFoundException or IOException or UnauthorizedAccessException)
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

    /// <summary>Opens the database named by --db and brings its schema up to date.</summary>
    public static async Task<Database> OpenAsync(string? db, CancellationToken ct)
    {
        var database = Database.Resolve(db);
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
