using System.Text;
using OtpNet;
using PartnershipTracker.Core.Features.Accounts.Mfa;

namespace PartnershipTracker.Core.Tests.Accounts;

/// <summary>TOTP codes (RFC 6238) and recovery codes of two-factor sign-in (ADR 0020).</summary>
public sealed class TotpCodesTests
{
    /// <summary>The SHA-1 key of RFC 6238 appendix B: the ASCII bytes of "12345678901234567890", in Base32.</summary>
    private static readonly string RfcSecret = Base32Encoding.ToString(Encoding.ASCII.GetBytes("12345678901234567890")).TrimEnd('=');

    [Theory]
    [InlineData(59, "287082", 1L)]
    [InlineData(1111111109, "081804", 37037036L)]
    [InlineData(1234567890, "005924", 41152263L)]
    [InlineData(2000000000, "279037", 66666666L)]
    public void MatchingStep_Rfc6238Vectors_LastSixDigitsMatchInTheirStep(long unixSeconds, string code, long step)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

        Assert.Equal(step, TotpCodes.MatchingStep(RfcSecret, code, at));
        Assert.Equal(step, TotpCodes.StepOf(at));
    }

    [Fact]
    public void MatchingStep_OneStepEitherSideAccepted_TwoStepsRefused()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1111111109);

        var accepted = new[] { -30, 30 }.Select(s => TotpCodes.MatchingStep(RfcSecret, "081804", at.AddSeconds(s))).ToList();
        var refused = new[] { -60, 60 }.Select(s => TotpCodes.MatchingStep(RfcSecret, "081804", at.AddSeconds(s))).ToList();

        Assert.Equal([37037036L, 37037036L], accepted);
        Assert.Equal([null, null], refused);
    }

    [Theory]
    [InlineData("28708")]
    [InlineData("2870822")]
    [InlineData("28708a")]
    [InlineData("")]
    public void MatchingStep_NotSixDigits_Null(string code) =>
        Assert.Null(TotpCodes.MatchingStep(RfcSecret, code, DateTimeOffset.FromUnixTimeSeconds(59)));

    [Fact]
    public void NewSecret_32Base32Characters_160Bits_DifferentEachTime()
    {
        var secrets = Enumerable.Range(0, 20).Select(_ => TotpCodes.NewSecret()).ToList();

        Assert.All(secrets, s => Assert.Matches("^[A-Z2-7]{32}$", s));
        Assert.All(secrets, s => Assert.Equal(20, Base32Encoding.ToBytes(s).Length));
        Assert.Equal(20, secrets.Distinct().Count());
    }

    [Fact]
    public void RecoveryCodes_New_SixGroupsOfFourFromTheAlphabet_CanonicalIgnoresCaseSpacesDashes()
    {
        var code = RecoveryCodes.New();

        Assert.Matches("^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){5}$", code);
        Assert.Equal(code, RecoveryCodes.Canonical(" " + code.ToUpperInvariant().Replace('-', ' ') + " "));
        Assert.Equal(code, RecoveryCodes.Canonical(code.Replace("-", string.Empty, StringComparison.Ordinal)));
        Assert.Null(RecoveryCodes.Canonical(code[..^1]));
        Assert.Null(RecoveryCodes.Canonical(code[..^1] + "0"));
        Assert.True(RecoveryCodes.Length * Math.Log2(RecoveryCodes.Alphabet.Length) >= 112);
    }
}
