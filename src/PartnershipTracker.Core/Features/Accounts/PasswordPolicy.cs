using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>
/// Which passwords ptrack accepts, after NIST SP 800-63B §3.1.1.2 and OWASP ASVS 5.0 V6.2: at least
/// <see cref="MinLength"/> characters, at most <see cref="MaxLength"/> (so at least 64 are always allowed), every
/// Unicode character allowed (spaces and emoji too), no composition rules (no "one digit, one capital"), and not a
/// common password. Length is counted in Unicode code points of the NFC-normalized text (Unicode Standard Annex #15),
/// so "é" is one character whether it was typed as one code point or as "e" and a combining accent; the hash is of
/// the same NFC text (<see cref="Passwords"/>), so the same passphrase verifies from any keyboard.
/// </summary>
/// <remarks>
/// The list of common passwords is zxcvbn 4.4.2's frequency list of 30,000 leaked passwords (MIT licence; the file
/// <c>common-passwords.txt</c> beside this one says where it comes from). A password is refused when, ignoring
/// case, it is on the list, or it is one entry repeated ("passwordpassword", "123456123456"), or it is one or two
/// characters repeated ("aaaaaaaaaaaa", "abababababab").
/// </remarks>
public static class PasswordPolicy
{
    /// <summary>The shortest password accepted: 12 characters (Unicode code points after NFC).</summary>
    public const int MinLength = 12;

    /// <summary>The longest password accepted: 128 characters (Unicode code points after NFC).</summary>
    public const int MaxLength = 128;

    /// <summary>The field name in messages and in <see cref="Common.Failure.Fields"/>.</summary>
    public const string Field = "password";

    private const string ListResource = "Accounts.common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadList);

    /// <summary>How many entries the shipped list of common passwords has (30,000).</summary>
    public static int CommonPasswordCount => CommonPasswords.Value.Count;

    /// <summary>
    /// Why <paramref name="password"/> is refused, each message naming the rule ("password: at least 12 characters");
    /// empty when it is acceptable.
    /// </summary>
    public static IReadOnlyList<string> Check(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return [$"{Field} is required (at least {MinLength} characters)"];
        }

        var normalized = Normalize(password);
        if (normalized is null)
        {
            return [$"{Field}: contains a broken character (an unpaired UTF-16 surrogate)"];
        }

        var length = CountCharacters(normalized);
        if (length < MinLength)
        {
            return [$"{Field}: at least {MinLength} characters (this one has {length})"];
        }

        if (length > MaxLength)
        {
            return [$"{Field}: at most {MaxLength} characters (this one has {length})"];
        }

        return IsCommon(normalized) ? [$"{Field}: this password is in a list of common passwords"] : [];
    }

    /// <summary>The number of characters the rules count: Unicode code points of the NFC form; -1 for text that is not valid UTF-16.</summary>
    public static int Length(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Normalize(password) is { } normalized ? CountCharacters(normalized) : -1;
    }

    /// <summary>
    /// True when <paramref name="password"/>, ignoring case, is on the list of common passwords, is one entry of it
    /// repeated, or is one or two characters repeated.
    /// </summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var text = (Normalize(password) ?? password).ToLower(CultureInfo.InvariantCulture);
        if (CommonPasswords.Value.Contains(text))
        {
            return true;
        }

        // A repeated unit: "passwordpassword" is "password" twice.
        for (var unit = 1; unit <= text.Length / 2; unit++)
        {
            if (text.Length % unit == 0 && IsRepeatOf(text, unit) && (unit <= 2 || CommonPasswords.Value.Contains(text[..unit])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The NFC form of <paramref name="password"/>; null when it is not valid UTF-16 (an unpaired surrogate).</summary>
    internal static string? Normalize(string password)
    {
        try
        {
            return password.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int CountCharacters(string text) => text.EnumerateRunes().Count();

    private static bool IsRepeatOf(string text, int unit)
    {
        for (var i = unit; i < text.Length; i++)
        {
            if (text[i] != text[i - unit])
            {
                return false;
            }
        }

        return true;
    }

    private static FrozenSet<string> LoadList()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream(ListResource)
            ?? throw new InvalidOperationException($"The embedded resource {ListResource} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var entries = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                entries.Add(line.ToLower(CultureInfo.InvariantCulture));
            }
        }

        return entries.ToFrozenSet(StringComparer.Ordinal);
    }
}
