using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data.Configurations;

internal sealed class IngestDraftConfiguration : IEntityTypeConfiguration<IngestDraft>
{
    public void Configure(EntityTypeBuilder<IngestDraft> builder)
    {
        builder.HasOne<Programme>().WithMany().HasForeignKey(d => d.ProgrammeId).OnDelete(DeleteBehavior.Cascade);

        // Staging the same bytes under the same name again finds the waiting draft instead of making a second.
        builder.HasIndex(d => new { d.ProgrammeId, d.Sha256, d.FileName });
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.Format).HasMaxLength(16);
    }
}
