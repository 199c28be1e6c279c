using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data;

/// <summary>
/// The record types that implement <see cref="IEditableRecord"/>, their <see cref="RecordType"/>, and the model
/// rules they share: <see cref="IEditableRecord.Revision"/> is a concurrency token and deleted records are
/// hidden by the query filter named <see cref="SoftDeleteFilter"/>.
/// </summary>
public static class EditableRecords
{
    /// <summary>
    /// The name of the query filter that hides deleted records. To see them, e.g. to restore one:
    /// <c>db.Initiatives.IgnoreQueryFilters([EditableRecords.SoftDeleteFilter])</c>.
    /// </summary>
    public const string SoftDeleteFilter = "SoftDelete";

    /// <summary>
    /// The name of the query filter that hides records the reader's marking access does not allow (see
    /// <see cref="Security.RecordAccess"/>). Only code that must see everything (the audit of a marking change, a
    /// uniqueness check across markings) ignores it, and then never shows what it read.
    /// </summary>
    public const string MarkingFilter = "Marking";

    /// <summary>The SQL condition of indexes over live records only (partial indexes on SQLite and PostgreSQL).</summary>
    public const string LiveFilterSql = "\"DeletedAt\" IS NULL";

    private static readonly Dictionary<Type, RecordType> Types = new()
    {
        [typeof(Area)] = RecordType.Area,
        [typeof(Achievement)] = RecordType.Achievement,
        [typeof(Challenge)] = RecordType.Challenge,
        [typeof(Initiative)] = RecordType.Initiative,
        [typeof(Milestone)] = RecordType.Milestone,
        [typeof(Recommendation)] = RecordType.Recommendation,
        [typeof(Indicator)] = RecordType.Indicator,
        [typeof(Source)] = RecordType.Source,
    };

    /// <summary>The record type as a word in a sentence: "initiative", "source".</summary>
    public static string Noun(RecordType type) => type switch
    {
        RecordType.Area => "area",
        RecordType.Achievement => "achievement",
        RecordType.Challenge => "challenge",
        RecordType.Initiative => "initiative",
        RecordType.Milestone => "milestone",
        RecordType.Recommendation => "recommendation",
        RecordType.Indicator => "indicator",
        RecordType.Source => "source",
        RecordType.Programme => "programme",
        RecordType.Observation => "observation",
        _ => type.ToString(),
    };

    /// <summary>True for the record types that have revisions, soft delete and history (not programmes or observations).</summary>
    public static bool IsEditable(RecordType type) => Types.ContainsValue(type);

    /// <exception cref="ArgumentException"><paramref name="clrType"/> is not an editable record type.</exception>
    public static RecordType TypeOf(Type clrType) =>
        Types.TryGetValue(clrType, out var type) ? type : throw new ArgumentException($"{clrType.Name} is not an editable record type.", nameof(clrType));

    /// <summary>The record of <paramref name="type"/> with <paramref name="id"/>, tracked; null when there is none (or it is deleted and <paramref name="includeDeleted"/> is false).</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not editable (see <see cref="IsEditable"/>).</exception>
    public static Task<IEditableRecord?> FindAsync(PtrackDbContext db, RecordType type, int id, bool includeDeleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return type switch
        {
            RecordType.Area => FindAsync(db.Areas, id, includeDeleted, cancellationToken),
            RecordType.Achievement => FindAsync(db.Achievements, id, includeDeleted, cancellationToken),
            RecordType.Challenge => FindAsync(db.Challenges, id, includeDeleted, cancellationToken),
            RecordType.Initiative => FindAsync(db.Initiatives, id, includeDeleted, cancellationToken),
            RecordType.Milestone => FindAsync(db.Milestones, id, includeDeleted, cancellationToken),
            RecordType.Recommendation => FindAsync(db.Recommendations, id, includeDeleted, cancellationToken),
            RecordType.Indicator => FindAsync(db.Indicators, id, includeDeleted, cancellationToken),
            RecordType.Source => FindAsync(db.Sources, id, includeDeleted, cancellationToken),
            _ => throw new ArgumentException($"{type} is not an editable record type.", nameof(type)),
        };
    }

    /// <summary>Applies the shared rules to one editable entity type.</summary>
    internal static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : class, IEditableRecord
    {
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Property(r => r.ReleasableTo).HasMaxLength(Markings.MaxReleasableToLength);
        builder.Property(r => r.ReviewComment).HasMaxLength(2000);
        builder.HasQueryFilter(SoftDeleteFilter, r => r.DeletedAt == null);
    }

    private static async Task<IEditableRecord?> FindAsync<T>(DbSet<T> set, int id, bool includeDeleted, CancellationToken cancellationToken)
        where T : class, IEditableRecord
    {
        var query = includeDeleted ? set.IgnoreQueryFilters([SoftDeleteFilter]) : set;
        return await query.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }
}
