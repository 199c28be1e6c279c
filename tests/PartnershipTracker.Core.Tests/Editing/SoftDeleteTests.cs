using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Editing;

/// <summary>Soft delete: a deleted record is gone from every read until it is restored, and ingest does not bring it back.</summary>
public sealed class SoftDeleteTests : ExampleDatabaseTest
{
    [Fact]
    public async Task DeleteRecord_Initiative_HiddenFromListAndDetailUntilRestored()
    {
        await using var db = Database.CreateContext();
        var cyber = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Name == "Cybersecurity Initiative");

        var deleted = await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Initiative, cyber.Id, 1));
        var listedWhileDeleted = await ListInitiativeNamesAsync();
        var detailWhileDeleted = await new GetInitiative(Database.CreateContext()).HandleAsync(cyber.Id);
        var restored = await new RestoreRecord(Database.CreateContext()).HandleAsync(new RecordAtRevision(RecordType.Initiative, cyber.Id, 2));
        var listedAfterRestore = await ListInitiativeNamesAsync();

        Assert.Equal(new RecordRevision(RecordType.Initiative, cyber.Id, 2, Database.Time.GetUtcNow()), deleted.Value);
        Assert.Equal(["Defense Reform Program"], listedWhileDeleted);
        Assert.Equal(FailureKind.NotFound, detailWhileDeleted.Failure?.Kind);
        Assert.Equal(new RecordRevision(RecordType.Initiative, cyber.Id, 3, null), restored.Value);
        Assert.Equal(["Defense Reform Program", "Cybersecurity Initiative"], listedAfterRestore);
    }

    [Fact]
    public async Task DeleteRecord_AreaWithRecords_ConflictNamingTheCountAndNothingChanges()
    {
        await using var db = Database.CreateContext();
        var cyber = await db.Areas.AsNoTracking().SingleAsync(a => a.Name == "Cybersecurity");
        var uses = await db.Achievements.CountAsync(r => r.AreaId == cyber.Id) + await db.Challenges.CountAsync(r => r.AreaId == cyber.Id)
            + await db.Initiatives.CountAsync(r => r.AreaId == cyber.Id) + await db.Recommendations.CountAsync(r => r.AreaId == cyber.Id)
            + await db.Indicators.CountAsync(r => r.AreaId == cyber.Id);

        var deleted = await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Area, cyber.Id, 1));

        Assert.Equal(FailureKind.Conflict, deleted.Failure?.Kind);
        Assert.StartsWith($"area {cyber.Id} still has {uses} records", deleted.Failure!.Message, StringComparison.Ordinal);
        await using var read = Database.CreateContext();
        Assert.Equal((1, null), await read.Areas.Where(a => a.Id == cyber.Id).Select(a => new ValueTuple<int, DateTimeOffset?>(a.Revision, a.DeletedAt)).SingleAsync());
    }

    [Fact]
    public async Task DeleteRecord_AreaWhoseOnlyLiveRecordIsHidden_ConflictWithoutCountAndNothingChanges()
    {
        var area = await AddPublicAreaWithSecretAchievementAsync(deleted: false);
        await using var db = Database.CreateContext(RecordAccess.Reader(Classification.Public, null, null));

        var deleted = await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Area, area.Id, area.Revision));

        Assert.Equal(FailureKind.Conflict, deleted.Failure?.Kind);
        Assert.Equal($"area {area.Id} still has records that belong to it; they must be moved or deleted first", deleted.Failure!.Message);
        await using var read = Database.CreateContext();
        Assert.Null(await read.Areas.Where(a => a.Id == area.Id).Select(a => a.DeletedAt).SingleAsync());
    }

    [Fact]
    public async Task DeleteRecord_AreaWhoseOnlyHiddenRecordIsDeleted_Deleted()
    {
        var area = await AddPublicAreaWithSecretAchievementAsync(deleted: true);
        await using var db = Database.CreateContext(RecordAccess.Reader(Classification.Public, null, null));

        var deleted = await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Area, area.Id, area.Revision));

        Assert.Equal(new RecordRevision(RecordType.Area, area.Id, area.Revision + 1, Database.Time.GetUtcNow()), deleted.Value);
    }

    /// <summary>A PUBLIC area whose one achievement is NATO SECRET (live, or deleted when <paramref name="deleted"/>).</summary>
    private async Task<Area> AddPublicAreaWithSecretAchievementAsync(bool deleted)
    {
        await using var setup = Database.CreateContext();
        var programmeId = await setup.Programmes.Select(p => p.Id).FirstAsync();
        var area = new Area { ProgrammeId = programmeId, Name = "Public Area", Classification = Classification.Public };
        setup.Areas.Add(area);
        await setup.SaveChangesAsync();
        setup.Achievements.Add(new Achievement
        {
            ProgrammeId = programmeId,
            AreaId = area.Id,
            Title = "Secret step",
            Classification = Classification.NatoSecret,
            DeletedAt = deleted ? Database.Time.GetUtcNow() : null,
        });
        await setup.SaveChangesAsync();
        return area;
    }

    [Fact]
    public async Task DeleteRecord_AreaWithoutRecords_HiddenFromAreaList()
    {
        await using var db = Database.CreateContext();
        var programmeId = await db.Programmes.Select(p => p.Id).FirstAsync();
        var empty = new Area { ProgrammeId = programmeId, Name = "Unused Area" };
        db.Areas.Add(empty);
        await db.SaveChangesAsync();

        var deleted = await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Area, empty.Id, empty.Revision));
        await using var read = Database.CreateContext();
        var areas = await new ListAreas(read, new ProgrammeLookup(read)).HandleAsync(programme: null);

        Assert.True(deleted.Succeeded);
        Assert.DoesNotContain("Unused Area", areas.Value!.Items.Select(a => a.Name));
    }

    [Fact]
    public async Task DeleteRecord_AlreadyDeleted_NotFound()
    {
        await using var db = Database.CreateContext();
        var challenge = await db.Challenges.AsNoTracking().FirstAsync();
        await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Challenge, challenge.Id, 1));

        var again = await new DeleteRecord(Database.CreateContext(), Database.Time).HandleAsync(new RecordAtRevision(RecordType.Challenge, challenge.Id, 2));

        Assert.Equal(FailureKind.NotFound, again.Failure?.Kind);
    }

    [Fact]
    public async Task RestoreRecord_NotDeleted_Conflict()
    {
        await using var db = Database.CreateContext();
        var source = await db.Sources.AsNoTracking().FirstAsync(s => s.FileName == "article.txt");

        var result = await new RestoreRecord(db).HandleAsync(new RecordAtRevision(RecordType.Source, source.Id, 1));

        Assert.Equal((FailureKind.Conflict, $"source {source.Id} is not deleted"), (result.Failure!.Kind, result.Failure.Message));
    }

    [Fact]
    public async Task Ingest_FactOfDeletedInitiative_AddsEvidenceButLeavesItDeleted()
    {
        int id;
        await using (var db = Database.CreateContext())
        {
            id = (await db.Initiatives.AsNoTracking().SingleAsync(i => i.Name == "Defense Reform Program")).Id;
            await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Initiative, id, 1));
        }

        var briefing = "Initiative\nFocus Area\nStatus\nDefense Reform Program\nStructural Modernization\nOngoing\nMilitary Mobility Plan\nLogistics\nPlanned 2026\n"u8.ToArray();
        await using var ingest = Database.CreateContext();
        var result = await Handlers.Ingest(ingest).HandleAsync(new IngestRequest("briefing.txt", briefing, "nato-bih", IngestMode.Store));

        Assert.True(result.Succeeded, result.Failure?.Message);
        await using var read = Database.CreateContext();
        var all = await read.Initiatives.IgnoreQueryFilters([EditableRecords.SoftDeleteFilter])
            .Where(i => i.Name == "Defense Reform Program").ToListAsync();
        var reform = Assert.Single(all);
        Assert.NotNull(reform.DeletedAt);
        Assert.Equal(["article.txt", "briefing.txt"], await read.Evidence
            .Where(e => e.RecordType == RecordType.Initiative && e.RecordId == id)
            .Select(e => e.Source!.FileName!).OrderBy(f => f).ToListAsync());
        Assert.Equal(["Cybersecurity Initiative", "Military Mobility Plan"], await read.Initiatives.OrderBy(i => i.Id).Select(i => i.Name).ToListAsync());
    }

    [Fact]
    public async Task Ingest_NewVersionOfDeletedSource_NumbersAfterTheDeletedVersion()
    {
        await using (var db = Database.CreateContext())
        {
            var article = await db.Sources.AsNoTracking().SingleAsync(s => s.FileName == "article.txt");
            await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Source, article.Id, 1));
        }

        var text = (await File.ReadAllTextAsync(ExampleFiles.Article)).Replace("Launched 2023", "Completed 2025", StringComparison.Ordinal);
        await using var ingest = Database.CreateContext();
        var result = await Handlers.Ingest(ingest).HandleAsync(new IngestRequest("article.txt", Encoding.UTF8.GetBytes(text), null, IngestMode.Store));

        Assert.Equal(2, result.Value!.Stored!.Version);
        await using var read = Database.CreateContext();
        Assert.Equal([2], await read.Sources.Where(s => s.FileName == "article.txt").Select(s => s.Version).ToListAsync());
    }

    private async Task<List<string>> ListInitiativeNamesAsync()
    {
        await using var db = Database.CreateContext();
        var list = await new ListInitiatives(db, new ProgrammeLookup(db)).HandleAsync(programme: null);
        return list.Value!.Items.Select(i => i.Name).ToList();
    }
}
