using System.CommandLine;
using System.Text.Json;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web;

namespace Kuager.Cli;

/// <summary>
/// `kuager user add NAME --role ROLE --password-stdin` and `kuager user list`. There is no default password: it is
/// read from standard input only (never an argument, which other users of the machine could see), hashed exactly as
/// the web's sign-in verifies it, and never printed.
/// </summary>
public static class UserCommand
{
    public static readonly string[] Roles = [WireCode.Of(Role.Admin), WireCode.Of(Role.Editor), WireCode.Of(Role.Researcher)];

    public static Command Create(CliConsole console)
    {
        var command = new Command("user", "Manage the people who sign in: add one, list them");
        command.Subcommands.Add(Add(console));
        command.Subcommands.Add(List(console));
        return command;
    }

    private static Command Add(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "The user name: letters, digits and . _ - @" };
        var role = new Option<string>("--role") { Description = "admin, editor or researcher", Required = true };
        role.AcceptOnlyFromAmong(Roles);
        var passwordStdin = new Option<bool>("--password-stdin") { Description = $"Read the password from standard input (at least {UserPasswords.MinimumLength} characters)" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("add", "Add a user; the password is read from standard input") { name, role, passwordStdin, db, json };
        command.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(passwordStdin))
            {
                await console.Error.WriteLineAsync("kuager: the password is read from standard input only: pass --password-stdin and pipe it in");
                return ExitCodes.Usage;
            }

            var password = await ReadPasswordAsync(console.In, ct);
            if (password is null)
            {
                await console.Error.WriteLineAsync("kuager: no password on standard input");
                return ExitCodes.Failed;
            }

            if (UserPasswords.Problem(password) is { } problem)
            {
                await console.Error.WriteLineAsync($"kuager: {problem}; the user was not added");
                return ExitCodes.Failed;
            }

            var userName = parse.GetValue(name)!;
            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var user = await Users.AddAsync(database, userName, WireCode.Parse<Role>(parse.GetValue(role)!), UserPasswords.Hash(userName, password), CommonOptions.Actor, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { id = user.Id, name = user.UserName, role = WireCode.Of(user.Role) }, CommonOptions.JsonOutput));
            }
            else
            {
                var twoFactor = user.Role is Role.Admin or Role.Editor ? "; they will set up an authenticator app at their first sign-in" : "";
                await console.Error.WriteLineAsync($"added {WireCode.Of(user.Role)} \"{user.UserName}\" (id {user.Id}){twoFactor}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the users, their roles and whether they use two-step verification") { db, json };
        command.SetAction(async (parse, ct) =>
        {
            var users = await Users.ListAsync(await CommonOptions.OpenAsync(parse.GetValue(db), ct), ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(
                    users.Select(u => new { id = u.Id, name = u.UserName, role = WireCode.Of(u.Role), two_factor = u.TwoFactorEnabled, disabled = u.Disabled }),
                    CommonOptions.JsonOutput));
                return ExitCodes.Ok;
            }

            foreach (var u in users)
            {
                await console.Out.WriteLineAsync(
                    $"{u.Id}\t{u.UserName}\t{WireCode.Of(u.Role)}\t{(u.TwoFactorEnabled ? "two-step on" : "two-step off")}{(u.Disabled ? "\tdisabled" : "")}");
            }

            if (users.Count == 0)
            {
                await console.Error.WriteLineAsync("no users yet: add one with kuager user add NAME --role ROLE --password-stdin");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The first line of standard input, without its line ending; null when there is none.</summary>
    private static async Task<string?> ReadPasswordAsync(TextReader input, CancellationToken ct)
    {
        var line = await input.ReadLineAsync(ct);
        return string.IsNullOrEmpty(line) ? null : line;
    }
}
