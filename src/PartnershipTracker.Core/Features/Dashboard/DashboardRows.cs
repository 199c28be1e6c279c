using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Dashboard;

/// <summary>How many live records of one type have <paramref name="Status"/>; null is "no status recognised" (initiatives only).</summary>
public sealed record StatusCount<TStatus>(TStatus? Status, int Count)
    where TStatus : struct, Enum;

/// <summary>
/// Live records per area. <see cref="AreaId"/> null is the cross-cutting row: records with no area, or whose area is
/// deleted (they read as cross-cutting until it is restored, docs/adr/0010-revisions-soft-delete-history.md).
/// </summary>
public sealed record AreaCount(int? AreaId, string Name, int Achievements, int Challenges, int Initiatives, int Recommendations)
{
    public int Total => Achievements + Challenges + Initiatives + Recommendations;
}

/// <summary>A stalled initiative, with the area it resolves to when any.</summary>
public sealed record StalledInitiative(int Id, string Name, int? AreaId, string? Area, string? StatusLabel);

/// <summary>A milestone still due whose date has passed: the last day its date can mean is before today.</summary>
public sealed record OverdueMilestone(int Id, string Title, PartialDate Date, string? DateText, int? InitiativeId);

/// <summary>An open or easing challenge rated <see cref="Severity.High"/> or <see cref="Severity.Critical"/>.</summary>
public sealed record HighSeverityChallenge(int Id, string Title, int? AreaId, string? Area, Severity Severity, ChallengeStatus Status);

/// <summary>One observation as the dashboard shows it: the value in the indicator's unit, out of a whole when the source gives one.</summary>
public sealed record ObservationPoint(int Id, decimal Value, decimal? OutOf, PartialDate? Period, string? PeriodText);

/// <summary>
/// Which way an indicator moved from its previous period to its latest, judged by <see cref="IndicatorDirection"/>:
/// <see cref="Improving"/> and <see cref="Worsening"/> for indicators with a better direction, <see cref="Rising"/>
/// and <see cref="Falling"/> for <see cref="IndicatorDirection.Neutral"/> ones, <see cref="Flat"/> when the value did not change.
/// </summary>
public enum TrendDirection
{
    Flat,
    Improving,
    Worsening,
    Rising,
    Falling,
}

/// <summary>
/// An indicator's latest observation and the one before it. <see cref="Latest"/> is the observation with the latest
/// period (observations without a period count only when none has one; among equal periods, the one stored last).
/// <see cref="Previous"/> is the latest observation of an earlier period, so that two sources' values for the same
/// period are never read as a change. <see cref="Trend"/> is null without a previous observation.
/// </summary>
public sealed record IndicatorTrend(int Id, string Name, string Unit, IndicatorDirection Direction, ObservationPoint? Latest, ObservationPoint? Previous)
{
    public TrendDirection? Trend => Latest is null || Previous is null ? null : TrendOf(Direction, Latest.Value - Previous.Value);

    /// <summary>The trend of a change of <paramref name="delta"/> (latest minus previous, in the indicator's unit).</summary>
    public static TrendDirection TrendOf(IndicatorDirection direction, decimal delta) => (direction, Math.Sign(delta)) switch
    {
        (_, 0) => TrendDirection.Flat,
        (IndicatorDirection.HigherIsBetter, > 0) or (IndicatorDirection.LowerIsBetter, < 0) => TrendDirection.Improving,
        (IndicatorDirection.HigherIsBetter, < 0) or (IndicatorDirection.LowerIsBetter, > 0) => TrendDirection.Worsening,
        (_, > 0) => TrendDirection.Rising,
        _ => TrendDirection.Falling,
    };
}

/// <summary>
/// One saved change for the recent-changes list (newest first in the order changes were saved): the record it is
/// about (and its name as it is now), what, when and who; for an update, the names of the fields it changed.
/// </summary>
public sealed record RecentChange(long Id, RecordType RecordType, int RecordId, string? RecordName, bool RecordDeleted, ChangeAction Action, DateTimeOffset At, string Actor, IReadOnlyList<string> Fields);

/// <summary>
/// One programme's dashboard (PRODUCT.md C6): counts by status and area, the alerts (stalled initiatives, overdue
/// milestones, open high-severity challenges), indicator trends and recent changes. Lists of alerts hold at most
/// <see cref="GetProgrammeDashboard.ListLimit"/> rows; the <c>...Total</c> counts say how many there are.
/// </summary>
public sealed record ProgrammeDashboard(
    ProgrammeRow Programme,
    DateOnly Today,
    IReadOnlyList<StatusCount<InitiativeStatus>> Initiatives,
    IReadOnlyList<StatusCount<ChallengeStatus>> Challenges,
    IReadOnlyList<StatusCount<RecommendationStatus>> Recommendations,
    IReadOnlyList<StatusCount<MilestoneStatus>> Milestones,
    IReadOnlyList<AreaCount> Areas,
    IReadOnlyList<StalledInitiative> Stalled,
    int StalledTotal,
    IReadOnlyList<OverdueMilestone> Overdue,
    int OverdueTotal,
    IReadOnlyList<HighSeverityChallenge> HighSeverity,
    int HighSeverityTotal,
    IReadOnlyList<IndicatorTrend> Indicators,
    IReadOnlyList<RecentChange> RecentChanges);

/// <summary>One programme in the portfolio view: its size and its alerts.</summary>
public sealed record PortfolioProgramme(
    string Slug,
    string Name,
    string Alliance,
    string PartnerIso3,
    int Initiatives,
    int Stalled,
    int OpenChallenges,
    int HighSeverity,
    int Recommendations,
    int OverdueMilestones,
    int Indicators)
{
    public int Alerts => Stalled + HighSeverity + OverdueMilestones;
}
