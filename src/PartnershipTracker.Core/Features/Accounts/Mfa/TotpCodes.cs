using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226 HOTP, through Otp.NET):
/// HMAC-SHA1, 6 digits, 30-second time steps counted from the Unix epoch, a 20-byte (160-bit) random secret written
/// in Base32 (RFC 4648) for the app. A code is accepted in its own step and one step either side (clock drift of up
/// to 30 seconds), and only in a step later than the last one accepted, so that each code works once.
/// </summary>
public static class TotpCodes
{
    /// <summary>The issuer shown by the authenticator app next to the account name.</summary>
    public const string Issuer = "Partnership Tracker";

    /// <summary>Length of a code: 6 digits.</summary>
    public const int Digits = 6;

    /// <summary>Length of a time step: 30 seconds (RFC 6238's default, what every authenticator app uses).</summary>
    public const int StepSeconds = 30;

    /// <summary>Length of a new secret: 20 bytes, the HMAC-SHA1 block size RFC 4226 recommends.</summary>
    public const int SecretBytes = 20;

    /// <summary>A new random secret (<see cref="RandomNumberGenerator"/>) in Base32 without padding: 32 characters.</summary>
    public static string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=');

    /// <summary>The RFC 6238 time step of <paramref name="at"/>: whole 30-second intervals since 1970-01-01T00:00Z.</summary>
    public static long StepOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>
    /// The <c>otpauth://totp/…</c> URI an authenticator app reads from the QR code (Google Authenticator's key URI
    /// format): label "Partnership Tracker:NAME", the secret, the issuer, SHA1, 6 digits, 30 seconds.
    /// </summary>
    public static string KeyUri(string userName, string secret)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(secret);
        var issuer = Uri.EscapeDataString(Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(userName)}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
    }

    /// <summary>The secret written in groups of four characters, easier to type into an app by hand ("ABCD EFGH …").</summary>
    public static string Grouped(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var text = new StringBuilder();
        for (var i = 0; i < secret.Length; i += 4)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(secret.AsSpan(i, Math.Min(4, secret.Length - i)));
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="code"/> is six ASCII digits once spaces are removed ("123 456" as some apps show it).</summary>
    public static bool LooksLikeCode(string? code, out string digits)
    {
        digits = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        return digits.Length == Digits && digits.All(char.IsAsciiDigit);
    }

    /// <summary>
    /// The time step in which <paramref name="code"/> is right for <paramref name="secret"/> at <paramref name="now"/>
    /// (the current step or one either side), or null when it is right in none of them. The comparison is Otp.NET's,
    /// in constant time. Replay is the caller's check: compare the step with the last one accepted.
    /// </summary>
    public static long? MatchingStep(string secret, string code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!LooksLikeCode(code, out var digits))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret), StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }
}
