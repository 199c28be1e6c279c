using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Editing;

/// <summary>Revisions as concurrency tokens: every saved change counts, a change from an old revision is refused.</summary>
public sealed class RevisionTests : ExampleDatabaseTest
{
    [Fact]
    public async Task SaveChanges_EachRealChange_IncrementsRevision()
    {
        await using var db = Database.CreateContext();
        var cyber = await db.Initiatives.SingleAsync(i => i.Name == "Cybersecurity Initiative");
        var revisions = new List<int> { cyber.Revision };

        cyber.Status = InitiativeStatus.Ongoing;
        await db.SaveChangesAsync();
        revisions.Add(cyber.Revision);
        cyber.LeadInstitution = "Ministry of Security";
        await db.SaveChangesAsync();
        revisions.Add(cyber.Revision);
        cyber.LeadInstitution = "Ministry of Security";
        await db.SaveChangesAsync();
        revisions.Add(cyber.Revision);

        Assert.Equal([1, 2, 3, 3], revisions);
        await using var read = Database.CreateContext();
        Assert.Equal(3, (await read.Initiatives.SingleAsync(i => i.Id == cyber.Id)).Revision);
    }

    [Fact]
    public async Task SaveChanges_RecordChangedByAnotherContext_ThrowsConcurrencyException()
    {
        await using var first = Database.CreateContext();
        await using var second = Database.CreateContext();
        var mine = await first.Challenges.SingleAsync(c => c.Title == "Slow legislative approval");
        var theirs = await second.Challenges.SingleAsync(c => c.Title == "Slow legislative approval");

        theirs.Severity = Severity.High;
        await second.SaveChangesAsync();
        mine.Severity = Severity.Low;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        await using var read = Database.CreateContext();
        var stored = await read.Challenges.SingleAsync(c => c.Id == mine.Id);
        Assert.Equal((Severity.High, 2), (stored.Severity, stored.Revision));
    }

    [Fact]
    public async Task DeleteRecord_StaleExpectedRevision_ConflictNamingBothRevisions()
    {
        int id;
        await using (var db = Database.CreateContext())
        {
            var reform = await db.Initiatives.SingleAsync(i => i.Name == "Defense Reform Program");
            reform.Status = InitiativeStatus.Stalled;
            await db.SaveChangesAsync();
            id = reform.Id;
        }

        await using var again = Database.CreateContext();
        var result = await new DeleteRecord(again, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Initiative, id, 1));

        Assert.Equal(FailureKind.Conflict, result.Failure?.Kind);
        Assert.Equal($"initiative {id} is at revision 2, not 1: someone changed it since; reload it and try again", result.Failure!.Message);
        Assert.Null((await again.Initiatives.AsNoTracking().SingleAsync(i => i.Id == id)).DeletedAt);
    }

    [Fact]
    public async Task DeleteRecord_UnknownId_NotFound()
    {
        await using var db = Database.CreateContext();

        var result = await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Recommendation, 9999, 1));

        Assert.Equal((FailureKind.NotFound, "recommendation 9999 does not exist"), (result.Failure!.Kind, result.Failure.Message));
    }

    [Fact]
    public async Task DeleteRecord_Observation_InvalidType()
    {
        await using var db = Database.CreateContext();
        var observation = await db.Observations.FirstAsync();

        var result = await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Observation, observation.Id, 1));

        Assert.Equal(FailureKind.Invalid, result.Failure?.Kind);
        Assert.Equal(["type"], result.Failure!.Fields!.Keys);
    }
}
