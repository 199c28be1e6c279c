using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Ingest.Repeats;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data;

/// <summary>
/// The one DbContext of ptrack, used directly by handlers (no repositories, see docs/adr/0002-data-layer.md).
/// The provider (SQLite, PostgreSQL) is chosen by configuration; see <see cref="DatabaseServiceCollectionExtensions"/>.
/// Every save of an <see cref="IEditableRecord"/> sets its revision and writes a <see cref="ChangeRecord"/>
/// naming <paramref name="actor"/> and the time of <paramref name="time"/> (docs/adr/0010-revisions-soft-delete-history.md).
/// </summary>
public sealed class PtrackDbContext(DbContextOptions<PtrackDbContext> options, IChangeActor actor, TimeProvider time) : DbContext(options)
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

    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();

    /// <inheritdoc cref="SaveWithHistoryAsync"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveWithHistoryAsync(acceptAllChangesOnSuccess, async: false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="SaveWithHistoryAsync"/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveWithHistoryAsync(acceptAllChangesOnSuccess, async: true, cancellationToken);

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // Evidence, aliases and observations require a source, area or indicator that may be deleted softly; EF Core
        // warns that they are then hidden too (inner join on the filtered principal). That is what we want: a deleted
        // source's evidence does not count until the source is restored.
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
    }

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
        EditableRecords.Configure(modelBuilder.Entity<Area>());
        EditableRecords.Configure(modelBuilder.Entity<Achievement>());
        EditableRecords.Configure(modelBuilder.Entity<Challenge>());
        EditableRecords.Configure(modelBuilder.Entity<Initiative>());
        EditableRecords.Configure(modelBuilder.Entity<Milestone>());
        EditableRecords.Configure(modelBuilder.Entity<Recommendation>());
        EditableRecords.Configure(modelBuilder.Entity<Indicator>());
        EditableRecords.Configure(modelBuilder.Entity<Source>());
    }

    /// <summary>
    /// Saves, setting the revision of every created, changed, deleted or restored editable record and writing its
    /// <see cref="ChangeRecord"/> in the same transaction. When records are created, their ids are only known after
    /// the insert, so the save runs twice inside one transaction (the caller's, or one of its own): records first,
    /// then history; changes are then accepted after the first step whatever <paramref name="acceptAllChangesOnSuccess"/> says.
    /// </summary>
    /// <exception cref="DbUpdateConcurrencyException">A changed record's revision in the database is no longer the one it was read at.</exception>
    private async Task<int> SaveWithHistoryAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken cancellationToken)
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        var pending = ChangeHistory.Prepare(ChangeTracker);
        if (pending.Count == 0)
        {
            return await BaseSaveAsync(acceptAllChangesOnSuccess, async, cancellationToken);
        }

        var now = time.GetUtcNow();
        if (!ChangeTracker.Entries().Any(e => e.State == EntityState.Added))
        {
            ChangeRecords.AddRange(ChangeHistory.Complete(pending, actor.Name, now));
            return await BaseSaveAsync(acceptAllChangesOnSuccess, async, cancellationToken) - pending.Count;
        }

        var transaction = Database.CurrentTransaction is not null ? null
            : async ? await Database.BeginTransactionAsync(cancellationToken) : Database.BeginTransaction();
        try
        {
            var saved = await BaseSaveAsync(acceptAllChangesOnSuccess: true, async, cancellationToken);
            ChangeRecords.AddRange(ChangeHistory.Complete(pending, actor.Name, now));
            await BaseSaveAsync(acceptAllChangesOnSuccess: true, async, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private Task<int> BaseSaveAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken cancellationToken) =>
        async ? base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : Task.FromResult(base.SaveChanges(acceptAllChangesOnSuccess));
}
