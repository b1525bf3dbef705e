using System.Text.Json;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Microsoft.AspNetCore.Identity;
using static Kuager.Cli.Tests.CliRun;

namespace Kuager.Cli.Tests;

/// <summary>`kuager user` and `kuager token`: passwords only from stdin and never printed, the token JSON contract, revocation.</summary>
public sealed class AccountCommandTests
{
    private const string Password = "a long enough passphrase";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task User_add_reads_the_password_from_stdin_hashes_it_as_the_web_does_and_never_prints_it(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var added = await WithInputAsync(Password + "\n", "user", "add", "erlan", "--role", "editor", "--password-stdin", "--db", db.Value, "--key-file", db.Database.KeyFile!);

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.DoesNotContain(Password, added.Stdout + added.Stderr);
        var user = await Users.FindAsync(db.Database, "erlan");
        Assert.Equal(Role.Editor, user?.Role);
        await using var connection = await db.Database.OpenAsync();
        var hash = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT password_hash FROM users WHERE user_name = 'erlan'");
        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<Kuager.Web.KuagerUser>().VerifyHashedPassword(new Kuager.Web.KuagerUser(), hash!, Password));

        var list = await InProcessAsync("user", "list", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        using var users = JsonDocument.Parse(list.Stdout);
        var only = Assert.Single(users.RootElement.EnumerateArray());
        Assert.Equal(["id", "name", "role", "two_factor", "disabled"], Keys(only));
        Assert.Equal(("erlan", "editor", false), (only.GetProperty("name").GetString(), only.GetProperty("role").GetString(), only.GetProperty("two_factor").GetBoolean()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task User_add_refuses_weak_passwords_passwords_in_arguments_unknown_roles_and_duplicates(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var weak = await WithInputAsync("short1\n", "user", "add", "rosa", "--role", "researcher", "--password-stdin", "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(weak.ExitCode == 1, weak.ToString());
        Assert.Contains("at least 12 characters", weak.Stderr);
        Assert.DoesNotContain("short1", weak.Stdout + weak.Stderr);

        var noFlag = await WithInputAsync(Password + "\n", "user", "add", "rosa", "--role", "researcher", "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(noFlag.ExitCode == 2, noFlag.ToString());
        var asArgument = await WithInputAsync("", "user", "add", "rosa", "--role", "researcher", "--password", Password, "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(asArgument.ExitCode == 2, asArgument.ToString());
        var badRole = await WithInputAsync(Password + "\n", "user", "add", "rosa", "--role", "visitor", "--password-stdin", "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(badRole.ExitCode == 2, badRole.ToString());
        var empty = await WithInputAsync("", "user", "add", "rosa", "--role", "researcher", "--password-stdin", "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(empty.ExitCode == 1, empty.ToString());
        Assert.Empty(await Users.ListAsync(db.Database));

        Assert.Equal(0, (await WithInputAsync(Password, "user", "add", "rosa", "--role", "researcher", "--password-stdin", "--db", db.Value, "--key-file", db.Database.KeyFile!)).ExitCode);
        var twice = await WithInputAsync(Password, "user", "add", "ROSA", "--role", "admin", "--password-stdin", "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(twice.ExitCode == 1, twice.ToString());
        Assert.Contains("already a user", twice.Stderr);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Token_create_json_prints_exactly_the_token_which_authenticates_until_revoked(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await WithInputAsync(Password, "user", "add", "erlan", "--role", "editor", "--password-stdin", "--db", db.Value, "--key-file", db.Database.KeyFile!)).ExitCode);

        var created = await InProcessAsync("token", "create", "--user", "erlan", "--json", "--db", db.Value, "--key-file", db.Database.KeyFile!);

        Assert.True(created.ExitCode == 0, created.ToString());
        var result = created.SingleJsonObject();
        Assert.Equal(["token"], Keys(result));
        var token = result.GetProperty("token").GetString()!;
        Assert.StartsWith("kgr_", token);
        Assert.Equal("", created.Stderr);
        var found = await ApiTokens.AuthenticateAsync(db.Database, token);
        Assert.Equal(("erlan", Role.Editor), (found?.User.UserName, found?.User.Role));
        var info = Assert.Single(await ApiTokens.ListAsync(db.Database, "erlan"));
        Assert.InRange(info.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(89.9), TimeSpan.FromDays(90));

        var list = await InProcessAsync("token", "list", "--json", "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.DoesNotContain(token, list.Stdout);
        Assert.DoesNotContain(ApiTokens.HashOf(token), list.Stdout);
        using (var listed = JsonDocument.Parse(list.Stdout))
        {
            Assert.Equal("active", listed.RootElement[0].GetProperty("state").GetString());
        }

        var revoke = await InProcessAsync("token", "revoke", info.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        Assert.Null(await ApiTokens.AuthenticateAsync(db.Database, token));
        var again = await InProcessAsync("token", "revoke", info.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("revoked", (await InProcessAsync("token", "list", "--db", db.Value, "--key-file", db.Database.KeyFile!)).Stdout);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Token_create_without_json_prints_the_token_and_its_expiry_in_words(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await WithInputAsync(Password, "user", "add", "rosa", "--role", "researcher", "--password-stdin", "--db", db.Value, "--key-file", db.Database.KeyFile!)).ExitCode);

        var created = await InProcessAsync("token", "create", "--user", "rosa", "--expires-days", "7", "--name", "laptop", "--db", db.Value, "--key-file", db.Database.KeyFile!);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Matches("^kgr_[A-Za-z0-9_-]+\n$", created.Stdout);
        Assert.Contains("(in 7 days)", created.Stderr);
        Assert.Equal(1, (await InProcessAsync("token", "create", "--user", "nobody", "--json", "--db", db.Value, "--key-file", db.Database.KeyFile!)).ExitCode);
        Assert.Equal(2, (await InProcessAsync("token", "create", "--user", "rosa", "--expires-days", "0", "--db", db.Value, "--key-file", db.Database.KeyFile!)).ExitCode);
        Assert.Equal(2, (await InProcessAsync("token", "create", "--db", db.Value, "--key-file", db.Database.KeyFile!)).ExitCode);
    }

    private static async Task<CliRun> WithInputAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await KuagerCli.RunAsync(args, input, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
