using System.Text.RegularExpressions;

namespace PartnershipTracker.Domain;

/// <summary>Reads a status label as sources write it ("Ongoing", "Launched 2023", "In progress since 2019").</summary>
public static partial class InitiativeStatusLabel
{
    /// <summary>
    /// The status the label names, and the year it gives, if any. A label with no known status word
    /// gives a null status: the label is kept and nothing is guessed.
    /// </summary>
    public static (InitiativeStatus? Status, PartialDate? Since) Parse(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return (null, null);
        }

        var text = label.ToLowerInvariant();
        InitiativeStatus? status = text switch
        {
            _ when text.Contains("cancel", StringComparison.Ordinal) || text.Contains("abandon", StringComparison.Ordinal) => InitiativeStatus.Cancelled,
            _ when text.Contains("stall", StringComparison.Ordinal) || text.Contains("suspend", StringComparison.Ordinal) || text.Contains("blocked", StringComparison.Ordinal) => InitiativeStatus.Stalled,
            _ when text.Contains("complet", StringComparison.Ordinal) || text.Contains("finished", StringComparison.Ordinal) || text.Contains("done", StringComparison.Ordinal) => InitiativeStatus.Completed,
            _ when text.Contains("ongoing", StringComparison.Ordinal) || text.Contains("in progress", StringComparison.Ordinal) || text.Contains("underway", StringComparison.Ordinal) || text.Contains("active", StringComparison.Ordinal) => InitiativeStatus.Ongoing,
            _ when text.Contains("launch", StringComparison.Ordinal) || text.Contains("started", StringComparison.Ordinal) || text.Contains("initiated", StringComparison.Ordinal) => InitiativeStatus.Launched,
            _ when text.Contains("plan", StringComparison.Ordinal) || text.Contains("proposed", StringComparison.Ordinal) => InitiativeStatus.Planned,
            _ => null,
        };
        var year = YearPattern().Match(label);
        PartialDate? since = year.Success ? PartialDate.FromText(year.Value) : null;
        return (status, since);
    }

    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex YearPattern();
}
