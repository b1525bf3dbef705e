using Kuager.Core;

namespace Kuager.Web;

/// <summary>
/// A row of the users table as Identity works with it. The authenticator key and recovery codes are held here in
/// the clear only while a request needs them; the store seals them with the instance key before they are written.
/// </summary>
public sealed class KuagerUser
{
    public long Id { get; set; }

    public string UserName { get; set; } = "";

    public string NormalizedUserName { get; set; } = "";

    public Role Role { get; set; } = Role.Researcher;

    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool TwoFactorEnabled { get; set; }

    public string? AuthenticatorKey { get; set; }

    /// <summary>The unused recovery codes, each usable once.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; set; } = [];

    public bool LockoutEnabled { get; set; } = true;

    public DateTimeOffset? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Admins and editors see and change everything, so they must sign in with a second factor.</summary>
    public bool MustUseTwoFactor => Role is Role.Admin or Role.Editor;

    public override string ToString() => UserName;
}
