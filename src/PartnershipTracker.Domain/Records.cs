namespace PartnershipTracker.Domain;

/// <summary>A statement of progress in an area ("Enhanced interoperability").</summary>
public sealed class Achievement : IEditableRecord
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int Revision { get; set; } = 1;

    public DateTimeOffset? DeletedAt { get; set; }

    public Classification Classification { get; set; } = Classification.NatoUnclassified;

    public string ReleasableTo { get; set; } = string.Empty;

    public ReviewState ReviewState { get; set; } = ReviewState.Approved;

    public string? ReviewComment { get; set; }

    public string? ApprovedVersion { get; set; }

    public int? AreaId { get; set; }

    public Area? Area { get; set; }

    public required string Title { get; set; }

    public PartialDate? Date { get; set; }

    /// <summary>The source's text was cut off inside this record's title; the title is kept as the source had it.</summary>
    public bool TruncatedInSource { get; set; }
}

/// <summary>An obstacle: in one area, or cross-cutting when <see cref="AreaId"/> is null.</summary>
public sealed class Challenge : IEditableRecord
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int Revision { get; set; } = 1;

    public DateTimeOffset? DeletedAt { get; set; }

    public Classification Classification { get; set; } = Classification.NatoUnclassified;

    public string ReleasableTo { get; set; } = string.Empty;

    public ReviewState ReviewState { get; set; } = ReviewState.Approved;

    public string? ReviewComment { get; set; }

    public string? ApprovedVersion { get; set; }

    public int? AreaId { get; set; }

    public Area? Area { get; set; }

    public required string Title { get; set; }

    /// <summary>What the obstacle does ("Restricting centralized decision-making on defense matters").</summary>
    public string? Impact { get; set; }

    public Severity Severity { get; set; } = Severity.Unrated;

    public ChallengeStatus Status { get; set; } = ChallengeStatus.Open;

    /// <summary>Who can unblock it, when known.</summary>
    public string? Owner { get; set; }

    public bool TruncatedInSource { get; set; }

    public bool IsCrossCutting => AreaId is null;
}

/// <summary>A programme of work with a status.</summary>
public sealed class Initiative : IEditableRecord
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int Revision { get; set; } = 1;

    public DateTimeOffset? DeletedAt { get; set; }

    public Classification Classification { get; set; } = Classification.NatoUnclassified;

    public string ReleasableTo { get; set; } = string.Empty;

    public ReviewState ReviewState { get; set; } = ReviewState.Approved;

    public string? ReviewComment { get; set; }

    public string? ApprovedVersion { get; set; }

    public int? AreaId { get; set; }

    public Area? Area { get; set; }

    public required string Name { get; set; }

    /// <summary>The focus area as the source wrote it ("Digital Threat Protection"); <see cref="AreaId"/> is the area it resolves to.</summary>
    public string? FocusArea { get; set; }

    /// <summary>Null when the source's label names no status we recognise (see <see cref="StatusLabel"/>).</summary>
    public InitiativeStatus? Status { get; set; }

    /// <summary>The status as the source wrote it, e.g. "Launched 2023".</summary>
    public string? StatusLabel { get; set; }

    public PartialDate? Start { get; set; }

    public PartialDate? End { get; set; }

    public string? LeadInstitution { get; set; }

    public bool TruncatedInSource { get; set; }
}

/// <summary>A dated step of the programme or of one initiative.</summary>
public sealed class Milestone : IEditableRecord
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int Revision { get; set; } = 1;

    public DateTimeOffset? DeletedAt { get; set; }

    public Classification Classification { get; set; } = Classification.NatoUnclassified;

    public string ReleasableTo { get; set; } = string.Empty;

    public ReviewState ReviewState { get; set; } = ReviewState.Approved;

    public string? ReviewComment { get; set; }

    public string? ApprovedVersion { get; set; }

    public int? InitiativeId { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The date as precisely as the source gives it.</summary>
    public PartialDate? Date { get; set; }

    /// <summary>The date as the source wrote it ("c. Dec 2015", "2008 to Jun 2010").</summary>
    public string? DateText { get; set; }

    public MilestoneStatus Status { get; set; } = MilestoneStatus.Done;

    /// <summary>The sources' confidence as graded where the fact was gathered ("high", "low/UNCERTAIN (date)").</summary>
    public string? Confidence { get; set; }
}

/// <summary>A recommendation: focus area, strategic action, expected outcome.</summary>
public sealed class Recommendation : IEditableRecord
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int Revision { get; set; } = 1;

    public DateTimeOffset? DeletedAt { get; set; }

    public Classification Classification { get; set; } = Classification.NatoUnclassified;

    public string ReleasableTo { get; set; } = string.Empty;

    public ReviewState ReviewState { get; set; } = ReviewState.Approved;

    public string? ReviewComment { get; set; }

    public string? ApprovedVersion { get; set; }

    public int? AreaId { get; set; }

    public Area? Area { get; set; }

    /// <summary>The focus area as the source wrote it; <see cref="AreaId"/> is the area it resolves to, if any.</summary>
    public string? FocusArea { get; set; }

    public required string StrategicAction { get; set; }

    public string? ExpectedOutcome { get; set; }

    public string? IssuedBy { get; set; }

    /// <summary>The review cycle it was issued in, e.g. "2024".</summary>
    public string? Cycle { get; set; }

    public RecommendationStatus Status { get; set; } = RecommendationStatus.Issued;

    public bool TruncatedInSource { get; set; }
}

/// <summary>Something measured over time.</summary>
public sealed class Indicator : IEditableRecord
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int Revision { get; set; } = 1;

    public DateTimeOffset? DeletedAt { get; set; }

    public Classification Classification { get; set; } = Classification.NatoUnclassified;

    public string ReleasableTo { get; set; } = string.Empty;

    public ReviewState ReviewState { get; set; } = ReviewState.Approved;

    public string? ReviewComment { get; set; }

    public string? ApprovedVersion { get; set; }

    public int? AreaId { get; set; }

    public required string Name { get; set; }

    /// <summary>Unit of <see cref="Observation.Value"/>, e.g. "% of GDP", "properties".</summary>
    public required string Unit { get; set; }

    public IndicatorDirection Direction { get; set; } = IndicatorDirection.HigherIsBetter;

    public string? Description { get; set; }

    public List<Observation> Observations { get; } = [];
}

/// <summary>
/// One measured value of an indicator from one source. Two sources that disagree give two
/// observations for the same period; neither is dropped.
/// </summary>
public sealed class Observation
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    /// <summary>The indicator measured; an observation is visible to whoever may see its indicator.</summary>
    public Indicator? Indicator { get; set; }

    /// <summary>The value in the indicator's unit.</summary>
    public decimal Value { get; set; }

    /// <summary>The whole the value is a part of, when the source gives one ("23 of 63" → 63).</summary>
    public decimal? OutOf { get; set; }

    /// <summary>The period or date the value is for.</summary>
    public PartialDate? Period { get; set; }

    /// <summary>The period as the source wrote it ("2024 entry", "c. early 2020").</summary>
    public string? PeriodText { get; set; }

    public int? SourceId { get; set; }

    public Source? Source { get; set; }

    public string? Confidence { get; set; }

    public string? Note { get; set; }
}
