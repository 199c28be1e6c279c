using System.Text;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Tests.Accounts;

/// <summary>The password rules (NIST SP 800-63B, OWASP ASVS 5.0 V6): length in code points, the common list, NFC.</summary>
public sealed class PasswordPolicyTests
{
    /// <summary>A passphrase that is neither common nor a repeat, cut to <paramref name="length"/> characters.</summary>
    private static string Passphrase(int length)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < length; i++)
        {
            text.Append("Kestrel-").Append(i).Append("-over-Jahorina ");
        }

        return text.ToString(0, length);
    }

    [Fact]
    public void Check_ElevenCharacters_RefusedNamingTheRule()
    {
        var messages = PasswordPolicy.Check(Passphrase(11));

        Assert.Equal(["password: at least 12 characters (this one has 11)"], messages);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(64)]
    [InlineData(128)]
    public void Check_TwelveToOneHundredTwentyEight_Accepted(int length)
    {
        var password = Passphrase(length);

        Assert.Equal(length, password.Length);
        Assert.Empty(PasswordPolicy.Check(password));
    }

    [Fact]
    public void Check_OneHundredTwentyNine_Refused()
    {
        var messages = PasswordPolicy.Check(Passphrase(129));

        Assert.Equal(["password: at most 128 characters (this one has 129)"], messages);
    }

    [Theory]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("QWERTY123456")]
    [InlineData("JustinBieber")]
    [InlineData("passwordpassword")]
    [InlineData("123456123456")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("abababababab")]
    public void Check_CommonOrRepeatedCommon_Refused(string password)
    {
        var messages = PasswordPolicy.Check(password);

        Assert.Equal(["password: this password is in a list of common passwords"], messages);
    }

    [Fact]
    public void CommonPasswordCount_WholeZxcvbnList()
    {
        Assert.Equal(30_000, PasswordPolicy.CommonPasswordCount);
        Assert.True(PasswordPolicy.IsCommon("Password"));
        Assert.False(PasswordPolicy.IsCommon(Passphrase(20)));
    }

    [Fact]
    public void Check_NonAsciiPassphrase_AcceptedAndCountedInCodePoints()
    {
        // 12 code points, 13 UTF-16 units: the lock emoji is one character.
        const string password = "Čuvaj ključ🔒";

        Assert.Equal(13, password.Length);
        Assert.Equal(12, PasswordPolicy.Length(password));
        Assert.Empty(PasswordPolicy.Check(password));
    }

    [Fact]
    public void Length_DecomposedAccent_CountsAsOneAfterNfc()
    {
        Assert.Equal(4, PasswordPolicy.Length("cafe\u0301"));
        Assert.Equal(4, PasswordPolicy.Length("caf\u00e9"));
    }

    [Fact]
    public void Check_TwelveUnitsElevenCharactersAfterNfc_Refused()
    {
        // "e" + combining acute is one character after NFC: 11, not 12.
        var messages = PasswordPolicy.Check("Sarajevo-ce\u0301");

        Assert.Equal(["password: at least 12 characters (this one has 11)"], messages);
    }

    [Fact]
    public void Check_UnpairedSurrogate_Refused()
    {
        var messages = PasswordPolicy.Check("Kestrel-over-\ud800Jahorina");

        Assert.Equal(["password: contains a broken character (an unpaired UTF-16 surrogate)"], messages);
    }

    [Fact]
    public void Passwords_HashOfDecomposedText_VerifiesComposedText()
    {
        var hash = Passwords.Hash("Planina-Bjelas\u030cnica"); // š as s + combining caron

        Assert.True(Passwords.Verify(hash, "Planina-Bjela\u0161nica"));
        Assert.False(Passwords.Verify(hash, "Planina-Bjelasnica"));
    }

    [Fact]
    public void CountryCodes_AssignedAlpha3Only()
    {
        Assert.Equal(249, CountryCodes.Count);
        Assert.True(CountryCodes.IsAlpha3("BIH"));
        Assert.Equal("Bosnia and Herzegovina", CountryCodes.Name("BIH"));
        Assert.True(CountryCodes.IsAlpha3("NOR"));
        Assert.False(CountryCodes.IsAlpha3("bih"));
        Assert.False(CountryCodes.IsAlpha3("XKX"));
        Assert.False(CountryCodes.IsAlpha3("NATO"));
    }
}
