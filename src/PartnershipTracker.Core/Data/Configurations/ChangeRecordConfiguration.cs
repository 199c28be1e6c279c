using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data.Configurations;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        // History goes with its programme, and only with it: deleting a record softly keeps its history.
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Actor).HasMaxLength(200);
        builder.Property(c => c.ReleasableTo).HasMaxLength(Markings.MaxReleasableToLength);

        // A record's history, newest first; and a programme's recent changes.
        builder.HasIndex(c => new { c.RecordType, c.RecordId, c.Id });
        builder.HasIndex(c => new { c.ProgrammeId, c.At });

        // The dashboard's recent changes: a programme's last rows in the order they were saved.
        builder.HasIndex(c => new { c.ProgrammeId, c.Id });
    }
}
