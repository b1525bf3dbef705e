using System.Diagnostics;
using System.Text;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Storage.Tests.Import;

namespace Kuager.Cli.Tests;

/// <summary>
/// The built `kuager` executable run as its own process, as the outside tools run it: the exit code the process
/// returns, and with --json nothing on stdout but the one JSON object (no banner, no progress, no log line).
/// </summary>
public sealed class ProcessContractTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_kuager_process_exits_0_1_or_2_and_prints_only_json_on_stdout(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var good = ImportFixtures.Write(db, "registry.csv", ImportFixtures.Registry);
        var bad = ImportFixtures.Write(db, "bad.csv", "external_id,name,gender\nP-011,Әлия Серікқызы,әйел\n");

        var imported = await RunKuagerAsync(db.WorkDirectory, "import", good, "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");
        var failed = await RunKuagerAsync(db.WorkDirectory, "import", bad, "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");
        var usage = await RunKuagerAsync(db.WorkDirectory, "frobnicate", "--db", db.Value, "--key-file", db.Database.KeyFile!);

        Assert.True(imported.ExitCode == 0, imported.ToString());
        var result = imported.SingleJsonObject();
        Assert.Equal(new[] { "imported", "updated", "errors" }, CliRun.Keys(result));
        Assert.Equal((3, 0, 0), (result.GetProperty("imported").GetInt32(), result.GetProperty("updated").GetInt32(), result.GetProperty("errors").GetArrayLength()));

        Assert.True(failed.ExitCode == 1, failed.ToString());
        var error = Assert.Single(failed.SingleJsonObject().GetProperty("errors").EnumerateArray());
        Assert.Equal(new[] { "row", "column", "message" }, CliRun.Keys(error));
        Assert.Equal((2, "gender"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Contains("\"әйел\" is not a gender", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.True(usage.ExitCode == 2, usage.ToString());
        Assert.Equal("", usage.Stdout);
        Assert.Equal(3, await db.RowsAsync("persons"));
    }

    /// <summary>`dotnet kuager.dll ARGS` with stdin, stdout and stderr redirected, from the test's own folder.</summary>
    internal static Task<CliRun> RunKuagerAsync(string workingDirectory, params string[] args) => RunKuagerAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>The same, with environment variables set for the child only.</summary>
    internal static async Task<CliRun> RunKuagerAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var kuager = Path.Combine(AppContext.BaseDirectory, "kuager.dll");
        Assert.True(File.Exists(kuager), $"{kuager} is missing: the test project should copy the kuager executable next to itself");
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(kuager);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The database is only ever the one given with --db.
        start.Environment.Remove("KUAGER_DB");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // Only a guard against a hung process, never a measure of speed.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"kuager {string.Join(' ', args)} did not finish");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The dotnet host running these tests, so the child uses the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}

