using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Ingest.Repeats;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data;

/// <summary>
/// The one DbContext of ptrack, used directly by handlers (no repositories, see docs/adr/0002-data-layer.md).
/// The provider (SQLite, PostgreSQL) is chosen by configuration; see <see cref="DatabaseServiceCollectionExtensions"/>.
/// Every save of an <see cref="IEditableRecord"/> sets its revision and writes a <see cref="ChangeRecord"/>
/// naming <paramref name="actor"/> and the time of <paramref name="time"/> (docs/adr/0010-revisions-soft-delete-history.md),
/// and an <see cref="AuditEntry"/> with the same values.
/// Every query keeps to the marking rule for <paramref name="access"/> (null: sees everything), through the query
/// filter named <see cref="EditableRecords.MarkingFilter"/> (docs/adr/0016-markings.md).
/// </summary>
public sealed class PtrackDbContext(DbContextOptions<PtrackDbContext> options, IChangeActor actor, TimeProvider time, RecordAccess? access = null) : DbContext(options)
{
    private readonly RecordAccess _access = access ?? RecordAccess.Unrestricted();

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

    public DbSet<User> Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Who saves through this context: the name history and the audit log record, and the role the review workflow goes by.</summary>
    public IChangeActor Actor => actor;

    /// <summary>Who reads through this context; the marking filter keeps to it.</summary>
    public RecordAccess Access => _access;

    // The marking filter's parameters: EF Core reads these from the context running each query.
    private bool MarkingSeesAll => _access.SeesAll;

    private bool MarkingSeesNothing => _access.SeesNothing;

    private Classification MarkingClearance => _access.Clearance;

    private string MarkingNationality => _access.NationalityToken;

    private string MarkingOrganisation => _access.OrganisationToken;

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
        configurationBuilder.Properties<ReviewState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Role>().HaveConversion<string>().HaveMaxLength(16);

        // Classifications as their level (0 PUBLIC … 4 NATO SECRET): the marking filter compares them with the reader's clearance.
        configurationBuilder.Properties<Classification>().HaveConversion<int>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PtrackDbContext).Assembly);
        Configure(modelBuilder.Entity<Area>());
        Configure(modelBuilder.Entity<Achievement>());
        Configure(modelBuilder.Entity<Challenge>());
        Configure(modelBuilder.Entity<Initiative>());
        Configure(modelBuilder.Entity<Milestone>());
        Configure(modelBuilder.Entity<Recommendation>());
        Configure(modelBuilder.Entity<Indicator>());
        Configure(modelBuilder.Entity<Source>());

        // History, observations and evidence keep to the marking of what they belong to.
        modelBuilder.Entity<ChangeRecord>().HasQueryFilter(EditableRecords.MarkingFilter, c => MarkingSeesAll
            || (!MarkingSeesNothing && c.Classification <= MarkingClearance
                && (c.ReleasableTo == "" || c.ReleasableTo.Contains(MarkingNationality) || c.ReleasableTo.Contains(MarkingOrganisation))));
        modelBuilder.Entity<Observation>().HasQueryFilter(EditableRecords.MarkingFilter, o => MarkingSeesAll
            || (!MarkingSeesNothing && o.Indicator!.Classification <= MarkingClearance
                && (o.Indicator.ReleasableTo == "" || o.Indicator.ReleasableTo.Contains(MarkingNationality) || o.Indicator.ReleasableTo.Contains(MarkingOrganisation))));
        modelBuilder.Entity<Evidence>().HasQueryFilter(EditableRecords.MarkingFilter, e => MarkingSeesAll
            || (!MarkingSeesNothing && e.Source!.Classification <= MarkingClearance
                && (e.Source.ReleasableTo == "" || e.Source.ReleasableTo.Contains(MarkingNationality) || e.Source.ReleasableTo.Contains(MarkingOrganisation))));
    }

    /// <summary>The shared rules of <see cref="EditableRecords"/> and the marking filter on one editable entity type.</summary>
    private void Configure<T>(EntityTypeBuilder<T> builder)
        where T : class, IEditableRecord
    {
        EditableRecords.Configure(builder);
        builder.HasQueryFilter(EditableRecords.MarkingFilter, r => MarkingSeesAll
            || (!MarkingSeesNothing && r.Classification <= MarkingClearance
                && (r.ReleasableTo == "" || r.ReleasableTo.Contains(MarkingNationality) || r.ReleasableTo.Contains(MarkingOrganisation))));
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
        // One save when nothing is new and no marking changed; otherwise records first, then history, in one transaction.
        if (!ChangeTracker.Entries().Any(e => e.State == EntityState.Added) && !pending.Any(p => p.MarkingChanged))
        {
            AddHistory(pending, now);
            return await BaseSaveAsync(acceptAllChangesOnSuccess, async, cancellationToken) - pending.Count;
        }

        var transaction = Database.CurrentTransaction is not null ? null
            : async ? await Database.BeginTransactionAsync(cancellationToken) : Database.BeginTransaction();
        try
        {
            var saved = await BaseSaveAsync(acceptAllChangesOnSuccess: true, async, cancellationToken);
            AddHistory(pending, now);
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

    /// <summary>
    /// Adds the change records and audit entries of <paramref name="pending"/>. When a change altered a record's
    /// marking, the record's earlier history becomes at least as restricted as the new marking (a record hidden from a
    /// reader leaves no trace in its history either), and keeps its own marking when the new one is lower (values
    /// written under a higher marking stay hidden). The earlier entries are read tracked and saved with this save.
    /// </summary>
    private void AddHistory(List<PendingChange> pending, DateTimeOffset now)
    {
        var changes = ChangeHistory.Complete(pending, actor.Name, now).ToList();
        ChangeRecords.AddRange(changes);
        AuditEntries.AddRange(changes.Select(change => AuditLog.FromChange(change, actor.RemoteAddress)));
        foreach (var change in pending.Where(p => p.MarkingChanged))
        {
            // Earlier entries become at least as restricted as the record now is; a lowered marking leaves them as they were.
            var record = change.Entry.Entity;
            var type = EditableRecords.TypeOf(record.GetType());
            var earlier = ChangeRecords.Local.Where(c => c.RecordType == type && c.RecordId == record.Id && !changes.Contains(c))
                .Concat(ChangeRecords.IgnoreQueryFilters().Where(c => c.RecordType == type && c.RecordId == record.Id).AsEnumerable())
                .Distinct();
            foreach (var entry in earlier.Where(c => !changes.Contains(c)).ToList())
            {
                (entry.Classification, entry.ReleasableTo) = Markings.Stricter(entry.Classification, entry.ReleasableTo, record.Classification, record.ReleasableTo);
            }
        }
    }

    private Task<int> BaseSaveAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken cancellationToken) =>
        async ? base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : Task.FromResult(base.SaveChanges(acceptAllChangesOnSuccess));
}
