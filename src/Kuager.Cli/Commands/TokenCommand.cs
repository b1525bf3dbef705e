using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kuager.Storage;

namespace Kuager.Cli;

/// <summary>
/// API tokens: `kuager token create --user NAME --json` prints {"token": "kgr_..."} (shown once, stored only as its
/// SHA-256), `kuager token list` (never the token), `kuager token revoke ID`.
/// </summary>
public static class TokenCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("token", "API tokens for Authorization: Bearer: create, list, revoke");
        command.Subcommands.Add(CreateToken(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Revoke(console));
        return command;
    }

    private static Command CreateToken(CliConsole console)
    {
        var user = new Option<string>("--user") { Description = "The user the token acts as, with that user's role", Required = true };
        var days = new Option<int>("--expires-days") { Description = "Days until the token expires", DefaultValueFactory = _ => 90 };
        days.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 3650)
            {
                r.AddError("--expires-days must be between 1 and 3650");
            }
        });
        var name = new Option<string?>("--name") { Description = "What the token is for, to recognise it in the list" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("create", "Create an API token; it is printed once and never again") { user, days, name, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var lifetime = TimeSpan.FromDays(parse.GetValue(days));
            var created = await ApiTokens.CreateAsync(database, parse.GetValue(user)!, lifetime, parse.GetValue(name) ?? "", CommonOptions.Actor, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { token = created.Token }, CommonOptions.JsonOutput));
            }
            else
            {
                await console.Out.WriteLineAsync(created.Token);
                await console.Error.WriteLineAsync(
                    $"token {created.Id} for \"{parse.GetValue(user)}\" expires on {created.ExpiresAt.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture)} " +
                    $"(in {parse.GetValue(days)} days); it will not be shown again");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var user = new Option<string?>("--user") { Description = "Only this user's tokens" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("list", "List API tokens: id, user, name, dates and state (never the token itself)") { user, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var tokens = await ApiTokens.ListAsync(await CommonOptions.OpenAsync(parse.GetValue(db), ct), parse.GetValue(user), ct);
            var now = DateTimeOffset.UtcNow;
            string State(ApiTokenInfo t) => t.RevokedAt is not null ? "revoked" : t.ExpiresAt <= now ? "expired" : "active";
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(tokens.Select(t => new
                {
                    id = t.Id,
                    user = t.UserName,
                    name = t.Name,
                    created_at = t.CreatedAt,
                    expires_at = t.ExpiresAt,
                    revoked_at = t.RevokedAt,
                    last_used_at = t.LastUsedAt,
                    state = State(t),
                }), CommonOptions.JsonOutput));
                return ExitCodes.Ok;
            }

            foreach (var t in tokens)
            {
                await console.Out.WriteLineAsync(
                    $"{t.Id}\t{t.UserName}\t{State(t)}\texpires {t.ExpiresAt.UtcDateTime:yyyy-MM-dd}\t{(t.LastUsedAt is { } used ? $"last used {used.UtcDateTime:yyyy-MM-dd HH:mm}" : "never used")}\t{t.Name}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CliConsole console)
    {
        var id = new Argument<long>("id") { Description = "The token's id (see kuager token list)" };
        var db = CommonOptions.Db();
        var command = new Command("revoke", "Revoke an API token at once") { id, db };
        command.SetAction(async (parse, ct) =>
        {
            var tokenId = parse.GetValue(id);
            if (!await ApiTokens.RevokeAsync(await CommonOptions.OpenAsync(parse.GetValue(db), ct), tokenId, CommonOptions.Actor, ct))
            {
                await console.Error.WriteLineAsync($"kuager: there is no active token {tokenId}");
                return ExitCodes.Failed;
            }

            await console.Error.WriteLineAsync($"revoked token {tokenId}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
