using System.Globalization;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>Reading the parts every record form shares.</summary>
public static class RecordForms
{
    /// <summary>The hidden <c>revision</c> field: a whole number from 1; false when it is missing or not one.</summary>
    public static bool TryParseRevision(string? text, out int revision) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out revision) && revision >= 1;
}
