using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Security;

/// <summary>
/// Who is reading through this scope's <see cref="Data.PtrackDbContext"/>, for the marking rule (issue 5, PRODUCT.md
/// C9): a record is visible when the reader's clearance is at least its <see cref="Classification"/> and, when it
/// has a Releasable To list, the reader's nationality or organisation is on it. The context applies the rule as the
/// query filter named <see cref="Data.EditableRecords.MarkingFilter"/> on every editable record, on change history,
/// on observations (through their indicator) and on evidence (through its source), so every query of every front
/// end keeps to it; raw SQL must apply <see cref="CanSee(Classification, string?)"/>'s rule itself.
/// <para>
/// Scoped and set once per scope by the front end before it reads: the CLI (whoever can open the database file
/// can read it all) sees everything; the web starts every request seeing nothing and sets the signed-in user's
/// access (anonymous readers: PUBLIC only, and only when <c>Security:AllowAnonymousRead</c> is on).
/// </para>
/// </summary>
public sealed class RecordAccess
{
    private RecordAccess(bool seesAll, bool seesNothing, Classification clearance, string? nationality, string? organisation)
    {
        SeesAll = seesAll;
        SeesNothing = seesNothing;
        Clearance = clearance;
        Nationality = nationality;
        Organisation = organisation;
    }

    /// <summary>True when no marking hides anything (CLI, start-up, tests of other features).</summary>
    public bool SeesAll { get; private set; }

    /// <summary>True when every marked record is hidden (a web request before its reader is known).</summary>
    public bool SeesNothing { get; private set; }

    /// <summary>The highest classification the reader may see; meaningless when <see cref="SeesAll"/> or <see cref="SeesNothing"/>.</summary>
    public Classification Clearance { get; private set; }

    /// <summary>The reader's ISO 3166-1 alpha-3 code, upper-case; null when none.</summary>
    public string? Nationality { get; private set; }

    /// <summary>The reader's organisation ("NATO"), upper-case; null when none.</summary>
    public string? Organisation { get; private set; }

    /// <summary>Access that sees every record.</summary>
    public static RecordAccess Unrestricted() => new(seesAll: true, seesNothing: false, Classification.NatoSecret, null, null);

    /// <summary>Access that sees no record at all.</summary>
    public static RecordAccess None() => new(seesAll: false, seesNothing: true, Classification.Public, null, null);

    /// <summary>Access of a reader with <paramref name="clearance"/>, <paramref name="nationality"/> and <paramref name="organisation"/>.</summary>
    public static RecordAccess Reader(Classification clearance, string? nationality, string? organisation)
    {
        var access = None();
        access.SeeAs(clearance, nationality, organisation);
        return access;
    }

    /// <summary>From now on, see every record.</summary>
    public void SeeAll() => (SeesAll, SeesNothing) = (true, false);

    /// <summary>From now on, see no record.</summary>
    public void SeeNothing() => (SeesAll, SeesNothing, Nationality, Organisation) = (false, true, null, null);

    /// <summary>From now on, see what a reader with these attributes may see.</summary>
    public void SeeAs(Classification clearance, string? nationality, string? organisation)
    {
        SeesAll = false;
        SeesNothing = false;
        Clearance = clearance;
        Nationality = string.IsNullOrWhiteSpace(nationality) ? null : nationality.Trim().ToUpperInvariant();
        Organisation = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim().ToUpperInvariant();
    }

    /// <summary>The marking rule in memory: the same test the query filter makes in the database.</summary>
    public bool CanSee(Classification classification, string? releasableTo) =>
        SeesAll || (!SeesNothing && classification <= Clearance && Markings.IsReleasableTo(releasableTo, Nationality, Organisation));

    /// <inheritdoc cref="CanSee(Classification, string?)"/>
    public bool CanSee(IEditableRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CanSee(record.Classification, record.ReleasableTo);
    }

    /// <summary>The text a canonical Releasable To list contains when the reader's nation is on it (<c>",BIH,"</c>); a value no list contains when the reader has no nation.</summary>
    internal string NationalityToken => Nationality is null ? NoEntry : "," + Nationality + ",";

    /// <summary>As <see cref="NationalityToken"/> for the organisation.</summary>
    internal string OrganisationToken => Organisation is null ? NoEntry : "," + Organisation + ",";

    /// <summary>Never part of a canonical list (entries are letters and digits between commas).</summary>
    private const string NoEntry = "#";
}
