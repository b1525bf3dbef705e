using System.CommandLine;
using System.Text.Json;
using Kuager.Storage;

namespace Kuager.Cli;

/// <summary>`kuager key rotate`: a new encryption key, everything sealed re-encrypted under it in one transaction.</summary>
public static class KeyCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("key", "Manage the encryption key of confidential fields");
        command.Subcommands.Add(CreateRotate(console));
        return command;
    }

    private static Command CreateRotate(CliConsole console)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var output = new Option<FileInfo?>("--out")
        {
            Description = $"Write the new key to this new file (0600) and leave the key file alone; required when {KeyRing.EnvironmentVariable} holds the key",
        };
        var command = new Command("rotate",
            "Generate a new key and re-encrypt every sealed value with it in one transaction; the key file is replaced and the old key kept as kuager.key.retired-<id>")
        {
            db, output, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var result = await KeyRotation.RotateAsync(database, CommonOptions.Actor, parse.GetValue(output)?.FullName, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(
                    new
                    {
                        old_key = result.OldKeyId,
                        new_key = result.NewKeyId,
                        values = result.Values,
                        key_file = result.NewKeyFile,
                        retired_key_file = result.RetiredKeyFile,
                    },
                    CommonOptions.JsonOutput));
            }

            await console.Error.WriteLineAsync($"rotated the key of {database.Display}: {result.OldKeyId} to {result.NewKeyId}, {result.Values} sealed values re-encrypted");
            await console.Error.WriteLineAsync(result.RetiredKeyFile is { } retired
                ? $"the new key is in {result.NewKeyFile}; the old key is kept in {retired} (0600) for backups made before now: delete it when they are gone"
                : $"the new key is in {result.NewKeyFile} (0600): put it in {KeyRing.EnvironmentVariable} before the next start; the old key no longer opens {database.Display}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
