using System.Text.Json;

namespace Kuager.Cli.Tests;

/// <summary>What one run of the command printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs `kuager` in process, with its own stdout and stderr.</summary>
    public static async Task<CliRun> InProcessAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await KuagerCli.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    /// <summary>
    /// Stdout must be exactly one JSON object on one line and nothing else: no progress, no messages, no second
    /// document. Returns the object.
    /// </summary>
    public JsonElement SingleJsonObject()
    {
        var lines = Stdout.Split('\n');
        Assert.True(lines is [_, ""] && lines[0].Length > 0, $"stdout should be one line of JSON ending in a newline; the run was:\n{this}");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Stdout);
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"stdout is not one JSON document ({e.Message}); the run was:\n{this}");
        }

        using (document)
        {
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return document.RootElement.Clone();
        }
    }

    /// <summary>The property names of a JSON object, in order.</summary>
    public static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
