using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnershipTracker.Core.Ingest.Repeats;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data.Configurations;

internal sealed class SourcePassageConfiguration : IEntityTypeConfiguration<SourcePassage>
{
    public void Configure(EntityTypeBuilder<SourcePassage> builder)
    {
        builder.HasOne<Source>().WithMany().HasForeignKey(p => p.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.SourceId);
    }
}

internal sealed class PassageBandConfiguration : IEntityTypeConfiguration<PassageBand>
{
    public void Configure(EntityTypeBuilder<PassageBand> builder)
    {
        // Looked up by key: the band key leads the primary key, so the lookup is one index seek per key.
        builder.HasKey(b => new { b.BandKey, b.PassageId });
        builder.HasOne<SourcePassage>().WithMany().HasForeignKey(b => b.PassageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.PassageId);
    }
}

internal sealed class PassageCopyConfiguration : IEntityTypeConfiguration<PassageCopy>
{
    public void Configure(EntityTypeBuilder<PassageCopy> builder)
    {
        builder.HasOne<Source>().WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Source>().WithMany().HasForeignKey(c => c.CopyOfSourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.SourceId);
        builder.HasIndex(c => c.CopyOfSourceId);
    }
}
