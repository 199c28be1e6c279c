using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Listing;

/// <summary>Filters, sorts, offset pages and keyset cursors of the list handlers, on a programme built for it.</summary>
public sealed class RecordQueryTests : IAsyncLifetime
{
    private const string Slug = "lists";
    private TempSqliteDatabase _database = null!;
    private List<Initiative> _initiatives = [];
    private int _areaA;
    private int _areaB;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        var programme = new Programme { Slug = Slug, Name = "Lists", Alliance = "NATO", PartnerIso3 = "BIH" };
        var other = new Programme { Slug = "other", Name = "Other", Alliance = "NATO", PartnerIso3 = "MNE" };
        db.Programmes.AddRange(programme, other);
        await db.SaveChangesAsync();
        var a = new Area { ProgrammeId = programme.Id, Name = "Area A" };
        var b = new Area { ProgrammeId = programme.Id, Name = "Area B" };
        db.Areas.AddRange(a, b);
        await db.SaveChangesAsync();
        (_areaA, _areaB) = (a.Id, b.Id);

        // Ties on purpose: three Stalled, two nulls, repeated names and start dates.
        InitiativeStatus?[] statuses = [InitiativeStatus.Stalled, InitiativeStatus.Ongoing, null, InitiativeStatus.Stalled, InitiativeStatus.Completed, InitiativeStatus.Stalled, null, InitiativeStatus.Ongoing, InitiativeStatus.Planned];
        string[] names = ["Radar", "cyber range", "Radar", "Border Watch", "Cyber Range II", "Logistics", "Radar", "Training_100%", "Air Policing"];
        PartialDate?[] starts = [new(2023), new(2021, 5), null, new(2023), new(2024, 1, 2), null, new(2023), new(2022), new(2021, 5)];
        _initiatives = statuses.Select((status, i) => new Initiative
        {
            ProgrammeId = programme.Id,
            Name = names[i],
            Status = status,
            Start = starts[i],
            AreaId = i % 2 == 0 ? a.Id : b.Id,
            LeadInstitution = i == 4 ? "Ministry of Security" : null,
        }).ToList();
        db.Initiatives.AddRange(_initiatives);
        db.Initiatives.Add(new Initiative { ProgrammeId = other.Id, Name = "Radar elsewhere", Status = InitiativeStatus.Stalled });
        db.Challenges.AddRange(
            new Challenge { ProgrammeId = programme.Id, Title = "Veto", Severity = Severity.High, Status = ChallengeStatus.Open },
            new Challenge { ProgrammeId = programme.Id, Title = "Budget", Severity = Severity.High, Status = ChallengeStatus.Resolved },
            new Challenge { ProgrammeId = programme.Id, Title = "Staff", Severity = Severity.Low, Status = ChallengeStatus.Open });
        db.Recommendations.AddRange(
            new Recommendation { ProgrammeId = programme.Id, StrategicAction = "Act 2023", Cycle = "2023" },
            new Recommendation { ProgrammeId = programme.Id, StrategicAction = "Act 2024", Cycle = "2024" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task HandleAsync_NoFilters_ProgrammeOnlyByIdWithTotalAndRevision()
    {
        var page = await ListAsync(new RecordQuery { Programme = Slug });

        Assert.Equal(_initiatives.Select(i => i.Id), page.Items.Select(i => i.Id));
        Assert.Equal(9, page.Total);
        Assert.All(page.Items, i => Assert.Equal(1, i.Revision));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task HandleAsync_StatusAndArea_Filtered()
    {
        var page = await ListAsync(new RecordQuery { Programme = Slug, Status = "stalled", Area = _areaA });

        Assert.Equal([_initiatives[0].Id], page.Items.Select(i => i.Id));
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task HandleAsync_AreaB_OnlyItsInitiatives()
    {
        var page = await ListAsync(new RecordQuery { Programme = Slug, Area = _areaB });

        Assert.Equal(_initiatives.Where((_, i) => i % 2 == 1).Select(i => i.Id), page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task HandleAsync_Q_CaseInsensitiveOverNameAndLeadInstitution()
    {
        var cyber = await ListAsync(new RecordQuery { Programme = Slug, Q = "CYBER" });
        var ministry = await ListAsync(new RecordQuery { Programme = Slug, Q = "ministry of" });
        var literal = await ListAsync(new RecordQuery { Programme = Slug, Q = "_100%" });
        var wildcard = await ListAsync(new RecordQuery { Programme = Slug, Q = "%" });

        Assert.Equal(["cyber range", "Cyber Range II"], cyber.Items.Select(i => i.Name));
        Assert.Equal(["Cyber Range II"], ministry.Items.Select(i => i.Name));
        Assert.Equal(["Training_100%"], literal.Items.Select(i => i.Name));
        Assert.Equal(["Training_100%"], wildcard.Items.Select(i => i.Name));
    }

    [Theory]
    [InlineData("status", false)]
    [InlineData("status", true)]
    [InlineData("name", false)]
    [InlineData("name", true)]
    [InlineData("start", false)]
    [InlineData("start", true)]
    [InlineData("id", true)]
    public async Task HandleAsync_CursorPagesOfTwo_EveryRecordOnceInSortOrder(string sort, bool descending)
    {
        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(new RecordQuery { Programme = Slug, Sort = sort, Descending = descending, Limit = 2, Cursor = cursor });
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(Expected(sort, descending), seen);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task HandleAsync_OffsetPage_SameAsCursorOrder()
    {
        var second = await ListAsync(new RecordQuery { Programme = Slug, Sort = "status", Page = 2, Limit = 4 });

        Assert.Equal(Expected("status", false).Skip(4).Take(4), second.Items.Select(i => i.Id));
        Assert.NotNull(second.NextCursor);
    }

    [Fact]
    public async Task HandleAsync_CursorAfterNewRecordAdded_NoRepeat()
    {
        var first = await ListAsync(new RecordQuery { Programme = Slug, Limit = 5 });
        await using (var db = _database.CreateContext())
        {
            db.Initiatives.Add(new Initiative { ProgrammeId = _initiatives[0].ProgrammeId, Name = "Added between pages" });
            await db.SaveChangesAsync();
        }

        var second = await ListAsync(new RecordQuery { Programme = Slug, Limit = 5, Cursor = first.NextCursor });

        Assert.Equal(_initiatives.Skip(5).Select(i => i.Id), second.Items.Take(4).Select(i => i.Id));
        Assert.Equal("Added between pages", second.Items[^1].Name);
    }

    [Theory]
    [InlineData("not-a-cursor!")]
    [InlineData("eyJzIjoiaWQiLCJkIjpmYWxzZSwiayI6IjEiLCJpIjoxfQ")]
    [InlineData("")]
    public async Task HandleAsync_ForgedOrGarbledCursor_InvalidNamingCursor(string cursor)
    {
        var result = await new ListInitiatives(_database.CreateContext(), Lookup()).HandleAsync(new RecordQuery { Programme = Slug, Cursor = cursor == "" ? "AAAAAAAA" : cursor });

        Assert.Equal(FailureKind.Invalid, result.Failure?.Kind);
        Assert.Equal(["cursor is not one this list gave out; start again without it"], result.Failure!.Fields!["cursor"]);
    }

    [Fact]
    public async Task HandleAsync_TamperedCursor_Invalid()
    {
        var first = await ListAsync(new RecordQuery { Programme = Slug, Limit = 2 });
        var chars = first.NextCursor!.ToCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';

        var result = await new ListInitiatives(_database.CreateContext(), Lookup()).HandleAsync(new RecordQuery { Programme = Slug, Limit = 2, Cursor = new string(chars) });

        Assert.Equal(FailureKind.Invalid, result.Failure?.Kind);
        Assert.True(result.Failure!.Fields!.ContainsKey("cursor"));
    }

    [Fact]
    public async Task HandleAsync_CursorOfAnotherOrder_InvalidNamingCursor()
    {
        var first = await ListAsync(new RecordQuery { Programme = Slug, Limit = 2, Sort = "name" });

        var result = await new ListInitiatives(_database.CreateContext(), Lookup()).HandleAsync(new RecordQuery { Programme = Slug, Limit = 2, Sort = "status", Cursor = first.NextCursor });

        Assert.Equal(["cursor belongs to the order sort=name dir=asc; ask with the same order or start again without it"], result.Failure!.Fields!["cursor"]);
    }

    [Fact]
    public async Task HandleAsync_BadSortLimitPageStatusAndForeignFilter_AllNamed()
    {
        var result = await new ListInitiatives(_database.CreateContext(), Lookup()).HandleAsync(
            new RecordQuery { Programme = Slug, Sort = "colour", Limit = 201, Page = 0, Status = "asleep", Severity = "High" });

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["limit"] = ["limit must be 1 to 200 (not 201)"],
                ["page"] = ["page must be 1 or more (not 0)"],
                ["sort"] = ["sort must be one of id, name, status, start, end (not 'colour')"],
                ["severity"] = ["severity is not a filter of initiative lists"],
                ["status"] = ["status must be one of Planned, Launched, Ongoing, Completed, Stalled, Cancelled (not 'asleep')"],
            },
            result.Failure!.Fields);
    }

    [Fact]
    public async Task HandleAsync_ChallengesBySeverityAndStatus_Filtered()
    {
        await using var db = _database.CreateContext();
        var result = await new ListChallenges(db, new ProgrammeLookup(db)).HandleAsync(new RecordQuery { Programme = Slug, Severity = "high", Status = "open" });

        Assert.Equal(["Veto"], result.Value!.Items.Select(c => c.Title));
    }

    [Fact]
    public async Task HandleAsync_RecommendationsByCycle_Filtered()
    {
        await using var db = _database.CreateContext();
        var result = await new ListRecommendations(db, new ProgrammeLookup(db)).HandleAsync(new RecordQuery { Programme = Slug, Cycle = "2024" });

        Assert.Equal(["Act 2024"], result.Value!.Items.Select(r => r.StrategicAction));
    }

    [Fact]
    public async Task HandleAsync_DeletedRecord_NotListedNorCounted()
    {
        await using (var db = _database.CreateContext())
        {
            await new DeleteRecord(db, _database.Time).HandleAsync(new RecordAtRevision(RecordType.Initiative, _initiatives[0].Id, 1));
        }

        var page = await ListAsync(new RecordQuery { Programme = Slug });

        Assert.Equal(8, page.Total);
        Assert.DoesNotContain(_initiatives[0].Id, page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task HandleAsync_EveryListType_AnswersFirstPage()
    {
        await using var db = _database.CreateContext();
        var lookup = new ProgrammeLookup(db);
        var query = new RecordQuery { Programme = Slug, Sort = "id", Descending = true, Limit = 1 };

        Assert.Equal(2, (await new ListAreas(db, lookup).HandleAsync(query)).Value!.Total);
        Assert.Equal(0, (await new ListAchievements(db, lookup).HandleAsync(query)).Value!.Total);
        Assert.Equal("Staff", (await new ListChallenges(db, lookup).HandleAsync(query)).Value!.Items.Single().Title);
        Assert.Equal(0, (await new ListMilestones(db, lookup).HandleAsync(query)).Value!.Total);
        Assert.Equal("Act 2024", (await new ListRecommendations(db, lookup).HandleAsync(query)).Value!.Items.Single().StrategicAction);
        Assert.Equal(0, (await new ListIndicators(db, lookup).HandleAsync(query)).Value!.Total);
        Assert.Equal(0, (await new ListSources(db, lookup).HandleAsync(query)).Value!.Total);
    }

    /// <summary>The order SQLite gives: the key (NULL first ascending, last descending; enums by name, ordinal text), then id, in one direction.</summary>
    private List<int> Expected(string sort, bool descending)
    {
        Func<Initiative, string?> key = sort switch
        {
            "status" => i => i.Status?.ToString(),
            "name" => i => i.Name,
            "start" => i => i.Start?.ToString(),
            _ => i => i.Id.ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
        };
        var ordered = _initiatives.Order(Comparer<Initiative>.Create((x, y) =>
        {
            var byKey = (key(x), key(y)) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                var (a, b) => string.CompareOrdinal(a, b),
            };
            return byKey != 0 ? byKey : x.Id.CompareTo(y.Id);
        }));
        return (descending ? ordered.Reverse() : ordered).Select(i => i.Id).ToList();
    }

    private async Task<RecordPage<InitiativeRow>> ListAsync(RecordQuery query)
    {
        await using var db = _database.CreateContext();
        var result = await new ListInitiatives(db, new ProgrammeLookup(db)).HandleAsync(query);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value!;
    }

    private ProgrammeLookup Lookup() => new(_database.CreateContext());
}
