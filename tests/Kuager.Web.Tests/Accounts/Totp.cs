using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Kuager.Web.Tests.Accounts;

/// <summary>
/// An RFC 6238 time-based one-time password generator, written from the RFC (HMAC-SHA1, 30-second steps, 6 digits,
/// base32 key as authenticator apps read it), so the tests act as a user's phone would rather than asking the app.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1; the app under test expects exactly that.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, ignoring spaces (keys are shown in groups) and padding.</summary>
    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=')
            {
                continue;
            }

            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character");
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

        return [.. bytes];
    }
}

/// <summary>Codes for the tests: one the app would refuse now.</summary>
public static class SignInTestCodes
{
    /// <summary>A 6-digit code that is none of the codes accepted now (the current step and two either side).</summary>
    public static string Wrong(string base32Key)
    {
        var accepted = Enumerable.Range(-2, 5).Select(i => Totp.Code(base32Key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }
}
