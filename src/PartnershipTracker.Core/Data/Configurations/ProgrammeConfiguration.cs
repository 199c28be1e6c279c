using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Alliance).HasMaxLength(64);
        builder.Property(p => p.PartnerIso3).HasMaxLength(3);
        builder.Property(p => p.ReviewCycle).HasMaxLength(32);

        builder.HasMany(p => p.Areas)
            .WithOne()
            .HasForeignKey(a => a.ProgrammeId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
