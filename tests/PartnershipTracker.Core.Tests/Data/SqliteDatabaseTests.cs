using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Data.Sqlite;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Data;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task MigrateAsync_NewFile_CreatesEveryTable()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'")
            .ToListAsync();

        Assert.True(File.Exists(database.FilePath));
        string[] expected =
        [
            "Programmes", "Areas", "AreaAliases", "Achievements", "Challenges", "Initiatives", "Milestones",
            "Recommendations", "Indicators", "Observations", "Sources", "Evidence", "__EFMigrationsHistory",
        ];
        Assert.All(expected, table => Assert.Contains(table, tables));
    }

    [Fact]
    public async Task MigrateAsync_NewThenExisting_ReportsCreatedOnlyTheFirstTime()
    {
        await using var database = await TempSqliteDatabase.CreateAsync(migrate: false);

        MigrationResult first;
        await using (var db = database.CreateContext())
        {
            first = await new DatabaseInitializer(db).MigrateAsync();
        }

        await using var again = database.CreateContext();
        var initializer = new DatabaseInitializer(again);
        var second = await initializer.MigrateAsync();

        Assert.True(first.Created);
        Assert.Contains(first.Applied, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.False(second.Created);
        Assert.Empty(second.Applied);
        Assert.True(await initializer.IsEmptyAsync());
    }

    [Fact]
    public async Task OpenConnection_AnyContext_SetsWalFullSynchronousAndForeignKeys()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using var db = database.CreateContext();

        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(2L, await ScalarAsync(connection, "PRAGMA synchronous"));
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task MigrateAsync_FolderMissing_CreatesFolderAndFile()
    {
        await using var database = await TempSqliteDatabase.CreateAsync(migrate: false);
        var file = Path.Combine(database.Folder, "data", "nested", "ptrack.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

        await using (var db = SqliteDatabaseProvider.CreateContext(connectionString))
        {
            await new DatabaseInitializer(db).MigrateAsync();
        }

        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task SaveChanges_ConvertedProperties_RoundTripAsStored()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        var retrieved = new DateTimeOffset(2024, 4, 24, 11, 30, 0, TimeSpan.FromHours(2));
        await using (var db = database.CreateContext())
        {
            var programme = NewProgramme("rt");
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            db.Sources.Add(new Source
            {
                ProgrammeId = programme.Id,
                Title = "FENA, 24 Apr 2024",
                PublishedOn = new PartialDate(2024, 4),
                RetrievedAt = retrieved,
                Kind = SourceKind.Media,
                Reliability = 'B',
                DataQualityFlags = ["assistant-text", "truncated-cell"],
            });
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var source = await read.Sources.SingleAsync();
        var raw = await read.Database
            .SqlQueryRaw<string>("SELECT PublishedOn || '|' || Kind || '|' || RetrievedAt || '|' || DataQualityFlags AS Value FROM Sources")
            .SingleAsync();

        Assert.Equal(new PartialDate(2024, 4), source.PublishedOn);
        Assert.Equal(retrieved, source.RetrievedAt);
        Assert.Equal(["assistant-text", "truncated-cell"], source.DataQualityFlags);
        Assert.Equal('B', source.Reliability);
        Assert.Equal("2024-04|Media|2024-04-24T09:30:00.0000000Z|[\"assistant-text\",\"truncated-cell\"]", raw);
    }

    [Fact]
    public async Task SaveChanges_DataQualityFlagAddedInPlace_IsDetectedAndSaved()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var programme = NewProgramme("flags");
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            db.Sources.Add(new Source { ProgrammeId = programme.Id, Title = "t" });
            await db.SaveChangesAsync();
            (await db.Sources.SingleAsync()).DataQualityFlags.Add("duplicate");
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        Assert.Equal(["duplicate"], (await read.Sources.SingleAsync()).DataQualityFlags);
    }

    [Fact]
    public async Task SaveChanges_PartialDates_OrderAsDates()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var programme = NewProgramme("order");
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            foreach (var date in new[] { new PartialDate(2010, 4, 22), new PartialDate(2006, 12), new PartialDate(2008) })
            {
                db.Milestones.Add(new Milestone { ProgrammeId = programme.Id, Title = date.ToString(), Date = date });
            }

            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var titles = await read.Milestones.OrderBy(m => m.Date).Select(m => m.Title).ToListAsync();

        Assert.Equal(["2006-12", "2008", "2010-04-22"], titles);
    }

    [Fact]
    public async Task SaveChanges_AliasAddedThroughNewArea_TakesTheAreasProgramme()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var programme = NewProgramme("alias");
            var area = new Area { Name = "Cybersecurity" };
            area.Aliases.Add(new AreaAlias { Name = "Cyber Defence", NormalizedName = AreaNames.Normalize("Cyber Defence") });
            programme.Areas.Add(area);
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var alias = await read.AreaAliases.SingleAsync();
        var programmeId = await read.Programmes.Select(p => p.Id).SingleAsync();

        Assert.Equal(programmeId, alias.ProgrammeId);
        Assert.Equal("cyber defense", alias.NormalizedName);
    }

    [Fact]
    public async Task SaveChanges_SameAliasTwiceInOneProgramme_IsRejected()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var programme = NewProgramme("dup");
        var cyber = new Area { Name = "Cybersecurity" };
        var digital = new Area { Name = "Digital Threat Protection" };
        cyber.Aliases.Add(new AreaAlias { Name = "Cyber Defense", NormalizedName = "cyber defense" });
        digital.Aliases.Add(new AreaAlias { Name = "Cyber-Defence", NormalizedName = "cyber defense" });
        programme.Areas.AddRange([cyber, digital]);
        db.Programmes.Add(programme);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("UNIQUE", error.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveChanges_SameAliasInTwoProgrammes_IsAllowed()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            foreach (var slug in new[] { "a", "b" })
            {
                var programme = NewProgramme(slug);
                var area = new Area { Name = "Cybersecurity" };
                area.Aliases.Add(new AreaAlias { Name = "Cyber Defense", NormalizedName = "cyber defense" });
                programme.Areas.Add(area);
                db.Programmes.Add(programme);
            }

            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        Assert.Equal(2, await read.AreaAliases.Select(a => a.ProgrammeId).Distinct().CountAsync());
    }

    [Fact]
    public async Task SaveChanges_DuplicateSlug_IsRejected()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using var db = database.CreateContext();
        db.Programmes.AddRange(NewProgramme("nato-bih"), NewProgramme("nato-bih"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_EvidenceForMissingSource_IsRejectedByForeignKey()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using var db = database.CreateContext();
        db.Evidence.Add(new Evidence { RecordType = RecordType.Milestone, RecordId = 1, SourceId = 999, Quote = "q" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("FOREIGN KEY", error.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPtrackDatabase_DefaultOptions_ResolvesSqliteContextOnDataFolder()
    {
        var services = new ServiceCollection();
        services.AddPtrackDatabase(new DatabaseOptions(), SqliteDatabaseProvider.Instance);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<PtrackDbContext>();

        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Equal("Data Source=./data/ptrack.db", db.Database.GetConnectionString());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<DatabaseInitializer>());
    }

    [Fact]
    public void AddPtrackDatabase_UnknownProvider_ThrowsNamingTheSetting()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(
            () => services.AddPtrackDatabase(new DatabaseOptions { Provider = "Oracle" }, SqliteDatabaseProvider.Instance));

        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
    }

    private static Programme NewProgramme(string slug) => new()
    {
        Slug = slug,
        Name = "NATO – Bosnia and Herzegovina",
        Alliance = "NATO",
        PartnerIso3 = "BIH",
    };

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
