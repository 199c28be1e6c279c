using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Ingest.Repeats;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data;

/// <summary>
/// The one DbContext of ptrack, used directly by handlers (no repositories, see docs/adr/0002-data-layer.md).
/// The provider (SQLite, PostgreSQL) is chosen by configuration; see <see cref="DatabaseServiceCollectionExtensions"/>.
/// </summary>
public sealed class PtrackDbContext(DbContextOptions<PtrackDbContext> options) : DbContext(options)
{
    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<Area> Areas => Set<Area>();

    public DbSet<AreaAlias> AreaAliases => Set<AreaAlias>();

    public DbSet<Achievement> Achievements => Set<Achievement>();

    public DbSet<Challenge> Challenges => Set<Challenge>();

    public DbSet<Initiative> Initiatives => Set<Initiative>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Evidence> Evidence => Set<Evidence>();

    public DbSet<IngestDraft> IngestDrafts => Set<IngestDraft>();

    public DbSet<PassageCopy> PassageCopies => Set<PassageCopy>();

    public DbSet<SourcePassage> SourcePassages => Set<SourcePassage>();

    public DbSet<PassageBand> PassageBands => Set<PassageBand>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // ISO 8601 reduced precision ("2006-12") sorts in date order as text on every provider.
        configurationBuilder.Properties<PartialDate>()
            .HaveConversion<PartialDateConverter>()
            .HaveMaxLength(10);

        // Enums as their names: readable in the database and safe against reordering the enum.
        configurationBuilder.Properties<InitiativeStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ChallengeStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Severity>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<MilestoneStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<RecommendationStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<IndicatorDirection>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SourceKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<MapChapter>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<RecordType>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PtrackDbContext).Assembly);
    }
}
