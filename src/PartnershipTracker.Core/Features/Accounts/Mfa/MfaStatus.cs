namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// A user's two-factor sign-in as their account page shows it.
/// </summary>
/// <param name="EnabledAt">When the authenticator app was confirmed; null when two-factor sign-in is off.</param>
/// <param name="RecoveryCodesLeft">Unused recovery codes (0 to <see cref="RecoveryCodes.Count"/>).</param>
/// <param name="Pending">The enrolment begun and not yet confirmed (its secret, to show again); null when none.</param>
public sealed record MfaStatus(DateTimeOffset? EnabledAt, int RecoveryCodesLeft, MfaEnrolment? Pending)
{
    /// <summary>True when sign-in asks for a code.</summary>
    public bool Enabled => EnabledAt is not null;
}

/// <summary>An authenticator app to set up: the Base32 secret (32 characters) and the <c>otpauth://</c> URI of the QR code.</summary>
public sealed record MfaEnrolment(string Secret, string KeyUri);
