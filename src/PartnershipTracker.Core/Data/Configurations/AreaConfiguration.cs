using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);

        // (Id, ProgrammeId) is a key so that an alias can point at both: the alias's ProgrammeId is then
        // always its area's, and EF Core fills it in from the area.
        builder.HasAlternateKey(a => new { a.Id, a.ProgrammeId });

        builder.HasMany(a => a.Aliases)
            .WithOne()
            .HasForeignKey(x => new { x.AreaId, x.ProgrammeId })
            .HasPrincipalKey(a => new { a.Id, a.ProgrammeId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AreaAliasConfiguration : IEntityTypeConfiguration<AreaAlias>
{
    public void Configure(EntityTypeBuilder<AreaAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.NormalizedName).HasMaxLength(200);
        builder.HasIndex(a => new { a.ProgrammeId, a.NormalizedName }).IsUnique();
    }
}
