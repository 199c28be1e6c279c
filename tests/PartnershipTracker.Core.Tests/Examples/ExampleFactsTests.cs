using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Examples;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Examples;

public sealed class ExampleFactsTests
{
    private const int ProgrammeId = 7;
    private const string GdpShare = "Defence spending as share of GDP";
    private const string PropertyRegistered = "Perspective defence property registered";

    private static readonly ExampleFactsResult Facts = ExampleFacts.Load(ProgrammeId);

    [Fact]
    public void Load_PfpAccession_IsMilestoneDatedDecember2006()
    {
        var pfp = Milestone("Partnership for Peace (PfP) accession");

        Assert.Equal(new PartialDate(2006, 12), pfp.Milestone.Date);
        Assert.Equal("Dec 2006", pfp.Milestone.DateText);
        Assert.Equal(MilestoneStatus.Done, pfp.Milestone.Status);
        Assert.Equal("high", pfp.Milestone.Confidence);
        Assert.Equal(ProgrammeId, pfp.Milestone.ProgrammeId);
        var evidence = Assert.Single(pfp.Evidence);
        Assert.Equal(RecordType.Milestone, evidence.RecordType);
        Assert.Equal("BiH joined PfP in December 2006", evidence.Quote);
        Assert.StartsWith("https://webarchive.library.unt.edu/", evidence.Source!.Url, StringComparison.Ordinal);
        Assert.Null(evidence.LineStart);
    }

