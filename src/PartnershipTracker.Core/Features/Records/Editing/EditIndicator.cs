using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>
/// What a person gives for an indicator. <see cref="Unit"/> is required (at most 64 characters, e.g. "% of GDP");
/// <see cref="Direction"/> a name of <see cref="IndicatorDirection"/>, any case; null means HigherIsBetter.
/// Observations are not part of it.
/// </summary>
public sealed record IndicatorInput : IMarkedInput
{
    /// <inheritdoc/>
    public string? Classification { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? ReleasableTo { get; init; }

    public string? Name { get; init; }

    public string? Unit { get; init; }

    public int? AreaId { get; init; }

    public string? Direction { get; init; }

    public string? Description { get; init; }
}

/// <summary>Creates and updates indicators: name and unit required, area of the same programme.</summary>
public sealed class EditIndicator(PtrackDbContext db, ProgrammeLookup programmes, MarkingDefaults? defaults = null) : RecordEditor<Indicator, IndicatorInput>(db, programmes, defaults)
{
    /// <summary>Longest unit: 64 characters (the column's length).</summary>
    public const int UnitLength = 64;

    protected override Indicator Blank(int programmeId) => new() { ProgrammeId = programmeId, Name = "", Unit = "" };

    protected override async Task ApplyAsync(IndicatorInput input, Indicator record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var name = errors.Text("name", input.Name, FieldErrors.TitleLength, required: true);
        var unit = errors.Text("unit", input.Unit, UnitLength, required: true);
        var areaId = await errors.AreaAsync(Db, "areaId", input.AreaId, record.ProgrammeId, cancellationToken);
        var direction = errors.Enum<IndicatorDirection>("direction", input.Direction);
        var description = errors.Text("description", input.Description, FieldErrors.TextLength);
        if (errors.Any)
        {
            return;
        }

        record.Name = name!;
        record.Unit = unit!;
        record.AreaId = await KeptLinkAsync<Area>(record.AreaId, areaId, cancellationToken);
        record.Direction = direction ?? IndicatorDirection.HigherIsBetter;
        record.Description = description;
    }
}
