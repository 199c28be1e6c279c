using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);

        // Deleting an old version keeps the newer one, which then has no previous version.
        builder.HasOne<Source>().WithMany().HasForeignKey(s => s.PreviousVersionId).OnDelete(DeleteBehavior.SetNull);

        // A file stored again under the same name is a new version; (programme, file, version) names one.
        // Sources cited by URL have no file name; NULLs do not collide in a unique index.
        builder.HasIndex(s => new { s.ProgrammeId, s.FileName, s.Version }).IsUnique();

        builder.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(s => s.Format).HasMaxLength(16);

        // The text and ingest reports can be megabytes; history notes that they changed, not their values.
        builder.Property(s => s.Content).HasAnnotation(ChangeHistory.OmittedAnnotation, true);
        builder.Property(s => s.IngestReportJson).HasAnnotation(ChangeHistory.OmittedAnnotation, true);
        builder.Property(s => s.UnmappedStructureJson).HasAnnotation(ChangeHistory.OmittedAnnotation, true);
        builder.Property(s => s.DataQualityFlags)
            .HasConversion(
                flags => DataQualityFlagsJson.Write(flags),
                json => DataQualityFlagsJson.Read(json),
                new ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    flags => flags.Aggregate(0, (hash, flag) => HashCode.Combine(hash, flag.GetHashCode(StringComparison.Ordinal))),
                    flags => flags.ToList()));
    }
}

/// <summary>The JSON array text a source's data-quality flags are stored as, e.g. <c>["duplicate","truncated-cell"]</c>.</summary>
internal static class DataQualityFlagsJson
{
    public static string Write(List<string> flags) => JsonSerializer.Serialize(flags);

    public static List<string> Read(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        // Evidence is a link; without its source it means nothing.
        builder.HasOne(e => e.Source).WithMany().HasForeignKey(e => e.SourceId).OnDelete(DeleteBehavior.Cascade);

        // RecordId points into the table RecordType names, so there is no foreign key: handlers that delete a
        // record delete its evidence.
        builder.HasIndex(e => new { e.RecordType, e.RecordId });
    }
}
