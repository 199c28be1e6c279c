using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.History;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Data.Sqlite;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Markings;

/// <summary>
/// Lowering a marking: values written while a record was more restricted stay as hidden as they were, and only a
/// reviewer or an admin may lower a marking at all (a contributor's edit is effective at once).
/// </summary>
public sealed class LoweredMarkingTests : ExampleDatabaseTest
{
    private static readonly RecordAccess PublicReader = RecordAccess.Reader(Classification.Public, null, null);

    [Fact]
    public async Task LoweredToPublic_EarlierSecretHistoryStaysHidden_LaterChangesShow()
    {
        int id;
        await using (var admin = Database.CreateContext("admin"))
        {
            var editor = new EditInitiative(admin, new ProgrammeLookup(admin));
            id = (await editor.CreateAsync(null, new InitiativeInput { Name = "Operation Nightfall", LeadInstitution = "Unit 77", Classification = "NATO SECRET" })).Value!.Id;
            Assert.True((await editor.UpdateAsync(id, 1, new InitiativeInput { Name = "Sanitised initiative", Classification = "NATO SECRET" })).Succeeded);
            Assert.True((await editor.UpdateAsync(id, 2, new InitiativeInput { Name = "Sanitised initiative", Classification = "PUBLIC" })).Succeeded);
        }

        await using (var reader = Database.CreateContext(PublicReader))
        {
            var history = (await new GetRecordHistory(reader).HandleAsync(RecordType.Initiative, id)).Value!;
            Assert.Empty(history);
            Assert.Equal("Sanitised initiative", (await reader.Initiatives.SingleAsync(i => i.Id == id)).Name);
        }

        await using (var admin = Database.CreateContext("admin"))
        {
            Assert.True((await new EditInitiative(admin, new ProgrammeLookup(admin)).UpdateAsync(id, 3, new InitiativeInput { Name = "Public initiative", Classification = "PUBLIC" })).Succeeded);
            var all = await admin.ChangeRecords.Where(c => c.RecordType == RecordType.Initiative && c.RecordId == id).OrderBy(c => c.Id).Select(c => c.Classification).ToListAsync();
            Assert.Equal([Classification.NatoSecret, Classification.NatoSecret, Classification.NatoSecret, Classification.Public], all);
        }

        await using (var reader = Database.CreateContext(PublicReader))
        {
            var change = Assert.Single((await new GetRecordHistory(reader).HandleAsync(RecordType.Initiative, id)).Value!);
            var name = Assert.Single(change.Fields, f => f.Field == "Name");
            Assert.Equal(("Sanitised initiative", "Public initiative"), (name.Before.GetString(), name.After.GetString()));
        }
    }

    [Fact]
    public async Task Contributor_CannotLowerAMarking_ButMayRaiseIt_ReviewerMayLower()
    {
        int id;
        await using (var admin = Database.CreateContext("admin"))
        {
            id = (await new EditAchievement(admin, new ProgrammeLookup(admin)).CreateAsync(null,
                new AchievementInput { Title = "Restricted to BIH", Classification = "NATO RESTRICTED", ReleasableTo = ["BIH", "NATO"] })).Value!.Id;
        }

        var lowered = await AsAsync(Role.Contributor, db => Edit(db).UpdateAsync(id, 1, new AchievementInput { Title = "Restricted to BIH", Classification = "PUBLIC", ReleasableTo = ["BIH", "NATO"] }));
        var widened = await AsAsync(Role.Contributor, db => Edit(db).UpdateAsync(id, 1, new AchievementInput { Title = "Restricted to BIH", Classification = "NATO RESTRICTED", ReleasableTo = [] }));
        var raised = await AsAsync(Role.Contributor, db => Edit(db).UpdateAsync(id, 1, new AchievementInput { Title = "Restricted to BIH", Classification = "NATO CONFIDENTIAL", ReleasableTo = ["BIH"] }));
        var byReviewer = await AsAsync(Role.Reviewer, db => Edit(db).UpdateAsync(id, 2, new AchievementInput { Title = "Restricted to BIH", Classification = "PUBLIC", ReleasableTo = [] }));

        Assert.Equal([RecordEditor<Achievement, AchievementInput>.LoweringNeedsAReviewer], lowered.Failure!.Fields!["classification"]);
        Assert.Equal([RecordEditor<Achievement, AchievementInput>.LoweringNeedsAReviewer], widened.Failure!.Fields!["releasableTo"]);
        Assert.True(raised.Succeeded);
        Assert.True(byReviewer.Succeeded);
        await using var check = Database.CreateContext();
        var stored = await check.Achievements.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal((Classification.Public, string.Empty, 3), (stored.Classification, stored.ReleasableTo, stored.Revision));
    }

    [Theory]
    [InlineData(Classification.NatoSecret, "", Classification.Public, "", Classification.NatoSecret, "")]
    [InlineData(Classification.Public, ",BIH,", Classification.NatoRestricted, "", Classification.NatoRestricted, ",BIH,")]
    [InlineData(Classification.Public, ",BIH,NATO,", Classification.Public, ",FRA,NATO,", Classification.Public, ",NATO,")]
    [InlineData(Classification.Public, ",BIH,", Classification.Public, ",FRA,", Classification.Public, PartnershipTracker.Domain.Markings.ReleasableToNoOne)]
    public void Stricter_TakesTheHigherLevelAndTheCommonEntries(Classification a, string aList, Classification b, string bList, Classification level, string list) =>
        Assert.Equal((level, list), PartnershipTracker.Domain.Markings.Stricter(a, aList, b, bList));

    private static EditAchievement Edit(PartnershipTracker.Core.Data.PtrackDbContext db) => new(db, new ProgrammeLookup(db));

    private async Task<Result<RecordRevision>> AsAsync(Role role, Func<PartnershipTracker.Core.Data.PtrackDbContext, Task<Result<RecordRevision>>> edit)
    {
        await using var db = SqliteDatabaseProvider.CreateContext(Database.ConnectionString, new ChangeActor(role.ToString().ToLowerInvariant()) { Role = role }, TimeProvider.System,
            RecordAccess.Reader(Classification.NatoSecret, "BIH", "NATO"));
        return await edit(db);
    }
}
