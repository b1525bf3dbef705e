using System.Buffers.Binary;
using System.Security.Cryptography;
using Dapper;
using Kuager.Storage;
using Microsoft.AspNetCore.Identity;

namespace Kuager.Web;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) accepted once: a code is checked against the
/// step before, the current one and the one after (clock drift), and its step must be later than the step of the last
/// code the user gave, so a code seen over a shoulder or in a log cannot be used again.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(Database database) : AuthenticatorTokenProvider<KuagerUser>
{
    private const int StepSeconds = 30;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<KuagerUser> manager, KuagerUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(key) || code.Length != 6 || !code.All(char.IsAsciiDigit) || Base32(key) is not { } secret)
        {
            return false;
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                // Taken only when later than the last one, in one statement, so two requests with one code cannot both pass.
                await using var connection = await database.OpenAsync();
                return await connection.ExecuteAsync(
                    "UPDATE users SET totp_last_step = @step WHERE id = @id AND (totp_last_step IS NULL OR totp_last_step < @step)",
                    new { step, id = user.Id }) == 1;
            }
        }

        return false;
    }

    /// <summary>The code for one time step (RFC 6238 with RFC 4226 truncation).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32 as Identity writes authenticator keys; null when the text is not base32.</summary>
    public static byte[]? Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=')
            {
                continue;
            }

            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes.ToArray();
    }
}
