using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Benchmarks.Portfolio;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Benchmarks.Tests;

/// <summary>The generator at scale 0.01 (one programme, 200 initiatives): counts, consistency, and readable through the app's own context.</summary>
public sealed class PortfolioGeneratorTests : IAsyncLifetime
{
    private TempSqliteDatabase Database { get; set; } = null!;

    public async Task InitializeAsync() => Database = await TempSqliteDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public void Size_AtFullScale_IsProductMdsLargePortfolio()
    {
        var size = PortfolioSize.At(1.0);

        Assert.Equal(50, size.Programmes);
        Assert.Equal(20_000, size.Initiatives);
        Assert.Equal(100_000, size.Achievements);
        Assert.Equal(100_000, size.Challenges);
        Assert.Equal(1_000_000, size.Observations);
        Assert.Equal(5_000, size.Indicators);
        Assert.Equal(40_000, size.Milestones);
    }

    [Fact]
    public async Task Write_ScaleOnePercent_WritesTheScaledCountsThroughTheAppsSchema()
    {
        var size = PortfolioSize.At(0.01);
        var counts = await new PortfolioGenerator(size, seed: 7).WriteAsync(Database.FilePath);

        Assert.Equal(1, size.Programmes);
        Assert.Equal(200, counts["Initiatives"]);
        Assert.Equal(1_000, counts["Achievements"]);
        Assert.Equal(1_000, counts["Challenges"]);
        Assert.Equal(200, counts["Recommendations"]);
        Assert.Equal(400, counts["Milestones"]);
        Assert.Equal(12, counts["Areas"]);
        Assert.Equal(100, counts["Indicators"]);
        Assert.Equal(10_000, counts["Observations"]);
        Assert.Equal(400, counts["Sources"]);
        Assert.Equal(1_000 + 1_000 + 200 + 200 + 400, counts["Evidence"]);
        // A "Created" change per editable record, an "Updated" one per tenth initiative and twentieth challenge.
        Assert.Equal(12 + 400 + 200 + 400 + 1_000 + 1_000 + 200 + 100 + 20 + 50, counts["ChangeRecords"]);

        // Read back through the app's own context (its converters, query filters and migrations).
        await using var db = Database.CreateContext();
        Assert.Equal(200, await db.Initiatives.CountAsync());
        Assert.Equal(1_000, await db.Challenges.CountAsync());
        Assert.Equal(10_000, await db.Observations.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var programme = (await new ProgrammeLookup(db).FindAsync("synthetic-01")).Value!;
        Assert.Equal("Synthetic programme 01 (ARM)", programme.Name);

        var stalled = await db.Initiatives.Where(i => i.Revision == 2).ToListAsync();
        Assert.Equal(20, stalled.Count);
        Assert.DoesNotContain(stalled, i => i.Status == InitiativeStatus.Ongoing);
        var update = await db.ChangeRecords.Where(c => c.RecordType == RecordType.Initiative && c.Action == ChangeAction.Updated).OrderBy(c => c.RecordId).FirstAsync();
        Assert.Equal(10, update.RecordId);
        Assert.Equal("web", update.Actor);
        var initiativeTen = await db.Initiatives.SingleAsync(i => i.Id == 10);
        Assert.NotEqual(InitiativeStatus.Ongoing, initiativeTen.Status);
        Assert.Equal("{\"Status\":{\"before\":\"Ongoing\",\"after\":\"" + initiativeTen.Status + "\"}}", update.Changes);

        // Every milestone belongs to an initiative of its programme; every evidence row to a source.
        Assert.Equal(0, await db.Milestones.CountAsync(m => m.InitiativeId == null));
        Assert.Equal(0, await Scalar("SELECT count(*) FROM Evidence e LEFT JOIN Sources s ON s.Id = e.SourceId WHERE s.Id IS NULL"));
        Assert.Equal(0, await Scalar("SELECT count(*) FROM pragma_foreign_key_check"));
        Assert.True(await Scalar("SELECT count(DISTINCT Name) FROM Initiatives") > 100, "initiative names vary");
    }

    [Fact]
    public async Task Write_SameSeedTwice_WritesTheSameRows()
    {
        var size = PortfolioSize.At(0.002);
        var second = Path.Combine(Database.Folder, "second.db");
        await new PortfolioGenerator(size, seed: 11).WriteAsync(Database.FilePath);
        await new PortfolioGenerator(size, seed: 11).WriteAsync(second);

        Assert.Equal(await DumpHashAsync(Database.FilePath), await DumpHashAsync(second));
    }

    [Fact]
    public async Task Write_ExistingFile_IsRefused()
    {
        await File.WriteAllTextAsync(Database.FilePath, "not a database");

        await Assert.ThrowsAsync<IOException>(() => new PortfolioGenerator(PortfolioSize.At(0.001), 1).WriteAsync(Database.FilePath));
        Assert.Equal("not a database", await File.ReadAllTextAsync(Database.FilePath));
    }

    private async Task<long> Scalar(string sql)
    {
        await using var connection = new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> DumpHashAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in new[] { "Initiatives", "Challenges", "Observations", "ChangeRecords", "Evidence", "Sources" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY Id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(System.Text.Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "\0" : reader.GetValue(i).ToString()) + "\u001f"));
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
