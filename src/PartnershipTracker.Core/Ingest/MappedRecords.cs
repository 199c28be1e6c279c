using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Ingest;

/// <summary>Where in the document a record comes from: the passage as the source has it, and its lines (from 1).</summary>
public sealed record EvidenceRef(string Quote, int Line, int LineEnd);

/// <summary>An area named by the document, under its canonical name (aliases resolved), with every mention.</summary>
public sealed record MappedArea(string Name, string? Description, IReadOnlyList<string> NamesSeen, IReadOnlyList<EvidenceRef> Evidence);

public sealed record MappedAchievement(string? Area, string Title, bool Truncated, EvidenceRef Evidence);

/// <summary>A challenge; <see cref="Area"/> null means cross-cutting.</summary>
public sealed record MappedChallenge(string? Area, string Title, string? Impact, bool Truncated, EvidenceRef Evidence);

/// <summary>
/// An initiative. A year in its status label is a start for a launched, planned or ongoing initiative ("Launched
/// 2023") and an end for a completed or cancelled one ("Completed 2025"); a stalled one's year is neither.
/// </summary>
public sealed record MappedInitiative(
    string Name,
    string? Area,
    string? FocusArea,
    InitiativeStatus? Status,
    string? StatusLabel,
    PartialDate? Start,
    PartialDate? End,
    string? LeadInstitution,
    bool Truncated,
    EvidenceRef Evidence);

public sealed record MappedRecommendation(string? Area, string? FocusArea, string StrategicAction, string? ExpectedOutcome, bool Truncated, EvidenceRef Evidence);

/// <summary>A table or list no rule maps, kept as structure on the source.</summary>
public sealed record UnmappedBlock(string Type, int Line, string Description);

/// <summary>Everything <see cref="RecordMapper"/> found in one document, and what it could not read (e.g. a status label it does not know).</summary>
public sealed record MappedRecords(
    IReadOnlyList<MappedArea> Areas,
    IReadOnlyList<MappedAchievement> Achievements,
    IReadOnlyList<MappedChallenge> Challenges,
    IReadOnlyList<MappedInitiative> Initiatives,
    IReadOnlyList<MappedRecommendation> Recommendations,
    IReadOnlyList<UnmappedBlock> Unmapped,
    IReadOnlyList<PartnershipTracker.Ingest.Model.IngestWarning> Warnings)
{
    public int Count => Areas.Count + Achievements.Count + Challenges.Count + Initiatives.Count + Recommendations.Count;
}
