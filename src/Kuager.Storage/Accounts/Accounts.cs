using System.Security.Cryptography;
using System.Text;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>A person who signs in, with the role that decides what they see.</summary>
public sealed record UserAccount(long Id, string UserName, Role Role, bool TwoFactorEnabled, bool Disabled)
{
    public Viewer Viewer => new(UserName, Role);
}

/// <summary>The accounts table seen without Identity: adding users and looking them up. Passwords arrive hashed.</summary>
public static class Users
{
    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    /// <summary>User names are short and plain so they can appear in audit entries and URLs without escaping.</summary>
    public static IReadOnlyList<ValidationError> Check(string? userName) => new Rules()
        .Required("name", userName)
        .MaxLength("name", userName, 64)
        .When(userName is not null && userName.Length > 0 && !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'),
            "name", "may contain only letters, digits and . _ - @")
        .Errors;

    public static async Task<UserAccount> AddAsync(Database database, string userName, Role role, string passwordHash, string actor, CancellationToken ct = default)
    {
        var errors = Check(userName);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var normalized = Normalize(userName);
        if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM users WHERE normalized_user_name = @normalized", new { normalized }, tx) is not null)
        {
            throw new ValidationException([ValidationError.Of("name", "there is already a user \"{0}\"", userName)]);
        }

        var now = DateTimeOffset.UtcNow;
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO users (user_name, normalized_user_name, role, password_hash, security_stamp, concurrency_stamp, created_at) " +
            "VALUES (@userName, @normalized, @role, @passwordHash, @stamp, @concurrency, @at) RETURNING id",
            new
            {
                userName,
                normalized,
                role = WireCode.Of(role),
                passwordHash,
                stamp = Guid.NewGuid().ToString("N"),
                concurrency = Guid.NewGuid().ToString("N"),
                at = Clock.Stamp(now),
            },
            tx);
        await AuditLog.AppendAsync(connection, tx, database.Provider, actor, AuditActions.UserAdded, $"user {userName}", $"role {WireCode.Of(role)}", now);
        await tx.CommitAsync(ct);
        return new UserAccount(id, userName, role, false, false);
    }

    public static async Task<UserAccount?> FindAsync(Database database, string userName, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(
            $"SELECT {UserRow.Columns} FROM users WHERE normalized_user_name = @n", new { n = Normalize(userName) });
        return row?.ToAccount();
    }

    public static async Task<IReadOnlyList<UserAccount>> ListAsync(Database database, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<UserRow>($"SELECT {UserRow.Columns} FROM users ORDER BY normalized_user_name");
        return rows.Select(r => r.ToAccount()).ToList();
    }

    internal sealed class UserRow
    {
        public const string Columns = "id AS Id, user_name AS UserName, role AS Role, two_factor_enabled AS TwoFactorEnabled, disabled_at AS DisabledAt";

        public long Id { get; init; }

        public string UserName { get; init; } = "";

        public string Role { get; init; } = "";

        public long TwoFactorEnabled { get; init; }

        public string? DisabledAt { get; init; }

        public UserAccount ToAccount() => new(Id, UserName, WireCode.Parse<Role>(Role), TwoFactorEnabled != 0, DisabledAt is not null);
    }
}

/// <summary>An API token as listed: never the token itself, which is shown once and stored only as its hash.</summary>
public sealed record ApiTokenInfo(long Id, string UserName, string Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>Bearer tokens for the API: random, shown once, stored as SHA-256, scoped to the user's role, revocable, expiring.</summary>
public static class ApiTokens
{
    public const string Prefix = "kgr_";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates a token for the user; returns its id and the token, which is never stored or shown again.</summary>
    public static async Task<(long Id, string Token, DateTimeOffset ExpiresAt)> CreateAsync(Database database, string userName, TimeSpan lifetime, string name,
        string actor, CancellationToken ct = default)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ValidationException([new ValidationError("expires", "a token's lifetime must be positive")]);
        }

        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<Users.UserRow>(
            $"SELECT {Users.UserRow.Columns} FROM users WHERE normalized_user_name = @n", new { n = Users.Normalize(userName) }, tx)
            ?? throw new NotFoundException($"there is no user \"{userName}\"");
        if (user.DisabledAt is not null)
        {
            throw new ValidationException([ValidationError.Of("user", "user \"{0}\" is disabled", userName)]);
        }

        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = DateTimeOffset.UtcNow;
        var expires = now + lifetime;
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) VALUES (@userId, @name, @hash, @created, @expires) RETURNING id",
            new { userId = user.Id, name, hash = HashOf(token), created = Clock.Stamp(now), expires = Clock.Stamp(expires) }, tx);
        await AuditLog.AppendAsync(connection, tx, database.Provider, actor, AuditActions.TokenCreated, $"user {user.UserName}", $"token {id}", now);
        await tx.CommitAsync(ct);
        return (id, token, Clock.Parse(Clock.Stamp(expires)));
    }

    /// <summary>The account a token belongs to, when the token is known, unexpired, unrevoked and its user enabled.</summary>
    public static async Task<(UserAccount User, long TokenId)?> AuthenticateAsync(Database database, string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(ct);
        var now = Clock.Stamp(DateTimeOffset.UtcNow);
        var row = await connection.QuerySingleOrDefaultAsync<(long TokenId, long UserId, string? LastUsedAt)>(
            "SELECT t.id, t.user_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id " +
            "WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND t.expires_at > @now AND u.disabled_at IS NULL",
            new { hash = HashOf(token), now });
        if (row.TokenId == 0)
        {
            return null;
        }

        var user = await connection.QuerySingleAsync<Users.UserRow>($"SELECT {Users.UserRow.Columns} FROM users WHERE id = @id", new { id = row.UserId });

        // "Last used" to the minute: a write per request would queue every API call behind the database's one writer.
        if (row.LastUsedAt is null || Clock.Parse(row.LastUsedAt) < DateTimeOffset.UtcNow.AddMinutes(-1))
        {
            await connection.ExecuteAsync("UPDATE api_tokens SET last_used_at = @now WHERE id = @id", new { now, id = row.TokenId });
        }

        return (user.ToAccount(), row.TokenId);
    }

    public static async Task<bool> RevokeAsync(Database database, long tokenId, string actor, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var rows = await connection.ExecuteAsync(
            "UPDATE api_tokens SET revoked_at = @now WHERE id = @tokenId AND revoked_at IS NULL", new { now = Clock.Stamp(now), tokenId }, tx);
        if (rows == 1)
        {
            await AuditLog.AppendAsync(connection, tx, database.Provider, actor, AuditActions.TokenRevoked, null, $"token {tokenId}", now);
        }

        await tx.CommitAsync(ct);
        return rows == 1;
    }

    public static async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(Database database, string? userName, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string UserName, string Name, string CreatedAt, string ExpiresAt, string? RevokedAt, string? LastUsedAt)>(
            "SELECT t.id, u.user_name, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id " +
            (userName is null ? "" : "WHERE u.normalized_user_name = @n ") + "ORDER BY t.id",
            new { n = userName is null ? null : Users.Normalize(userName) });
        return rows.Select(r => new ApiTokenInfo(r.Id, r.UserName, r.Name, Clock.Parse(r.CreatedAt), Clock.Parse(r.ExpiresAt),
            r.RevokedAt is null ? null : Clock.Parse(r.RevokedAt), r.LastUsedAt is null ? null : Clock.Parse(r.LastUsedAt))).ToList();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
