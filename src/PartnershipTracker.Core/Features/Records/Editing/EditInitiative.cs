using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>
/// What a person gives for an initiative; property names are the API JSON names. Dates are ISO partial dates
/// (<c>2023</c>, <c>2023-05</c>, <c>2023-05-17</c>); <see cref="Status"/> is a name of <see cref="InitiativeStatus"/>,
/// any case; null leaves the status unknown.
/// </summary>
public sealed record InitiativeInput : IMarkedInput
{
    /// <inheritdoc/>
    public string? Classification { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? ReleasableTo { get; init; }

    public string? Name { get; init; }

    public int? AreaId { get; init; }

    public string? FocusArea { get; init; }

    public string? Status { get; init; }

    public string? StatusLabel { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }

    public string? LeadInstitution { get; init; }
}

/// <summary>Creates and updates initiatives: name required (≤ 500), area of the same programme, end not before start.</summary>
public sealed class EditInitiative(PtrackDbContext db, ProgrammeLookup programmes, MarkingDefaults? defaults = null) : RecordEditor<Initiative, InitiativeInput>(db, programmes, defaults)
{
    protected override Initiative Blank(int programmeId) => new() { ProgrammeId = programmeId, Name = "" };

    protected override async Task ApplyAsync(InitiativeInput input, Initiative record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var name = errors.Text("name", input.Name, FieldErrors.TitleLength, required: true);
        var areaId = await errors.AreaAsync(Db, "areaId", input.AreaId, record.ProgrammeId, cancellationToken);
        var focusArea = errors.Text("focusArea", input.FocusArea, FieldErrors.LabelLength);
        var status = errors.Enum<InitiativeStatus>("status", input.Status);
        var statusLabel = errors.Text("statusLabel", input.StatusLabel, FieldErrors.LabelLength);
        var start = errors.Date("start", input.Start);
        var end = errors.Date("end", input.End);
        var lead = errors.Text("leadInstitution", input.LeadInstitution, FieldErrors.LabelLength);
        if (start is not null && end is not null && end < start)
        {
            errors.Add("end", $"end ({end}) is before start ({start})");
        }

        if (errors.Any)
        {
            return;
        }

        record.Name = name!;
        record.AreaId = await KeptLinkAsync<Area>(record.AreaId, areaId, cancellationToken);
        record.FocusArea = focusArea;
        record.Status = status;
        record.StatusLabel = statusLabel;
        record.Start = start;
        record.End = end;
        record.LeadInstitution = lead;
    }
}
