using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>
/// What a person gives for a milestone: a step of the programme, or of one initiative when
/// <see cref="InitiativeId"/> is set. <see cref="Date"/> is an ISO partial date, <see cref="DateText"/> the date
/// as a source wrote it. <see cref="Status"/> (Due, Done, Missed) is required: a step is not done by default.
/// </summary>
public sealed record MilestoneInput : IMarkedInput
{
    /// <inheritdoc/>
    public string? Classification { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? ReleasableTo { get; init; }

    public string? Title { get; init; }

    public int? InitiativeId { get; init; }

    public string? Description { get; init; }

    public string? Date { get; init; }

    public string? DateText { get; init; }

    public string? Status { get; init; }

    public string? Confidence { get; init; }
}

/// <summary>Creates and updates milestones: title and status required, initiative of the same programme.</summary>
public sealed class EditMilestone(PtrackDbContext db, ProgrammeLookup programmes, MarkingDefaults? defaults = null) : RecordEditor<Milestone, MilestoneInput>(db, programmes, defaults)
{
    protected override Milestone Blank(int programmeId) => new() { ProgrammeId = programmeId, Title = "" };

    protected override async Task ApplyAsync(MilestoneInput input, Milestone record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var title = errors.Text("title", input.Title, FieldErrors.TitleLength, required: true);
        var initiativeId = await errors.InitiativeAsync(Db, "initiativeId", input.InitiativeId, record.ProgrammeId, cancellationToken);
        var description = errors.Text("description", input.Description, FieldErrors.TextLength);
        var date = errors.Date("date", input.Date);
        var dateText = errors.Text("dateText", input.DateText, FieldErrors.LabelLength);
        var status = errors.Enum<MilestoneStatus>("status", input.Status, required: true);
        var confidence = errors.Text("confidence", input.Confidence, FieldErrors.LabelLength);
        if (errors.Any)
        {
            return;
        }

        record.Title = title!;
        record.InitiativeId = await KeptLinkAsync<Initiative>(record.InitiativeId, initiativeId, cancellationToken);
        record.Description = description;
        record.Date = date;
        record.DateText = dateText;
        record.Status = status!.Value;
        record.Confidence = confidence;
    }
}
