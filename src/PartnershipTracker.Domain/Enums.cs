namespace PartnershipTracker.Domain;

/// <summary>Where an initiative stands (PRODUCT.md vocabulary). The source's own words are kept beside it.</summary>
public enum InitiativeStatus
{
    Planned,
    Launched,
    Ongoing,
    Completed,
    Stalled,
    Cancelled,
}

/// <summary>Where an obstacle stands.</summary>
public enum ChallengeStatus
{
    Open,
    Easing,
    Resolved,
}

/// <summary>How much an obstacle weighs; <see cref="Unrated"/> until someone rates it (ingest never guesses).</summary>
public enum Severity
{
    Unrated,
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>A dated step: due (not yet reached), done, or missed (its date passed without it).</summary>
public enum MilestoneStatus
{
    Due,
    Done,
    Missed,
}

/// <summary>What became of a recommendation.</summary>
public enum RecommendationStatus
{
    Issued,
    Accepted,
    InProgress,
    Implemented,
    Rejected,
}

/// <summary>Which way an indicator should move.</summary>
public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
    Neutral,
}

/// <summary>Who wrote a source.</summary>
public enum SourceKind
{
    Unknown,
    Official,
    AllianceStatement,
    Media,
    ThinkTank,
    CivilSociety,
}

/// <summary>
/// The five chapters of a NATO Membership Action Plan Annual National Programme
/// (MAP, Washington Summit 1999), which BiH's Reform Programme also follows.
/// </summary>
public enum MapChapter
{
    PoliticalAndEconomic,
    DefenceAndMilitary,
    Resources,
    Security,
    Legal,
}

/// <summary>The kind of record a piece of evidence supports, or a change in the history is about.</summary>
public enum RecordType
{
    Programme,
    Area,
    Achievement,
    Challenge,
    Initiative,
    Milestone,
    Recommendation,
    Indicator,
    Observation,
    Source,
}
