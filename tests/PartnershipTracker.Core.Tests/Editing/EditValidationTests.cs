using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Editing;

/// <summary>Every validation message of the editors, with its field (camelCase, as in the API JSON), all at once.</summary>
public sealed class EditValidationTests : ExampleDatabaseTest
{
    [Fact]
    public async Task CreateAsync_InitiativeWithEveryMistake_AllFieldMessagesAtOnce()
    {
        var input = new InitiativeInput
        {
            Name = "   ",
            AreaId = 9999,
            FocusArea = new string('f', 201),
            Status = "Paused",
            StatusLabel = new string('s', 201),
            Start = "2024-13",
            End = "soon",
            LeadInstitution = new string('l', 201),
        };

        var result = await Create((db, p) => new EditInitiative(db, p), input);

        Assert.Equal(FailureKind.Invalid, result.Failure?.Kind);
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["name"] = ["name is required"],
                ["areaId"] = ["areaId: area 9999 does not exist in this programme"],
                ["focusArea"] = ["focusArea is longer than 200 characters (201)"],
                ["status"] = ["status must be one of Planned, Launched, Ongoing, Completed, Stalled, Cancelled (not 'Paused')"],
                ["statusLabel"] = ["statusLabel is longer than 200 characters (201)"],
                ["start"] = ["start must be a date as yyyy, yyyy-MM or yyyy-MM-dd (not '2024-13')"],
                ["end"] = ["end must be a date as yyyy, yyyy-MM or yyyy-MM-dd (not 'soon')"],
                ["leadInstitution"] = ["leadInstitution is longer than 200 characters (201)"],
            },
            result.Failure!.Fields);
        Assert.StartsWith("the initiative is not valid: name is required; areaId: area 9999", result.Failure.Message, StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(2, await db.Initiatives.CountAsync());
    }

    [Fact]
    public async Task CreateAsync_InitiativeEndBeforeStart_EndInvalid()
    {
        var result = await Create((db, p) => new EditInitiative(db, p), new InitiativeInput { Name = "Backwards", Start = "2024-05", End = "2023" });

        Assert.Equal(["end (2023) is before start (2024-05)"], result.Failure!.Fields!["end"]);
    }

    [Fact]
    public async Task CreateAsync_StatusAsNumber_Invalid()
    {
        var result = await Create((db, p) => new EditInitiative(db, p), new InitiativeInput { Name = "Numbered", Status = "2" });

        Assert.Equal(["status must be one of Planned, Launched, Ongoing, Completed, Stalled, Cancelled (not '2')"], result.Failure!.Fields!["status"]);
    }

    [Fact]
    public async Task CreateAsync_AreaOfAnotherProgramme_InvalidAreaId()
    {
        int otherArea;
        await using (var db = Database.CreateContext())
        {
            var other = new Programme { Slug = "other", Name = "Other", Alliance = "NATO", PartnerIso3 = "MNE" };
            db.Programmes.Add(other);
            await db.SaveChangesAsync();
            var area = new Area { ProgrammeId = other.Id, Name = "Elsewhere" };
            db.Areas.Add(area);
            await db.SaveChangesAsync();
            otherArea = area.Id;
        }

        var result = await Create((db, p) => new EditAchievement(db, p), new AchievementInput { Title = "Crossed over", AreaId = otherArea }, "nato-bih");

        Assert.Equal([$"areaId: area {otherArea} does not exist in this programme"], result.Failure!.Fields!["areaId"]);
    }

    [Fact]
    public async Task CreateAsync_AchievementBadValues_TitleAndDateMessages()
    {
        var result = await Create((db, p) => new EditAchievement(db, p), new AchievementInput { Title = new string('t', 501), Date = "2023-02-30" });

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["title"] = ["title is longer than 500 characters (501)"],
                ["date"] = ["date must be a date as yyyy, yyyy-MM or yyyy-MM-dd (not '2023-02-30')"],
            },
            result.Failure!.Fields);
    }

    [Fact]
    public async Task CreateAsync_ChallengeBadEnums_SeverityAndStatusMessages()
    {
        var result = await Create((db, p) => new EditChallenge(db, p), new ChallengeInput { Title = "X", Severity = "huge", Status = "closed", Impact = new string('i', 4001), Owner = new string('o', 201) });

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["impact"] = ["impact is longer than 4000 characters (4001)"],
                ["severity"] = ["severity must be one of Unrated, Low, Medium, High, Critical (not 'huge')"],
                ["status"] = ["status must be one of Open, Easing, Resolved (not 'closed')"],
                ["owner"] = ["owner is longer than 200 characters (201)"],
            },
            result.Failure!.Fields);
    }

    [Fact]
    public async Task CreateAsync_MilestoneWithoutStatusAndUnknownInitiative_Messages()
    {
        var result = await Create((db, p) => new EditMilestone(db, p), new MilestoneInput { Title = "Step", InitiativeId = 4242, DateText = new string('d', 201), Description = new string('d', 4001), Confidence = new string('c', 201), Date = "24" });

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["initiativeId"] = ["initiativeId: initiative 4242 does not exist in this programme"],
                ["description"] = ["description is longer than 4000 characters (4001)"],
                ["date"] = ["date must be a date as yyyy, yyyy-MM or yyyy-MM-dd (not '24')"],
                ["dateText"] = ["dateText is longer than 200 characters (201)"],
                ["status"] = ["status is required; one of Due, Done, Missed"],
                ["confidence"] = ["confidence is longer than 200 characters (201)"],
            },
            result.Failure!.Fields);
    }

    [Fact]
    public async Task CreateAsync_RecommendationBadValues_Messages()
    {
        var result = await Create((db, p) => new EditRecommendation(db, p), new RecommendationInput
        {
            StrategicAction = null,
            FocusArea = new string('f', 201),
            ExpectedOutcome = new string('e', 4001),
            IssuedBy = new string('i', 201),
            Cycle = new string('9', 33),
            Status = "done",
        });

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["strategicAction"] = ["strategicAction is required"],
                ["focusArea"] = ["focusArea is longer than 200 characters (201)"],
                ["expectedOutcome"] = ["expectedOutcome is longer than 4000 characters (4001)"],
                ["issuedBy"] = ["issuedBy is longer than 200 characters (201)"],
                ["cycle"] = ["cycle is longer than 32 characters (33)"],
                ["status"] = ["status must be one of Issued, Accepted, InProgress, Implemented, Rejected (not 'done')"],
            },
            result.Failure!.Fields);
    }

    [Fact]
    public async Task CreateAsync_IndicatorBadValues_Messages()
    {
        var result = await Create((db, p) => new EditIndicator(db, p), new IndicatorInput { Name = "", Unit = new string('u', 65), Direction = "up", Description = new string('d', 4001) });

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["name"] = ["name is required"],
                ["unit"] = ["unit is longer than 64 characters (65)"],
                ["direction"] = ["direction must be one of HigherIsBetter, LowerIsBetter, Neutral (not 'up')"],
                ["description"] = ["description is longer than 4000 characters (4001)"],
            },
            result.Failure!.Fields);
    }

    [Fact]
    public async Task CreateAsync_IndicatorWithoutUnit_UnitRequired()
    {
        var result = await Create((db, p) => new EditIndicator(db, p), new IndicatorInput { Name = "Count" });

        Assert.Equal(["unit is required"], result.Failure!.Fields!["unit"]);
    }

    [Fact]
    public async Task CreateAsync_SourceBadValues_Messages()
    {
        var result = await Create((db, p) => new EditSource(db, p), new SourceInput
        {
            Title = "T",
            Publisher = new string('p', 201),
            Url = "javascript:alert(1)",
            PublishedOn = "May 2024",
            Kind = "blog",
            Reliability = "G",
            Credibility = 7,
        });

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["publisher"] = ["publisher is longer than 200 characters (201)"],
                ["url"] = ["url must be an absolute http or https URL (not 'javascript:alert(1)')"],
                ["publishedOn"] = ["publishedOn must be a date as yyyy, yyyy-MM or yyyy-MM-dd (not 'May 2024')"],
                ["kind"] = ["kind must be one of Unknown, Official, AllianceStatement, Media, ThinkTank, CivilSociety (not 'blog')"],
                ["reliability"] = ["reliability must be a letter A to F (not 'G')"],
                ["credibility"] = ["credibility must be a number 1 to 6 (not 7)"],
            },
            result.Failure!.Fields);
    }

    [Fact]
    public async Task CreateAsync_AreaBadValues_Messages()
    {
        var result = await Create((db, p) => new EditArea(db, p), new AreaInput { Name = new string('n', 201), Chapter = "Economy", Description = new string('d', 4001) });

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["name"] = ["name is longer than 200 characters (201)"],
                ["chapter"] = ["chapter must be one of PoliticalAndEconomic, DefenceAndMilitary, Resources, Security, Legal (not 'Economy')"],
                ["description"] = ["description is longer than 4000 characters (4001)"],
            },
            result.Failure!.Fields);
    }

    [Fact]
    public async Task UpdateAsync_Invalid_RecordUnchanged()
    {
        await using var read = Database.CreateContext();
        var cyber = await read.Initiatives.AsNoTracking().SingleAsync(i => i.Name == "Cybersecurity Initiative");
        await using var db = Database.CreateContext();
        var editor = new EditInitiative(db, new ProgrammeLookup(db));

        var result = await editor.UpdateAsync(cyber.Id, 1, new InitiativeInput { Name = "Renamed", Status = "Sleeping" });
        await db.SaveChangesAsync();

        Assert.Equal(FailureKind.Invalid, result.Failure?.Kind);
        await using var check = Database.CreateContext();
        var stored = await check.Initiatives.SingleAsync(i => i.Id == cyber.Id);
        Assert.Equal(("Cybersecurity Initiative", 1), (stored.Name, stored.Revision));
    }

    private async Task<Result<RecordRevision>> Create<TRecord, TInput>(Func<PtrackDbContext, ProgrammeLookup, RecordEditor<TRecord, TInput>> editor, TInput input, string? programme = null)
        where TRecord : class, IEditableRecord
        where TInput : class
    {
        await using var db = Database.CreateContext();
        return await editor(db, new ProgrammeLookup(db)).CreateAsync(programme, input);
    }
}
