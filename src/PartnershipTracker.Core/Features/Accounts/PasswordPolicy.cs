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
/// characters repeated ("aaaaaaaaaaaa", "abababababab"). That list is drawn from breach corpora (zxcvbn's
/// <c>passwords</c> list: the most frequent passwords of the Xato 10-million-password corpus), so it is also ptrack's
/// offline check against breached passwords; no breached-password service is asked (ptrack makes no outbound calls).
/// <para>
/// Context-specific words (OWASP ASVS 5.0 6.2.11), compared ignoring case and accents' composition (NFC): a password
/// is refused when it contains the user's own name (a name of at least <see cref="MinNameLength"/> characters), or
/// one of the product words <see cref="ProductWords"/>; and when it contains one of the programme words
/// <see cref="ProgrammeWords"/> and, with every programme word taken out, fewer than
/// <see cref="MinOwnLetters"/> letters are left (digits, spaces and punctuation do not count): "Nato-Bosnia-2026!" is
/// made of programme words, "nato owl on a blue kettle" is not.
/// </para>
/// </remarks>
public static class PasswordPolicy
{
    /// <summary>The shortest password accepted: 12 characters (Unicode code points after NFC).</summary>
    public const int MinLength = 12;

    /// <summary>The longest password accepted: 128 characters (Unicode code points after NFC).</summary>
    public const int MaxLength = 128;

    /// <summary>The field name in messages and in <see cref="Common.Failure.Fields"/>.</summary>
    public const string Field = "password";

    /// <summary>User names at least this long (3 characters) are refused inside a password; shorter ones would refuse too much.</summary>
    public const int MinNameLength = 3;

    /// <summary>Letters a password must have besides programme words when it contains one: 8.</summary>
    public const int MinOwnLetters = 8;

    /// <summary>Words of the product's own name, refused anywhere in a password: "ptrack", "partnership", "tracker".</summary>
    public static readonly IReadOnlyList<string> ProductWords = ["ptrack", "partnership", "tracker"];

    /// <summary>
    /// Words of the programme and its partners (the example programme is NATO's partnership with Bosnia and
    /// Herzegovina), refused as most of a password: "nato", "otan", "bosnia", "herzegovina", "bih", "sarajevo",
    /// "partner", "programme", "program".
    /// </summary>
    public static readonly IReadOnlyList<string> ProgrammeWords = ["nato", "otan", "bosnia", "herzegovina", "bih", "sarajevo", "partner", "programme", "program"];

    private const string ListResource = "Accounts.common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadList);

    /// <summary>How many entries the shipped list of common passwords has (30,000).</summary>
    public static int CommonPasswordCount => CommonPasswords.Value.Count;

    /// <summary>
    /// Why <paramref name="password"/> is refused, each message naming the rule ("password: at least 12 characters");
    /// empty when it is acceptable.
    /// </summary>
    public static IReadOnlyList<string> Check(string? password) => Check(password, null);

    /// <summary>
    /// Why <paramref name="password"/> is refused for the user called <paramref name="userName"/> (null when unknown):
    /// the rules of <see cref="Check(string?)"/> and the context-specific words (see the remarks). Empty when acceptable.
    /// </summary>
    public static IReadOnlyList<string> Check(string? password, string? userName)
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

        if (IsCommon(normalized))
        {
            return [$"{Field}: this password is in a list of common passwords"];
        }

        return ContextProblem(normalized, userName) is { } problem ? [problem] : [];
    }

    /// <summary>The message of the context-specific rule <paramref name="password"/> breaks (see the remarks); null when none.</summary>
    private static string? ContextProblem(string password, string? userName)
    {
        var text = password.ToLower(CultureInfo.InvariantCulture);
        var name = userName?.Trim().ToLower(CultureInfo.InvariantCulture);
        if (name is { Length: >= MinNameLength } && text.Contains(name, StringComparison.Ordinal))
        {
            return $"{Field}: must not contain your user name";
        }

        if (ProductWords.FirstOrDefault(word => text.Contains(word, StringComparison.Ordinal)) is { } product)
        {
            return $"{Field}: must not contain the name of this application ('{product}')";
        }

        if (!ProgrammeWords.Any(word => text.Contains(word, StringComparison.Ordinal)))
        {
            return null;
        }

        // Longest first, so that "programme" goes before "program" leaves "me" behind.
        var rest = ProgrammeWords.OrderByDescending(word => word.Length).Aggregate(text, (left, word) => left.Replace(word, " ", StringComparison.Ordinal));
        var ownLetters = rest.EnumerateRunes().Count(Rune.IsLetter);
        return ownLetters < MinOwnLetters
            ? $"{Field}: made mostly of programme words such as NATO or Bosnia; add at least {MinOwnLetters} letters of your own"
            : null;
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