    [Fact]
    public void Load_MapInvitation_IsDated22April2010WithPropertyCondition()
    {
        var map = Milestone("MAP invitation, Tallinn").Milestone;

        Assert.Equal(new PartialDate(2010, 4, 22), map.Date);
        Assert.Contains("immovable defence properties", map.Description, StringComparison.Ordinal);
        Assert.Contains("officially registered as the state property of BiH", map.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReformProgrammeSubmission_IsDated23December2019()
    {
        Assert.Equal(new PartialDate(2019, 12, 23), Milestone("Reform Programme submitted instead of ANP").Milestone.Date);
    }

    [Fact]
    public void Load_DcbPackage_HasEvidenceFromItsThreeSources()
    {
        var dcb = Milestone("Defence Capacity Building (DCB) package");

        Assert.Equal(new PartialDate(2022, 4), dcb.Milestone.Date);
        Assert.Equal("Apr 2022 to Feb 2023", dcb.Milestone.DateText);
        Assert.Equal(3, dcb.Evidence.Select(e => e.Source!.Url).Distinct().Count());
        Assert.Contains("9 defence + 3 security projects", dcb.Milestone.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NacVisit_IsDatedFirstDayOfTheVisit()
    {
        Assert.Equal(new PartialDate(2024, 2, 1), Milestone("NAC visit to BiH").Milestone.Date);
    }

    [Fact]
    public void Load_MilestoneSection_GivesOneMilestonePerFact()
    {
        Assert.Equal(22, Facts.Milestones.Count);
        Assert.Equal(Facts.Milestones.Count, Facts.Milestones.Select(m => m.Milestone.Title).Distinct().Count());
    }

    [Fact]
    public void Load_NoteNamingUntArchiveAbove_LinksToTheArchivedNatoPage()
    {
        var dialogue = Milestone("Intensified Dialogue on membership");

        var evidence = Assert.Single(dialogue.Evidence);
        Assert.StartsWith("https://webarchive.library.unt.edu/", evidence.Source!.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GdpShare_KeepsThreeConflictingObservationsFromThreeSources()
    {
        var gdp = Indicator(GdpShare);

        Assert.Equal("% of GDP", gdp.Unit);
        Assert.Equal([0.74m, 0.69m, 0.9m], gdp.Observations.Select(o => o.Value));
        Assert.Equal(3, gdp.Observations.Select(o => o.Source).Distinct().Count());
        Assert.All(gdp.Observations, o => Assert.NotNull(o.Source));
        Assert.Equal([new PartialDate(2021), null, new PartialDate(2024, 4)], gdp.Observations.Select(o => o.Period));
    }

    [Fact]
    public void Load_GdpShare2024Entry_HasNoPeriodAndKeepsTheNote()
    {
        var entry = Indicator(GdpShare).Observations[1];

        Assert.Null(entry.Period);
        Assert.Equal("2024 entry", entry.PeriodText);
        Assert.Contains("the year measured is not stated", entry.Note, StringComparison.Ordinal);
        Assert.Equal("low/UNCERTAIN (year)", entry.Confidence);
        Assert.Equal("https://balkandefencemonitor.com/defence-expenditure-bosnia-and-herzegovina-2024/", entry.Source!.Url);
    }

    [Fact]
    public void Load_PropertyRegistered_HasCountsOutOfTheListSize()
    {
        var property = Indicator(PropertyRegistered);

        Assert.Equal("properties", property.Unit);
        Assert.Equal(IndicatorDirection.HigherIsBetter, property.Direction);
        Assert.Equal([(23m, 63m), (31m, 57m), (31m, 57m)], property.Observations.Select(o => (o.Value, o.OutOf!.Value)));
        Assert.Equal([new PartialDate(2015, 12), new PartialDate(2020), new PartialDate(2022, 11, 19)], property.Observations.Select(o => o.Period));
    }

    [Fact]
    public void Load_PropertyFactsWithoutSourceList_LinkToTheSourceTheirNoteNames()
    {
        var property = Indicator(PropertyRegistered);

        Assert.Contains("klix.ba", property.Observations[1].Source!.Url, StringComparison.Ordinal);
        Assert.Contains("viteskiportal.com", property.Observations[2].Source!.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MoDBudget_ReadsFourYearsAllFromTheSameSource()
    {
        var budget = Indicator("MoD budget");

        Assert.Equal("EUR million", budget.Unit);
        Assert.Equal([171m, 150m, 156m, 145m], budget.Observations.Select(o => o.Value));
        Assert.Equal([2010, 2011, 2012, 2013], budget.Observations.Select(o => o.Period!.Value.Year));
        Assert.Equal("2013 plan", budget.Observations[3].PeriodText);
        Assert.All(budget.Observations, o => Assert.Equal("https://eurasia.ro/?p=46379", o.Source!.Url));
    }

    [Fact]
    public void Load_JointActivities_ReadsOneObservationPerYear()
    {
        var activities = Indicator("Planned BiH–NATO joint activities completed");

        Assert.Equal("%", activities.Unit);
        Assert.Equal([54m, 61m, 65m, 71m, 79m], activities.Observations.Select(o => o.Value));
        Assert.Equal([2007, 2008, 2009, 2010, 2011], activities.Observations.Select(o => o.Period!.Value.Year));
    }

    [Fact]
    public void Load_Sources_OnePerDistinctUrlWithTitleFromTheNote()
    {
        var sfor = Assert.Single(Facts.Sources, s => s.Url == "http://www.nato.int/docu/update/2004/12-december/e1202a.htm");

        Assert.Equal(Facts.Sources.Count, Facts.Sources.Select(s => s.Url).Distinct().Count());
        Assert.Equal("NATO Update \"NATO ends SFOR mission\", 6 Dec 2004", sfor.Title);
        Assert.Equal(new PartialDate(2004, 12, 6), sfor.PublishedOn);
        Assert.Equal(SourceKind.AllianceStatement, sfor.Kind);
        Assert.Equal("nato.int", sfor.Publisher);
        Assert.Null(sfor.Sha256);
        Assert.Null(sfor.Content);
        Assert.All(Facts.Sources, s => Assert.Equal(ProgrammeId, s.ProgrammeId));
    }

    [Theory]
    [InlineData("https://osce.org/mission-to-bosnia-and-herzegovina/435338", SourceKind.Official)]
    [InlineData("https://egov.nik.gov.pl/BH/2022/cyberSecurityBiH/www/alg_cyberSecurityBiH.html", SourceKind.Official)]
    [InlineData("https://ba.n1info.com/english/news/a399870-nato-hq-we-look-forward-to-engaging-with-bosniaand39s-government-early-next-year/", SourceKind.Media)]
    [InlineData("https://sarajevotimes.com/nato-commended-the-work-of-bosnia-and-herzegovina/", SourceKind.Media)]
    [InlineData("https://cess.org/2025/06/19/cybersecurity-in-bosnia-and-herzegovina-everyones-problem-no-ones-responsibility/", SourceKind.Unknown)]
    [InlineData("https://webarchive.library.unt.edu/web/20120928132152/http://www.nato.int/cps/en/natolive/topics_49127.htm", SourceKind.AllianceStatement)]
    public void Load_SourceKind_FollowsTheHost(string url, SourceKind expected)
    {
        Assert.Equal(expected, Assert.Single(Facts.Sources, s => s.Url == url).Kind);
    }

    [Fact]
    public void Load_SourceWithoutNoteText_UsesTheUrlAsTitleAndNoDate()
    {
        var kg = Assert.Single(Facts.Sources, s => s.Url == "http://g.co/kg/m/03bx397");

        Assert.Equal("http://g.co/kg/m/03bx397", kg.Title);
        Assert.Null(kg.PublishedOn);
    }

    [Theory]
    [InlineData("https://www.infobalkans.com/2018/12/05/nato-approves-membership-action-plan-bosnia", "infobalkans.com, 5 Dec 2018", "2018-12-05")]
    [InlineData("https://www.miragenews.com/nato-chief-visits-bosnia-and-herzegovina-for-1090376/", "NATO via Mirage, Sept 2023: \"endorsed by Allies in February 2023\"", "2023-09")]
    [InlineData("https://zenicainfo.ba/?p=133848", "Zenicainfo, RP 2024 adopted, n.d. 2024/25", null)]
    [InlineData("http://www.nato.int/cps/uk/SID-06060C15-2AA355FC/natolive/topics_49127.htm", "\"NATO's relations with Bosnia and Herzegovina\", NATO, n.d., c. 2008", null)]
    public void Load_SourceNote_GivesTitleAndPublicationDate(string url, string title, string? published)
    {
        var source = Assert.Single(Facts.Sources, s => s.Url == url);

        Assert.Equal(title, source.Title);
        Assert.Equal(published, source.PublishedOn?.ToString());
    }

    [Fact]
    public void Load_ArchivedPage_HasNoPublicationDateFromTheArchiveDate()
    {
        var archived = Assert.Single(Facts.Sources, s => s.Url!.StartsWith("https://webarchive.library.unt.edu/", StringComparison.Ordinal));

        Assert.Null(archived.PublishedOn);
        Assert.Equal("nato.int", archived.Publisher);
    }

    [Fact]
    public async Task AddToAsync_SqliteFile_RoundTripsEverything()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        int programmeId;
        ExampleFactsResult loaded;
        await using (var db = database.CreateContext())
        {
            var programme = ExampleFacts.CreateProgramme();
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            programmeId = programme.Id;
            loaded = ExampleFacts.Load(programmeId);
            await loaded.AddToAsync(db);
        }

        await using var read = database.CreateContext();
        var milestones = await read.Milestones.OrderBy(m => m.Date).ToListAsync();
        var indicators = await read.Indicators.Include(i => i.Observations).ThenInclude(o => o.Source).ToListAsync();
        var evidence = await read.Evidence.Include(e => e.Source).ToListAsync();
        var map = Assert.Single(milestones, m => m.Title == "MAP invitation, Tallinn");
        var gdp = Assert.Single(indicators, i => i.Name == GdpShare);
        var property = Assert.Single(indicators, i => i.Name == PropertyRegistered);

        Assert.Equal(loaded.Sources.Count, await read.Sources.CountAsync(s => s.ProgrammeId == programmeId));
        Assert.Equal(22, milestones.Count);
        Assert.Equal(loaded.Milestones.Sum(m => m.Evidence.Count), evidence.Count(e => e.RecordType == RecordType.Milestone));
        Assert.Equal(new PartialDate(2004, 12, 2), milestones[0].Date);
        Assert.Equal(new PartialDate(2010, 4, 22), map.Date);
        var mapEvidence = Assert.Single(evidence, e => e.RecordType == RecordType.Milestone && e.RecordId == map.Id);
        Assert.Equal("https://www.nato.int/cps/en/natohq/news_62811.htm", mapEvidence.Source!.Url);
        Assert.Equal(
            [(0.74m, "2021"), (0.69m, (string?)null), (0.9m, "2024-04")],
            gdp.Observations.OrderBy(o => o.Id).Select(o => (o.Value, o.Period?.ToString())));
        Assert.Equal(3, gdp.Observations.Select(o => o.SourceId).Distinct().Count());
        var mod = Assert.Single(gdp.Observations, o => o.Value == 0.9m);
        Assert.Equal(
            ["https://abnase.com/bih-allocates-0-9-percent-of-gdp-for-defense-the-bih-af-lack-1500-professional-military-personnel/",
             "https://thewesternbalkans.com/bosnia-and-herzegovina-allocates-only-0-9-of-gdp-for-defense/"],
            evidence.Where(e => e.RecordType == RecordType.Observation && e.RecordId == mod.Id).Select(e => e.Source!.Url).Order(StringComparer.Ordinal));
        Assert.Equal(mod.Source!.Url, evidence.First(e => e.RecordType == RecordType.Observation && e.RecordId == mod.Id && e.SourceId == mod.SourceId).Source!.Url);
        Assert.Equal(
            [(23m, 63m), (31m, 57m), (31m, 57m)],
            property.Observations.OrderBy(o => o.Id).Select(o => (o.Value, o.OutOf!.Value)));
        Assert.Equal(4, indicators.Count);
    }

    private static SourcedMilestone Milestone(string title) =>
        Assert.Single(Facts.Milestones, m => m.Milestone.Title == title);

    private static Indicator Indicator(string name) =>
        Assert.Single(Facts.Indicators, i => i.Name == name);
}
