using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Audit;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Data.Sqlite;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Audit;

/// <summary>The audit log: append-only at the database, and read newest first within the reader's marking.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        db.Programmes.Add(new Programme { Slug = "p", Name = "P", Alliance = "NATO", PartnerIso3 = "BIH", Frameworks = "", ReviewCycle = "", Summary = "" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AuditEntries_UpdateOrDeleteAtTheDatabase_Refused()
    {
        await using var db = _database.CreateContext();
        db.AuditEntries.Add(AuditLog.Entry(_database.Time.GetUtcNow(), "cli", "export", new { format = "html" }));
        await db.SaveChangesAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Actor = 'mallory'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries"));

        Assert.Contains("append-only", update.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("append-only", delete.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["cli"], await db.AuditEntries.Select(a => a.Actor).Distinct().ToListAsync());
    }

    [Fact]
    public async Task List_SinceEventAndPaging_NewestFirstWithBeforeAndAfterValues()
    {
        await CreateAchievementAsync("Before the cut", Classification.NatoUnclassified);
        _database.Time.Advance(TimeSpan.FromDays(2));
        var cut = _database.Time.GetUtcNow().AddHours(-1);
        var id = await CreateAchievementAsync("After the cut", Classification.NatoUnclassified);
        await using (var db = _database.CreateContext())
        {
            await new EditAchievement(db, new ProgrammeLookup(db)).UpdateAsync(id, 1, new AchievementInput { Title = "After the cut, renamed" });
            db.AuditEntries.Add(AuditLog.Entry(_database.Time.GetUtcNow(), "cli", "export", new { format = "md" }));
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var list = new ListAuditEntries(read);
        var since = (await list.HandleAsync(new AuditQuery(Since: cut))).Value!;
        var records = (await list.HandleAsync(new AuditQuery(Since: cut, Event: "record"))).Value!;
        var firstPage = (await list.HandleAsync(new AuditQuery(Limit: 2))).Value!;
        var secondPage = (await list.HandleAsync(new AuditQuery(Limit: 2, Before: firstPage.NextBefore))).Value!;

        Assert.Equal(["export", "record.updated", "record.created"], since.Items.Select(i => i.Event));
        Assert.Equal(["record.updated", "record.created"], records.Items.Select(i => i.Event));
        Assert.Contains("\"Title\":{\"before\":\"After the cut\",\"after\":\"After the cut, renamed\"}", records.Items[0].Details, StringComparison.Ordinal);
        Assert.Equal(since.Items.Take(2).Select(i => i.Id), firstPage.Items.Select(i => i.Id));
        Assert.Equal(since.Items[2].Id, secondPage.Items[0].Id);
        Assert.Equal("record.created", secondPage.Items[1].Event);
    }

    [Fact]
    public async Task List_ForAReaderBelowARecordsClassification_LeavesItsEntriesOut()
    {
        await CreateAchievementAsync("Open fact", Classification.NatoUnclassified);
        var secret = await CreateAchievementAsync("Secret fact", Classification.NatoSecret);

        await using var restricted = ReaderContext(RecordAccess.Reader(Classification.NatoRestricted, "BIH", null));
        var seen = (await new ListAuditEntries(restricted).HandleAsync(new AuditQuery())).Value!;
        await using var everything = _database.CreateContext();
        var all = (await new ListAuditEntries(everything).HandleAsync(new AuditQuery())).Value!;

        Assert.DoesNotContain(seen.Items, i => i.RecordId == secret);
        Assert.DoesNotContain(seen.Items, i => i.Details.Contains("Secret fact", StringComparison.Ordinal));
        Assert.Contains(seen.Items, i => i.Details.Contains("Open fact", StringComparison.Ordinal));
        Assert.Contains(all.Items, i => i.RecordId == secret && i.Event == "record.created");
    }

    [Fact]
    public async Task List_ForAReaderWhoCannotSeeALinkedArea_ShowsItsIdAsNull_StoredEntryAndUnrestrictedReadUnchanged()
    {
        int areaId;
        int achievementId;
        await using (var db = _database.CreateContext())
        {
            var area = new Area { ProgrammeId = (await db.Programmes.SingleAsync()).Id, Name = "Secret area", Classification = Classification.NatoSecret };
            db.Areas.Add(area);
            await db.SaveChangesAsync();
            var achievement = new Achievement { ProgrammeId = area.ProgrammeId, Title = "Public fact", AreaId = area.Id, Classification = Classification.Public };
            db.Achievements.Add(achievement);
            await db.SaveChangesAsync();
            (areaId, achievementId) = (area.Id, achievement.Id);
        }

        await using var restricted = ReaderContext(RecordAccess.Reader(Classification.Public, null, null));
        var seen = (await new ListAuditEntries(restricted).HandleAsync(new AuditQuery(Event: "record.created"))).Value!;
        await using var everything = _database.CreateContext();
        var all = (await new ListAuditEntries(everything).HandleAsync(new AuditQuery(Event: "record.created"))).Value!;
        var stored = await everything.AuditEntries.SingleAsync(a => a.RecordType == RecordType.Achievement && a.RecordId == achievementId);

        Assert.DoesNotContain(seen.Items, i => i.RecordType == RecordType.Area);
        Assert.Equal(JsonValueKind.Null, AreaIdAfter(seen.Items.Single(i => i.RecordId == achievementId).Details).ValueKind);
        Assert.Equal(areaId, AreaIdAfter(all.Items.Single(i => i.RecordType == RecordType.Achievement && i.RecordId == achievementId).Details).GetInt32());
        Assert.Equal(areaId, AreaIdAfter(stored.Details).GetInt32());
    }

    [Fact]
    public async Task List_SinceAfterUntilOrLimitOutOfRange_Invalid()
    {
        await using var db = _database.CreateContext();
        var now = _database.Time.GetUtcNow();

        var backwards = await new ListAuditEntries(db).HandleAsync(new AuditQuery(Since: now, Until: now.AddDays(-1)));
        var tooMany = await new ListAuditEntries(db).HandleAsync(new AuditQuery(Limit: 5000));

        Assert.Equal((FailureKind.Invalid, "since must not be after until"), (backwards.Failure!.Kind, backwards.Failure.Message));
        Assert.Equal(["limit"], tooMany.Failure!.Fields!.Keys);
    }

    private static JsonElement AreaIdAfter(string details) =>
        JsonDocument.Parse(details).RootElement.GetProperty("AreaId").GetProperty("after").Clone();

    private PtrackDbContext ReaderContext(RecordAccess access)
    {
        var options = new DbContextOptionsBuilder<PtrackDbContext>();
        SqliteDatabaseProvider.Instance.Configure(options, _database.ConnectionString);
        return new PtrackDbContext(options.Options, _database.Actor, _database.Time, access);
    }

    private async Task<int> CreateAchievementAsync(string title, Classification classification)
    {
        await using var db = _database.CreateContext();
        var achievement = new Achievement { ProgrammeId = (await db.Programmes.SingleAsync()).Id, Title = title, Classification = classification };
        db.Achievements.Add(achievement);
        await db.SaveChangesAsync();
        return achievement.Id;
    }
}
