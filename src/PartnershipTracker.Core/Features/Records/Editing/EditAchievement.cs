using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>What a person gives for an achievement; <see cref="Date"/> is an ISO partial date.</summary>
public sealed record AchievementInput : IMarkedInput
{
    /// <inheritdoc/>
    public string? Classification { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? ReleasableTo { get; init; }

    public string? Title { get; init; }

    public int? AreaId { get; init; }

    public string? Date { get; init; }
}

/// <summary>Creates and updates achievements: title required (≤ 500), area of the same programme.</summary>
public sealed class EditAchievement(PtrackDbContext db, ProgrammeLookup programmes, MarkingDefaults? defaults = null) : RecordEditor<Achievement, AchievementInput>(db, programmes, defaults)
{
    protected override Achievement Blank(int programmeId) => new() { ProgrammeId = programmeId, Title = "" };

    protected override async Task ApplyAsync(AchievementInput input, Achievement record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var title = errors.Text("title", input.Title, FieldErrors.TitleLength, required: true);
        var areaId = await errors.AreaAsync(Db, "areaId", input.AreaId, record.ProgrammeId, cancellationToken);
        var date = errors.Date("date", input.Date);
        if (errors.Any)
        {
            return;
        }

        record.Title = title!;
        record.AreaId = await KeptLinkAsync<Area>(record.AreaId, areaId, cancellationToken);
        record.Date = date;
    }
}
