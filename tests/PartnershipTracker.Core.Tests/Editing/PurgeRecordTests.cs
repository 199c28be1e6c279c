using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Data.Sqlite;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Editing;

/// <summary>Purge (hard delete): only a deleted record, only by an admin who can see it, never leaving anything pointing at nothing.</summary>
public sealed class PurgeRecordTests : ExampleDatabaseTest
{
    [Fact]
    public async Task PurgeRecord_DeletedAchievement_RemovesRowEvidenceAndHistoryAndWritesOneAuditEntry()
    {
        var (id, evidenceCount) = await WithEvidenceAsync(RecordType.Achievement);
        var revision = await DeleteAsync(RecordType.Achievement, id);
        await using (var mark = Database.CreateContext())
        {
            await mark.Database.ExecuteSqlAsync($"UPDATE Achievements SET Classification = 3, ReleasableTo = ',BIH,NATO,' WHERE Id = {id}");
        }

        await using var db = Database.CreateContext("admin-ana");
        var title = await db.Achievements.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Title).SingleAsync();
        var historyBefore = await db.ChangeRecords.CountAsync(c => c.RecordType == RecordType.Achievement && c.RecordId == id);

        var purged = await new PurgeRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Achievement, id, revision));

        await using var read = Database.CreateContext();
        Assert.Equal(new PurgedRecord(RecordType.Achievement, id, evidenceCount, historyBefore, 0, 0), purged.Value);
        Assert.False(await read.Achievements.IgnoreQueryFilters().AnyAsync(a => a.Id == id));
        Assert.Equal(0, await read.Evidence.IgnoreQueryFilters().CountAsync(e => e.RecordType == RecordType.Achievement && e.RecordId == id));
        Assert.Equal(0, await read.ChangeRecords.IgnoreQueryFilters().CountAsync(c => c.RecordType == RecordType.Achievement && c.RecordId == id));
        var entry = await read.AuditEntries.SingleAsync(a => a.Event == "record.purged");
        Assert.Equal(("admin-ana", RecordType.Achievement, id, Classification.NatoConfidential, ",BIH,NATO,"),
            (entry.Actor, entry.RecordType, entry.RecordId, entry.Classification, entry.ReleasableTo));
        using var details = JsonDocument.Parse(entry.Details);
        Assert.Equal(title, details.RootElement.GetProperty("Title").GetProperty("before").GetString());
        Assert.Equal(JsonValueKind.Null, details.RootElement.GetProperty("Title").GetProperty("after").ValueKind);
        Assert.Equal(evidenceCount, details.RootElement.GetProperty("Purged").GetProperty("evidence").GetInt32());
        Assert.Equal("NATO CONFIDENTIAL RELEASABLE TO BIH, NATO", details.RootElement.GetProperty("Purged").GetProperty("marking").GetString());
    }

    [Fact]
    public async Task PurgeRecord_LiveRecord_ConflictDeleteItFirstAndNothingChanges()
    {
        var (id, evidenceCount) = await WithEvidenceAsync(RecordType.Achievement);
        await using var db = Database.CreateContext();

        var purged = await new PurgeRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Achievement, id, 1));

        Assert.Equal(FailureKind.Conflict, purged.Failure?.Kind);
        Assert.Equal($"achievement {id} is not deleted: delete it first; only a deleted record can be purged", purged.Failure!.Message);
        await using var read = Database.CreateContext();
        Assert.True(await read.Achievements.AnyAsync(a => a.Id == id));
        Assert.Equal(evidenceCount, await read.Evidence.CountAsync(e => e.RecordType == RecordType.Achievement && e.RecordId == id));
        Assert.False(await read.AuditEntries.AnyAsync(a => a.Event == "record.purged"));
    }

    [Fact]
    public async Task PurgeRecord_InitiativeWithMilestones_ConflictNamingTheCount()
    {
        await using var setup = Database.CreateContext();
        var initiative = await setup.Initiatives.OrderBy(i => i.Id).FirstAsync();
        setup.Milestones.AddRange(
            new Milestone { ProgrammeId = initiative.ProgrammeId, InitiativeId = initiative.Id, Title = "Step one" },
            new Milestone { ProgrammeId = initiative.ProgrammeId, InitiativeId = initiative.Id, Title = "Step two", DeletedAt = Database.Time.GetUtcNow() });
        await setup.SaveChangesAsync();
        var milestones = await setup.Milestones.IgnoreQueryFilters().CountAsync(m => m.InitiativeId == initiative.Id);
        var revision = await DeleteAsync(RecordType.Initiative, initiative.Id);

        await using var db = Database.CreateContext();
        var purged = await new PurgeRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Initiative, initiative.Id, revision));

        Assert.Equal(FailureKind.Conflict, purged.Failure?.Kind);
        Assert.Equal($"initiative {initiative.Id} cannot be purged: {milestones} milestones still belong to it (live or deleted); purge or change them first", purged.Failure!.Message);
        await using var read = Database.CreateContext();
        Assert.True(await read.Initiatives.IgnoreQueryFilters().AnyAsync(i => i.Id == initiative.Id));
    }

    [Fact]
    public async Task PurgeRecord_SourceCitedByRecords_ConflictNamingTheCountOfCitingRecords()
    {
        await using var setup = Database.CreateContext();
        var sourceId = await setup.Evidence.GroupBy(e => e.SourceId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var citing = (await setup.Evidence.Where(e => e.SourceId == sourceId).Select(e => new { e.RecordType, e.RecordId }).ToListAsync()).Distinct().Count();
        var revision = await DeleteAsync(RecordType.Source, sourceId);

        await using var db = Database.CreateContext();
        var purged = await new PurgeRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Source, sourceId, revision));

        Assert.Equal(FailureKind.Conflict, purged.Failure?.Kind);
        Assert.StartsWith($"source {sourceId} cannot be purged: {citing} records cite it as evidence", purged.Failure!.Message, StringComparison.Ordinal);
        Assert.True(citing > 1);
    }

    [Fact]
    public async Task PurgeRecord_DeletedIndicator_RemovesItsObservations()
    {
        await using var setup = Database.CreateContext();
        var indicator = await setup.Indicators.Where(i => i.Observations.Count > 0).Select(i => new { i.Id, Count = i.Observations.Count }).FirstAsync();
        var revision = await DeleteAsync(RecordType.Indicator, indicator.Id);

        await using var db = Database.CreateContext();
        var purged = await new PurgeRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Indicator, indicator.Id, revision));

        Assert.Equal(indicator.Count, purged.Value?.Observations);
        await using var read = Database.CreateContext();
        Assert.Equal(0, await read.Observations.IgnoreQueryFilters().CountAsync(o => o.IndicatorId == indicator.Id));
        Assert.False(await read.Indicators.IgnoreQueryFilters().AnyAsync(i => i.Id == indicator.Id));
    }

    [Fact]
    public async Task PurgeRecord_RecordHiddenFromTheAdmin_NotFoundAsForAMissingId()
    {
        var (id, _) = await WithEvidenceAsync(RecordType.Achievement);
        var revision = await DeleteAsync(RecordType.Achievement, id);
        await using (var mark = Database.CreateContext())
        {
            await mark.Database.ExecuteSqlAsync($"UPDATE Achievements SET Classification = 4 WHERE Id = {id}");
        }

        await using var db = Database.CreateContext(RecordAccess.Reader(Classification.NatoConfidential, "BIH", null));
        var hidden = await new PurgeRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Achievement, id, revision));
        var missing = await new PurgeRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Achievement, 999_999, 1));

        Assert.Equal(FailureKind.NotFound, hidden.Failure?.Kind);
        Assert.Equal(missing.Failure!.Message.Replace("999999", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), hidden.Failure!.Message);
        await using var read = Database.CreateContext();
        Assert.True(await read.Achievements.IgnoreQueryFilters().AnyAsync(a => a.Id == id));
    }

    [Fact]
    public async Task PurgeRecord_AreaWithOnlyHiddenRecords_RefusedWithoutCountingThem()
    {
        await using var setup = Database.CreateContext();
        var programmeId = await setup.Programmes.Select(p => p.Id).FirstAsync();
        var area = new Area { ProgrammeId = programmeId, Name = "Spill Area" };
        setup.Areas.Add(area);
        await setup.SaveChangesAsync();
        setup.Achievements.Add(new Achievement { ProgrammeId = programmeId, AreaId = area.Id, Title = "Secret step", Classification = Classification.NatoSecret, DeletedAt = Database.Time.GetUtcNow() });
        await setup.SaveChangesAsync();
        var revision = await DeleteAsync(RecordType.Area, area.Id);

        await using var db = Database.CreateContext(RecordAccess.Reader(Classification.NatoConfidential, "BIH", null));
        var purged = await new PurgeRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Area, area.Id, revision));

        Assert.Equal(FailureKind.Conflict, purged.Failure?.Kind);
        Assert.Equal($"area {area.Id} cannot be purged: other records still point at it", purged.Failure!.Message);
    }

    [Fact]
    public async Task PurgeRecord_ActorNotAdmin_ForbiddenAndNothingChanges()
    {
        var (id, _) = await WithEvidenceAsync(RecordType.Achievement);
        var revision = await DeleteAsync(RecordType.Achievement, id);
        await using var db = SqliteDatabaseProvider.CreateContext(Database.ConnectionString, new ChangeActor("rita") { Role = Role.Reviewer }, Database.Time);

        var purged = await new PurgeRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Achievement, id, revision));

        Assert.Equal(FailureKind.Forbidden, purged.Failure?.Kind);
        await using var read = Database.CreateContext();
        Assert.True(await read.Achievements.IgnoreQueryFilters().AnyAsync(a => a.Id == id));
    }

    [Fact]
    public async Task PurgeRecord_StaleRevision_ConflictAndNothingChanges()
    {
        var (id, _) = await WithEvidenceAsync(RecordType.Achievement);
        var revision = await DeleteAsync(RecordType.Achievement, id);
        await using var db = Database.CreateContext();

        var purged = await new PurgeRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Achievement, id, revision - 1));

        Assert.Equal($"achievement {id} is at revision {revision}, not {revision - 1}: someone changed it since; reload it and try again", purged.Failure?.Message);
    }

    /// <summary>A record of <paramref name="type"/> that has evidence, and how many evidence rows it has.</summary>
    private async Task<(int Id, int Evidence)> WithEvidenceAsync(RecordType type)
    {
        await using var db = Database.CreateContext();
        var found = await db.Evidence.Where(e => e.RecordType == type).GroupBy(e => e.RecordId)
            .OrderBy(g => g.Key).Select(g => new { Id = g.Key, Count = g.Count() }).FirstAsync();
        return (found.Id, found.Count);
    }

    /// <summary>Deletes the record softly at its current revision; returns its revision after the delete.</summary>
    private async Task<int> DeleteAsync(RecordType type, int id)
    {
        await using var db = Database.CreateContext();
        var record = await EditableRecords.FindAsync(db, type, id, includeDeleted: false, CancellationToken.None);
        var deleted = await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(type, id, record!.Revision));
        return deleted.Value!.Revision;
    }
}
