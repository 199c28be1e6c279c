using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Review;
using PartnershipTracker.Core.Reports;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Review;

/// <summary>The review workflow end to end (PRODUCT.md C3): draft → submitted → returned → draft → submitted → approved.</summary>
public sealed class ReviewWorkflowTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;
    private int _defenseAreaId;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        await Handlers.LoadExampleAsync(db);
        _defenseAreaId = (await db.Areas.SingleAsync(a => a.Name == "Defense Reform")).Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Workflow_ContributorDraftReturnedResubmittedApproved_EachStepSavedWithHistoryAndAudit()
    {
        ActAs("carla", Role.Contributor);
        var created = await CreateAchievementAsync("Reserve brigade certified");
        var id = created.Id;
        Assert.Equal((ReviewState.Draft, 1), await StateAsync(id));

        var submitted = await HandleAsync((db, r) => new SubmitRecord(db).HandleAsync(r), id, 1);
        Assert.Equal(2, submitted.Value!.Revision);
        Assert.Equal((ReviewState.Submitted, 2), await StateAsync(id));

        ActAs("rita", Role.Reviewer);
        var returned = await HandleAsync((db, r) => new ReturnRecord(db).HandleAsync(r, "  Cite the certification order.  "), id, 2);
        Assert.True(returned.Succeeded, returned.Failure?.Message);
        Assert.Equal((ReviewState.Returned, 3), await StateAsync(id));
        Assert.Equal("Cite the certification order.", await CommentAsync(id));

        ActAs("carla", Role.Contributor);
        await using (var db = _database.CreateContext())
        {
            var edited = await new EditAchievement(db, new ProgrammeLookup(db)).UpdateAsync(id, 3, new AchievementInput { Title = "Reserve brigade certified (order 12/2025)", AreaId = _defenseAreaId });
            Assert.True(edited.Succeeded, edited.Failure?.Message);
        }

        Assert.Equal((ReviewState.Draft, 4), await StateAsync(id));
        Assert.True((await HandleAsync((db, r) => new SubmitRecord(db).HandleAsync(r), id, 4)).Succeeded);

        ActAs("rita", Role.Reviewer);
        var approved = await HandleAsync((db, r) => new ApproveRecord(db).HandleAsync(r), id, 5);
        Assert.True(approved.Succeeded, approved.Failure?.Message);
        Assert.Equal((ReviewState.Approved, 6), await StateAsync(id));
        Assert.Null(await CommentAsync(id));

        await using var read = _database.CreateContext();
        var history = await read.ChangeRecords.Where(c => c.RecordType == RecordType.Achievement && c.RecordId == id).OrderBy(c => c.Id)
            .Select(c => new { c.Action, c.Actor }).ToListAsync();
        Assert.Equal(
            [(ChangeAction.Created, "carla"), (ChangeAction.Submitted, "carla"), (ChangeAction.Returned, "rita"), (ChangeAction.Updated, "carla"), (ChangeAction.Submitted, "carla"), (ChangeAction.Approved, "rita")],
            history.Select(h => (h.Action, h.Actor)));
        var audit = await read.AuditEntries.Where(a => a.RecordType == RecordType.Achievement && a.RecordId == id).OrderBy(a => a.Id).Select(a => a.Event).ToListAsync();
        Assert.Equal(["record.created", "record.submitted", "record.returned", "record.updated", "record.submitted", "record.approved"], audit);
        var returnedDetails = await read.AuditEntries.Where(a => a.RecordId == id && a.Event == "record.returned").Select(a => a.Details).SingleAsync();
        Assert.Contains("\"ReviewState\":{\"before\":\"Submitted\",\"after\":\"Returned\"}", returnedDetails, StringComparison.Ordinal);
        Assert.Contains("\"ReviewComment\":{\"before\":null,\"after\":\"Cite the certification order.\"}", returnedDetails, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_ByContributor_ForbiddenAndStillSubmitted()
    {
        ActAs("carla", Role.Contributor);
        var id = (await CreateAchievementAsync("Draft by carla")).Id;
        await HandleAsync((db, r) => new SubmitRecord(db).HandleAsync(r), id, 1);

        var approved = await HandleAsync((db, r) => new ApproveRecord(db).HandleAsync(r), id, 2);

        Assert.Equal((FailureKind.Forbidden, "a contributor may not approve records; it takes a reviewer or above"), (approved.Failure!.Kind, approved.Failure.Message));
        Assert.Equal((ReviewState.Submitted, 2), await StateAsync(id));
    }

    [Fact]
    public async Task Approve_ByTheReviewerWhoMadeTheLastChange_ForbiddenButAnotherReviewerMay()
    {
        ActAs("carla", Role.Contributor);
        var id = (await CreateAchievementAsync("Four eyes")).Id;
        ActAs("rita", Role.Contributor);
        await using (var db = _database.CreateContext())
        {
            // rita, once a contributor, edits the draft; as a reviewer she is then its last author.
            await new EditAchievement(db, new ProgrammeLookup(db)).UpdateAsync(id, 1, new AchievementInput { Title = "Four eyes, edited", AreaId = _defenseAreaId });
        }

        await HandleAsync((db, r) => new SubmitRecord(db).HandleAsync(r), id, 2);
        ActAs("rita", Role.Reviewer);

        var own = await HandleAsync((db, r) => new ApproveRecord(db).HandleAsync(r), id, 3);
        Assert.Equal((FailureKind.Forbidden, $"achievement {id} was last changed by you (rita); another reviewer must approve it"), (own.Failure!.Kind, own.Failure.Message));

        ActAs("rob", Role.Reviewer);
        Assert.True((await HandleAsync((db, r) => new ApproveRecord(db).HandleAsync(r), id, 3)).Succeeded);
        Assert.Equal((ReviewState.Approved, 4), await StateAsync(id));
    }

    [Fact]
    public async Task WrongState_ConflictNamingTheState()
    {
        ActAs("carla", Role.Contributor);
        var id = (await CreateAchievementAsync("Not yet submitted")).Id;
        ActAs("rita", Role.Reviewer);

        var approveDraft = await HandleAsync((db, r) => new ApproveRecord(db).HandleAsync(r), id, 1);
        var returnDraft = await HandleAsync((db, r) => new ReturnRecord(db).HandleAsync(r, "why"), id, 1);

        Assert.Equal((FailureKind.Conflict, $"achievement {id} is a draft, not submitted: it cannot be approved"), (approveDraft.Failure!.Kind, approveDraft.Failure.Message));
        Assert.Equal($"achievement {id} is a draft, not submitted: it cannot be returned", returnDraft.Failure!.Message);

        ActAs("carla", Role.Contributor);
        await HandleAsync((db, r) => new SubmitRecord(db).HandleAsync(r), id, 1);
        var again = await HandleAsync((db, r) => new SubmitRecord(db).HandleAsync(r), id, 2);
        Assert.Equal((FailureKind.Conflict, $"achievement {id} is submitted, not a draft or returned: it cannot be submitted"), (again.Failure!.Kind, again.Failure.Message));
        Assert.Equal((ReviewState.Submitted, 2), await StateAsync(id));
    }

    [Fact]
    public async Task Return_WithoutOrWithTooLongComment_InvalidOnCommentField()
    {
        ActAs("carla", Role.Contributor);
        var id = (await CreateAchievementAsync("Needs a comment")).Id;
        await HandleAsync((db, r) => new SubmitRecord(db).HandleAsync(r), id, 1);
        ActAs("rita", Role.Reviewer);

        var blank = await HandleAsync((db, r) => new ReturnRecord(db).HandleAsync(r, "   "), id, 2);
        var tooLong = await HandleAsync((db, r) => new ReturnRecord(db).HandleAsync(r, new string('x', 2001)), id, 2);

        Assert.Equal(FailureKind.Invalid, blank.Failure!.Kind);
        Assert.Equal(["comment"], blank.Failure.Fields!.Keys);
        Assert.Equal("the comment is 2001 characters long; at most 2000", tooLong.Failure!.Fields!["comment"].Single());
        Assert.True((await HandleAsync((db, r) => new ReturnRecord(db).HandleAsync(r, new string('x', 2000)), id, 2)).Succeeded);
    }

    [Fact]
    public async Task Submit_StaleRevisionOrUnknownRecord_ConflictOrNotFound()
    {
        ActAs("carla", Role.Contributor);
        var id = (await CreateAchievementAsync("Stale")).Id;

        var stale = await HandleAsync((db, r) => new SubmitRecord(db).HandleAsync(r), id, 7);
        var missing = await HandleAsync((db, r) => new SubmitRecord(db).HandleAsync(r), 999_999, 1);

        Assert.Equal((FailureKind.Conflict, $"achievement {id} is at revision 1, not 7: someone changed it since; reload it and try again"), (stale.Failure!.Kind, stale.Failure.Message));
        Assert.Equal((FailureKind.NotFound, "achievement 999999 does not exist"), (missing.Failure!.Kind, missing.Failure.Message));
    }

    [Fact]
    public async Task Transitions_OnARecordAboveTheReadersClearance_NotFoundAsForAnAbsentRecord()
    {
        ActAs("carla", Role.Contributor);
        int id;
        await using (var db = _database.CreateContext())
        {
            var secret = new Achievement { ProgrammeId = (await db.Programmes.FirstAsync()).Id, Title = "Secret draft", Classification = Classification.NatoSecret, ReviewState = ReviewState.Draft };
            db.Achievements.Add(secret);
            await db.SaveChangesAsync();
            id = secret.Id;
        }

        ActAs("rita", Role.Reviewer);
        var options = new DbContextOptionsBuilder<PtrackDbContext>();
        PartnershipTracker.Data.Sqlite.SqliteDatabaseProvider.Instance.Configure(options, _database.ConnectionString);
        await using var restricted = new PtrackDbContext(options.Options, _database.Actor, _database.Time, Security.RecordAccess.Reader(Classification.NatoRestricted, "BEL", "NATO"));

        var submitted = await new SubmitRecord(restricted).HandleAsync(new RecordAtRevision(RecordType.Achievement, id, 1));
        var approved = await new ApproveRecord(restricted).HandleAsync(new RecordAtRevision(RecordType.Achievement, id, 1));

        Assert.Equal((FailureKind.NotFound, $"achievement {id} does not exist"), (submitted.Failure!.Kind, submitted.Failure.Message));
        Assert.Equal((FailureKind.NotFound, $"achievement {id} does not exist"), (approved.Failure!.Kind, approved.Failure.Message));
        Assert.Equal((ReviewState.Draft, 1), await StateAsync(id));
    }

    [Fact]
    public async Task Edit_ByReviewerOrAdmin_Approved_ByViewer_Forbidden()
    {
        ActAs("rita", Role.Reviewer);
        Assert.Equal(ReviewState.Approved, (await StateAsync((await CreateAchievementAsync("By a reviewer")).Id)).State);

        ActAs("vic", Role.Viewer);
        await using var db = _database.CreateContext();
        var refused = await new EditAchievement(db, new ProgrammeLookup(db)).CreateAsync(null, new AchievementInput { Title = "By a viewer" });
        Assert.Equal((FailureKind.Forbidden, "a viewer may not create or change achievement records"), (refused.Failure!.Kind, refused.Failure.Message));
    }

    [Fact]
    public async Task Report_Default_LeavesOutADraftAndSaysSo_IncludeDraftsShowsIt()
    {
        ActAs("carla", Role.Contributor);
        await CreateAchievementAsync("Mobile air-defence battery fielded");
        ActAs("cli", Role.Admin);
        await using var db = _database.CreateContext();
        var reports = new GetProgrammeReport(new GetProgrammeOverview(db, new ProgrammeLookup(db)), new ProgrammeReport(_database.Time), db, _database.Time);

        var approvedOnly = (await reports.HandleAsync("nato-bih", ReportFormat.Markdown)).Value!.Content;
        var withDrafts = (await reports.HandleAsync("nato-bih", ReportFormat.Html, new ReportOptions(IncludeDrafts: true))).Value!.Content;

        Assert.DoesNotContain("Mobile air-defence battery fielded", approvedOnly, StringComparison.Ordinal);
        Assert.Contains("Approved records only; 1 record awaiting review is left out.", approvedOnly, StringComparison.Ordinal);
        Assert.Contains("Enhanced interoperability", approvedOnly, StringComparison.Ordinal);
        Assert.Contains("Mobile air-defence battery fielded", withDrafts, StringComparison.Ordinal);
        Assert.Contains("All records, including drafts and records awaiting review.", withDrafts, StringComparison.Ordinal);
        var exports = await db.AuditEntries.Where(a => a.Event == "export").OrderBy(a => a.Id).Select(a => new { a.Actor, a.Details }).ToListAsync();
        Assert.Equal(
            [("cli", "{\"kind\":\"report\",\"format\":\"md\",\"programme\":\"nato-bih\",\"includeDrafts\":false}"), ("cli", "{\"kind\":\"report\",\"format\":\"html\",\"programme\":\"nato-bih\",\"includeDrafts\":true}")],
            exports.Select(e => (e.Actor, e.Details)));
    }

    [Fact]
    public async Task Ingest_StoresDraftsUnlessApproved()
    {
        await using var db = _database.CreateContext();
        var text = "Progress areas\nDefense Reform\nAchievements: Reserve law adopted in parliament\n"u8.ToArray();

        var stored = await Handlers.Ingest(db, _database.Time).HandleAsync(new IngestRequest("new-report.txt", text, "nato-bih", IngestMode.Store));

        Assert.True(stored.Succeeded, stored.Failure?.Message);
        var source = await db.Sources.SingleAsync(s => s.Id == stored.Value!.Stored!.SourceId);
        Assert.Equal(ReviewState.Draft, source.ReviewState);
        Assert.Equal(ReviewState.Approved, (await db.Sources.OrderBy(s => s.Id).FirstAsync()).ReviewState);
    }

    private void ActAs(string name, Role role) => (_database.Actor.Name, _database.Actor.Role) = (name, role);

    private async Task<RecordRevision> CreateAchievementAsync(string title)
    {
        await using var db = _database.CreateContext();
        var created = await new EditAchievement(db, new ProgrammeLookup(db)).CreateAsync("nato-bih", new AchievementInput { Title = title, AreaId = _defenseAreaId });
        Assert.True(created.Succeeded, created.Failure?.Message);
        return created.Value!;
    }

    private async Task<Result<RecordRevision>> HandleAsync(Func<PtrackDbContext, RecordAtRevision, Task<Result<RecordRevision>>> handle, int id, int revision)
    {
        await using var db = _database.CreateContext();
        return await handle(db, new RecordAtRevision(RecordType.Achievement, id, revision));
    }

    private async Task<(ReviewState State, int Revision)> StateAsync(int id)
    {
        await using var db = _database.CreateContext();
        var record = await db.Achievements.SingleAsync(a => a.Id == id);
        return (record.ReviewState, record.Revision);
    }

    private async Task<string?> CommentAsync(int id)
    {
        await using var db = _database.CreateContext();
        return (await db.Achievements.SingleAsync(a => a.Id == id)).ReviewComment;
    }

}
