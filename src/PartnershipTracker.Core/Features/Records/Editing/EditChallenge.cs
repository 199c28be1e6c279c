using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>
/// What a person gives for a challenge. No area means cross-cutting. <see cref="Severity"/> and
/// <see cref="Status"/> are names of <see cref="Domain.Severity"/> and <see cref="ChallengeStatus"/>, any case;
/// null means Unrated and Open.
/// </summary>
public sealed record ChallengeInput : IMarkedInput
{
    /// <inheritdoc/>
    public string? Classification { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? ReleasableTo { get; init; }

    public string? Title { get; init; }

    public int? AreaId { get; init; }

    public string? Impact { get; init; }

    public string? Severity { get; init; }

    public string? Status { get; init; }

    public string? Owner { get; init; }
}

/// <summary>Creates and updates challenges: title required (≤ 500), area of the same programme.</summary>
public sealed class EditChallenge(PtrackDbContext db, ProgrammeLookup programmes, MarkingDefaults? defaults = null) : RecordEditor<Challenge, ChallengeInput>(db, programmes, defaults)
{
    protected override Challenge Blank(int programmeId) => new() { ProgrammeId = programmeId, Title = "" };

    protected override async Task ApplyAsync(ChallengeInput input, Challenge record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var title = errors.Text("title", input.Title, FieldErrors.TitleLength, required: true);
        var areaId = await errors.AreaAsync(Db, "areaId", input.AreaId, record.ProgrammeId, cancellationToken);
        var impact = errors.Text("impact", input.Impact, FieldErrors.TextLength);
        var severity = errors.Enum<Severity>("severity", input.Severity);
        var status = errors.Enum<ChallengeStatus>("status", input.Status);
        var owner = errors.Text("owner", input.Owner, FieldErrors.LabelLength);
        if (errors.Any)
        {
            return;
        }

        record.Title = title!;
        record.AreaId = await KeptLinkAsync<Area>(record.AreaId, areaId, cancellationToken);
        record.Impact = impact;
        record.Severity = severity ?? Severity.Unrated;
        record.Status = status ?? ChallengeStatus.Open;
        record.Owner = owner;
    }
}
