using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>What a person gives for an area; <see cref="Chapter"/> is a name of <see cref="MapChapter"/>, any case, or null.</summary>
public sealed record AreaInput : IMarkedInput
{
    /// <inheritdoc/>
    public string? Classification { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? ReleasableTo { get; init; }

    public string? Name { get; init; }

    public string? Chapter { get; init; }

    public string? Description { get; init; }
}

/// <summary>
/// Creates and updates areas. The name (≤ 200) must not be another area's name or alias in the programme, as
/// names are compared by <see cref="AreaNames.Normalize"/> (deleted areas included: ingest still matches them).
/// A new name becomes an alias too and a renamed area keeps its old name as an alias, so ingest finds it by both.
/// </summary>
public sealed class EditArea(PtrackDbContext db, ProgrammeLookup programmes, MarkingDefaults? defaults = null) : RecordEditor<Area, AreaInput>(db, programmes, defaults)
{
    /// <summary>Longest area name: 200 characters (the column's length).</summary>
    public const int NameLength = 200;

    protected override Area Blank(int programmeId) => new() { ProgrammeId = programmeId, Name = "" };

    protected override async Task ApplyAsync(AreaInput input, Area record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var name = errors.Text("name", input.Name, NameLength, required: true);
        var chapter = errors.Enum<MapChapter>("chapter", input.Chapter);
        var description = errors.Text("description", input.Description, FieldErrors.TextLength);
        var key = name is null ? null : AreaNames.Normalize(name);
        if (key is not null)
        {
            var taken = await Db.AreaAliases.IgnoreQueryFilters([EditableRecords.SoftDeleteFilter])
                .Where(a => a.ProgrammeId == record.ProgrammeId && a.NormalizedName == key && a.AreaId != record.Id)
                .Select(a => (int?)a.AreaId)
                .FirstOrDefaultAsync(cancellationToken);
            if (taken is not null)
            {
                errors.Add("name", $"name: area {taken} is already called '{name}' (or a name that compares equal)");
            }
        }

        if (errors.Any)
        {
            return;
        }

        var hasAlias = record.Id != 0
            && await Db.AreaAliases.IgnoreQueryFilters([EditableRecords.SoftDeleteFilter]).AnyAsync(a => a.AreaId == record.Id && a.NormalizedName == key, cancellationToken);
        if (!hasAlias)
        {
            record.Aliases.Add(new AreaAlias { Name = name!, NormalizedName = key!, ProgrammeId = record.ProgrammeId });
        }

        record.Name = name!;
        record.Chapter = chapter;
        record.Description = description;
    }
}
