using Microsoft.AspNetCore.Identity;

namespace Kuager.Web;

/// <summary>Password rules shared by the web and the CLI, so `kuager user add` hashes exactly as sign-in verifies.</summary>
public static class UserPasswords
{
    public const int MinimumLength = 12;

    /// <summary>Why a password is refused, or null when it is acceptable. Never echoes the password.</summary>
    public static string? Problem(string password) =>
        password.Length < MinimumLength ? $"the password is too short: at least {MinimumLength} characters are needed"
        : string.IsNullOrWhiteSpace(password) ? "the password is blank"
        : password.Distinct().Count() < 4 ? "the password repeats too few characters"
        : null;

    /// <summary>An Identity password hash (PBKDF2, Identity's V3 format), as the web's <see cref="PasswordHasher{TUser}"/> makes.</summary>
    public static string Hash(string userName, string password) =>
        new PasswordHasher<KuagerUser>().HashPassword(new KuagerUser { UserName = userName }, password);
}
