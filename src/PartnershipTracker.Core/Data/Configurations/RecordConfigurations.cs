using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data.Configurations;

// Records belong to a programme (deleted with it). A record's area is optional: deleting the area leaves the
// record cross-cutting (SET NULL) rather than deleting what was said about it.

internal sealed class AchievementConfiguration : IEntityTypeConfiguration<Achievement>
{
    public void Configure(EntityTypeBuilder<Achievement> builder)
    {
        builder.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Area).WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.ProgrammeId, a.Date });
        // Dashboard counts (by status, by area) read these indexes alone: DeletedAt is in them for the soft-delete filter.
        builder.HasIndex(a => new { a.ProgrammeId, a.AreaId, a.DeletedAt });

        // List filters and sorts (RecordQuery): each index ends in Id, the tie-breaker of keyset paging, and holds
        // live records only, so that a list's count is read from the index alone.
        builder.HasIndex(a => new { a.ProgrammeId, a.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(a => new { a.ProgrammeId, a.AreaId, a.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(a => new { a.ProgrammeId, a.Title, a.Id }).HasFilter(EditableRecords.LiveFilterSql);
    }
}

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> builder)
    {
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Area).WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(c => c.IsCrossCutting);
        // Dashboard counts (by status, by area) read these indexes alone: DeletedAt is in them for the soft-delete filter.
        builder.HasIndex(c => new { c.ProgrammeId, c.Status, c.Severity, c.DeletedAt });
        builder.HasIndex(c => new { c.ProgrammeId, c.AreaId, c.DeletedAt });
        builder.HasIndex(c => new { c.ProgrammeId, c.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(c => new { c.ProgrammeId, c.Status, c.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(c => new { c.ProgrammeId, c.Severity, c.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(c => new { c.ProgrammeId, c.AreaId, c.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(c => new { c.ProgrammeId, c.Title, c.Id }).HasFilter(EditableRecords.LiveFilterSql);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.HasOne<Programme>().WithMany().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Area).WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.SetNull);
        // Dashboard counts (by status, by area) read these indexes alone: DeletedAt is in them for the soft-delete filter.
        builder.HasIndex(i => new { i.ProgrammeId, i.Status, i.DeletedAt });
        builder.HasIndex(i => new { i.ProgrammeId, i.AreaId, i.DeletedAt });
        builder.HasIndex(i => new { i.ProgrammeId, i.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(i => new { i.ProgrammeId, i.Status, i.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(i => new { i.ProgrammeId, i.AreaId, i.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(i => new { i.ProgrammeId, i.Name, i.Id }).HasFilter(EditableRecords.LiveFilterSql);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.HasOne<Programme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Cascade);

        // A milestone is a step of its initiative and goes with it.
        builder.HasOne<Initiative>().WithMany().HasForeignKey(m => m.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ProgrammeId, m.Status, m.DeletedAt });
        builder.HasIndex(m => new { m.ProgrammeId, m.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(m => new { m.ProgrammeId, m.Date, m.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(m => new { m.ProgrammeId, m.Status, m.Id }).HasFilter(EditableRecords.LiveFilterSql);
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Area).WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.SetNull);
        // Dashboard counts (by status, by area) read these indexes alone: DeletedAt is in them for the soft-delete filter.
        builder.HasIndex(r => new { r.ProgrammeId, r.Status, r.DeletedAt });
        builder.HasIndex(r => new { r.ProgrammeId, r.AreaId, r.DeletedAt });
        builder.HasIndex(r => new { r.ProgrammeId, r.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(r => new { r.ProgrammeId, r.Cycle, r.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(r => new { r.ProgrammeId, r.Status, r.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasIndex(r => new { r.ProgrammeId, r.AreaId, r.Id }).HasFilter(EditableRecords.LiveFilterSql);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasOne<Programme>().WithMany().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Area>().WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(i => i.Unit).HasMaxLength(64);
        builder.HasIndex(i => new { i.ProgrammeId, i.AreaId, i.Id }).HasFilter(EditableRecords.LiveFilterSql);
        builder.HasMany(i => i.Observations)
            .WithOne(o => o.Indicator)
            .HasForeignKey(o => o.IndicatorId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.Property(o => o.Value).HasPrecision(18, 4);
        builder.Property(o => o.OutOf).HasPrecision(18, 4);

        // A source that observations cite cannot be deleted on its own (NO ACTION is checked at the end of the
        // statement, so deleting the whole programme, which cascades to both, still works).
        builder.HasOne(o => o.Source).WithMany().HasForeignKey(o => o.SourceId).OnDelete(DeleteBehavior.NoAction);
        // The dashboard reads the latest observations of each indicator from this index (one seek, newest first), never by scanning.
        builder.HasIndex(o => new { o.IndicatorId, o.Period, o.Id });
    }
}
