using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Identity;

namespace Kuager.Web;

/// <summary>
/// Identity's user store over the users table with Dapper, on SQLite and PostgreSQL alike: passwords as Identity
/// hashes, one role per user, lockout, two-factor, and the authenticator key and recovery codes sealed with the
/// instance key (AES-256-GCM, bound to the user's id) so a copy of the database alone cannot mint codes.
/// </summary>
public sealed class UserStore(Database database) :
    IUserPasswordStore<KuagerUser>,
    IUserSecurityStampStore<KuagerUser>,
    IUserRoleStore<KuagerUser>,
    IUserLockoutStore<KuagerUser>,
    IUserTwoFactorStore<KuagerUser>,
    IUserAuthenticatorKeyStore<KuagerUser>,
    IUserTwoFactorRecoveryCodeStore<KuagerUser>
{
    private const string Columns =
        "id AS Id, user_name AS UserName, normalized_user_name AS NormalizedUserName, role AS Role, password_hash AS PasswordHash, " +
        "security_stamp AS SecurityStamp, concurrency_stamp AS ConcurrencyStamp, two_factor_enabled AS TwoFactorEnabled, " +
        "authenticator_key AS AuthenticatorKey, recovery_codes AS RecoveryCodes, lockout_enabled AS LockoutEnabled, lockout_end AS LockoutEnd, " +
        "access_failed_count AS AccessFailedCount, disabled_at AS DisabledAt";

    public static string AuthenticatorContext(long userId) => $"user {userId} authenticator";

    public static string RecoveryCodesContext(long userId) => $"user {userId} recovery codes";

    public async Task<IdentityResult> CreateAsync(KuagerUser user, CancellationToken cancellationToken)
    {
        var errors = Users.Check(user.UserName);
        if (errors.Count > 0)
        {
            return IdentityResult.Failed([.. errors.Select(e => new IdentityError { Code = "InvalidUserName", Description = e.Message })]);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        user.NormalizedUserName = Users.Normalize(user.UserName);
        if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM users WHERE normalized_user_name = @n", new { n = user.NormalizedUserName }, tx) is not null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "DuplicateUserName", Description = $"there is already a user \"{user.UserName}\"" });
        }

        user.Id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO users (user_name, normalized_user_name, role, password_hash, security_stamp, concurrency_stamp, lockout_enabled, created_at) " +
            "VALUES (@UserName, @NormalizedUserName, @role, @PasswordHash, @SecurityStamp, @ConcurrencyStamp, @lockout, @at) RETURNING id",
            new
            {
                user.UserName,
                user.NormalizedUserName,
                role = WireCode.Of(user.Role),
                user.PasswordHash,
                user.SecurityStamp,
                user.ConcurrencyStamp,
                lockout = user.LockoutEnabled ? 1 : 0,
                at = Clock.Stamp(now),
            },
            tx);
        await WriteAsync(connection, tx, user, user.ConcurrencyStamp);
        await AuditLog.AppendAsync(connection, tx, database.Provider, "web", AuditActions.UserAdded, $"user {user.UserName}", $"role {WireCode.Of(user.Role)}", now);
        await tx.CommitAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(KuagerUser user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (await WriteAsync(connection, tx, user, expected) != 1)
        {
            user.ConcurrencyStamp = expected;
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }

        await tx.CommitAsync(cancellationToken);
        return IdentityResult.Success;
    }

    /// <summary>Accounts are disabled, never deleted: audit entries and revisions keep naming them.</summary>
    public async Task<IdentityResult> DeleteAsync(KuagerUser user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE users SET disabled_at = @at, security_stamp = @stamp WHERE id = @Id",
            new { at = Clock.Stamp(DateTimeOffset.UtcNow), stamp = Guid.NewGuid().ToString("N"), user.Id });
        return IdentityResult.Success;
    }

    public async Task<KuagerUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        long.TryParse(userId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? await FindAsync("id = @id", new { id }, cancellationToken)
            : null;

    public Task<KuagerUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindAsync("normalized_user_name = @n", new { n = Users.Normalize(normalizedUserName) }, cancellationToken);

    public Task<string> GetUserIdAsync(KuagerUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(KuagerUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(KuagerUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName is null ? "" : Users.Normalize(normalizedName);
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(KuagerUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(KuagerUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    /// <summary>A user has exactly one role: adding one replaces the other.</summary>
    public Task AddToRoleAsync(KuagerUser user, string roleName, CancellationToken cancellationToken)
    {
        user.Role = ParseRole(roleName);
        return Task.CompletedTask;
    }

    public Task RemoveFromRoleAsync(KuagerUser user, string roleName, CancellationToken cancellationToken)
    {
        // Without a role a user would see no more than a visitor; the users table keeps a role, so the lowest is kept.
        if (user.Role == ParseRole(roleName))
        {
            user.Role = Role.Visitor;
        }

        return Task.CompletedTask;
    }

    public Task<IList<string>> GetRolesAsync(KuagerUser user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<string>>([WireCode.Of(user.Role)]);

    public Task<bool> IsInRoleAsync(KuagerUser user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(WireCode.TryParse<Role>(roleName.ToLowerInvariant(), out var role) && role == user.Role);

    public async Task<IList<KuagerUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM users WHERE role = @role ORDER BY id", new { role = WireCode.Of(ParseRole(roleName)) });
        return [.. rows.Select(ToUser)];
    }

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(KuagerUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(KuagerUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(KuagerUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task SetTwoFactorEnabledAsync(KuagerUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.TwoFactorEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task<bool> GetTwoFactorEnabledAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(KuagerUser user, string key, CancellationToken cancellationToken)
    {
        user.AuthenticatorKey = key;
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult(user.AuthenticatorKey);

    public Task ReplaceCodesAsync(KuagerUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        user.RecoveryCodes = [.. recoveryCodes];
        return Task.CompletedTask;
    }

    /// <summary>Takes a recovery code out of the user's list, saved at once so it cannot be used twice.</summary>
    public async Task<bool> RedeemCodeAsync(KuagerUser user, string code, CancellationToken cancellationToken)
    {
        var codes = user.RecoveryCodes.ToList();
        var index = codes.FindIndex(c => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(c), System.Text.Encoding.UTF8.GetBytes(code.Trim())));
        if (index < 0)
        {
            return false;
        }

        codes.RemoveAt(index);
        user.RecoveryCodes = codes;
        return (await UpdateAsync(user, cancellationToken)).Succeeded;
    }

    public Task<int> CountCodesAsync(KuagerUser user, CancellationToken cancellationToken) => Task.FromResult(user.RecoveryCodes.Count);

    public void Dispose()
    {
    }

    private static Role ParseRole(string roleName) =>
        WireCode.TryParse<Role>(roleName.ToLowerInvariant(), out var role) && role != Role.Visitor
            ? role
            : throw new InvalidOperationException($"\"{roleName}\" is not a role: admin, editor or researcher");

    private async Task<int> WriteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, KuagerUser user, string expectedStamp) =>
        await connection.ExecuteAsync(
            "UPDATE users SET user_name = @UserName, normalized_user_name = @NormalizedUserName, role = @role, password_hash = @PasswordHash, " +
            "security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp, two_factor_enabled = @twoFactor, authenticator_key = @key, " +
            "recovery_codes = @codes, lockout_enabled = @lockout, lockout_end = @lockoutEnd, access_failed_count = @AccessFailedCount " +
            "WHERE id = @Id AND concurrency_stamp = @expectedStamp",
            new
            {
                user.Id,
                user.UserName,
                user.NormalizedUserName,
                role = WireCode.Of(user.Role),
                user.PasswordHash,
                user.SecurityStamp,
                user.ConcurrencyStamp,
                twoFactor = user.TwoFactorEnabled ? 1 : 0,
                key = user.AuthenticatorKey is null ? null : database.Keys.Seal(user.AuthenticatorKey, AuthenticatorContext(user.Id)),
                codes = user.RecoveryCodes.Count == 0 ? null : database.Keys.Seal(string.Join(';', user.RecoveryCodes), RecoveryCodesContext(user.Id)),
                lockout = user.LockoutEnabled ? 1 : 0,
                lockoutEnd = user.LockoutEnd is { } end ? Clock.Stamp(end) : null,
                user.AccessFailedCount,
                expectedStamp,
            },
            tx);

    private async Task<KuagerUser?> FindAsync(string where, object parameters, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM users WHERE {where}", parameters);
        return row is null ? null : ToUser(row);
    }

    private KuagerUser ToUser(Row row) => new()
    {
        Id = row.Id,
        UserName = row.UserName,
        NormalizedUserName = row.NormalizedUserName,
        Role = WireCode.Parse<Role>(row.Role),
        PasswordHash = row.PasswordHash,
        SecurityStamp = row.SecurityStamp,
        ConcurrencyStamp = row.ConcurrencyStamp,
        TwoFactorEnabled = row.TwoFactorEnabled != 0,
        AuthenticatorKey = row.AuthenticatorKey is null ? null : database.Keys.Unseal(row.AuthenticatorKey, AuthenticatorContext(row.Id)),
        RecoveryCodes = row.RecoveryCodes is null ? [] : database.Keys.Unseal(row.RecoveryCodes, RecoveryCodesContext(row.Id)).Split(';', StringSplitOptions.RemoveEmptyEntries),
        LockoutEnabled = row.LockoutEnabled != 0,
        LockoutEnd = row.LockoutEnd is null ? null : Clock.Parse(row.LockoutEnd),
        AccessFailedCount = (int)row.AccessFailedCount,
        DisabledAt = row.DisabledAt is null ? null : Clock.Parse(row.DisabledAt),
    };

    private sealed class Row
    {
        public long Id { get; init; }

        public string UserName { get; init; } = "";

        public string NormalizedUserName { get; init; } = "";

        public string Role { get; init; } = "";

        public string? PasswordHash { get; init; }

        public string SecurityStamp { get; init; } = "";

        public string ConcurrencyStamp { get; init; } = "";

        public long TwoFactorEnabled { get; init; }

        public string? AuthenticatorKey { get; init; }

        public string? RecoveryCodes { get; init; }

        public long LockoutEnabled { get; init; }

        public string? LockoutEnd { get; init; }

        public long AccessFailedCount { get; init; }

        public string? DisabledAt { get; init; }
    }
}
