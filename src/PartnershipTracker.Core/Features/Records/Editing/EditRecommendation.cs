using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>
/// What a person gives for a recommendation. <see cref="Cycle"/> is the review cycle it was issued in ("2024",
/// at most 32 characters); <see cref="Status"/> a name of <see cref="RecommendationStatus"/>, any case; null means Issued.
/// </summary>
public sealed record RecommendationInput : IMarkedInput
{
    /// <inheritdoc/>
    public string? Classification { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? ReleasableTo { get; init; }

    public string? StrategicAction { get; init; }

    public int? AreaId { get; init; }

    public string? FocusArea { get; init; }

    public string? ExpectedOutcome { get; init; }

    public string? IssuedBy { get; init; }

    public string? Cycle { get; init; }

    public string? Status { get; init; }
}

/// <summary>Creates and updates recommendations: strategic action required (≤ 500), area of the same programme.</summary>
public sealed class EditRecommendation(PtrackDbContext db, ProgrammeLookup programmes, MarkingDefaults? defaults = null) : RecordEditor<Recommendation, RecommendationInput>(db, programmes, defaults)
{
    /// <summary>Longest review cycle name: 32 characters.</summary>
    public const int CycleLength = 32;

    protected override Recommendation Blank(int programmeId) => new() { ProgrammeId = programmeId, StrategicAction = "" };

    protected override async Task ApplyAsync(RecommendationInput input, Recommendation record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var action = errors.Text("strategicAction", input.StrategicAction, FieldErrors.TitleLength, required: true);
        var areaId = await errors.AreaAsync(Db, "areaId", input.AreaId, record.ProgrammeId, cancellationToken);
        var focusArea = errors.Text("focusArea", input.FocusArea, FieldErrors.LabelLength);
        var outcome = errors.Text("expectedOutcome", input.ExpectedOutcome, FieldErrors.TextLength);
        var issuedBy = errors.Text("issuedBy", input.IssuedBy, FieldErrors.LabelLength);
        var cycle = errors.Text("cycle", input.Cycle, CycleLength);
        var status = errors.Enum<RecommendationStatus>("status", input.Status);
        if (errors.Any)
        {
            return;
        }

        record.StrategicAction = action!;
        record.AreaId = await KeptLinkAsync<Area>(record.AreaId, areaId, cancellationToken);
        record.FocusArea = focusArea;
        record.ExpectedOutcome = outcome;
        record.IssuedBy = issuedBy;
        record.Cycle = cycle;
        record.Status = status ?? RecommendationStatus.Issued;
    }
}
