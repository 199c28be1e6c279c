using System.Text;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Markings;

/// <summary>Setting markings: editing (defaults, validation, clearance), ingest, the example programme, and the STANAG 4774 label.</summary>
public sealed class MarkingEditingTests : ExampleDatabaseTest
{
    [Fact]
    public async Task Create_NoMarkingGiven_TakesTheConfiguredDefault()
    {
        await using var db = Database.CreateContext();
        var plain = await new EditAchievement(db, new ProgrammeLookup(db)).CreateAsync(null, new AchievementInput { Title = "Default marking" });
        var configured = await new EditAchievement(db, new ProgrammeLookup(db), new MarkingDefaults(new RecordMarking(Classification.NatoRestricted, ",NATO,")))
            .CreateAsync(null, new AchievementInput { Title = "Configured marking" });

        Assert.Equal((Classification.NatoUnclassified, ""), await MarkingAsync(db, plain.Value!.Id));
        Assert.Equal((Classification.NatoRestricted, ",NATO,"), await MarkingAsync(db, configured.Value!.Id));
    }

    [Fact]
    public async Task CreateAndUpdate_MarkingGiven_IsStoredAndKeptWhenLeftOut()
    {
        await using var db = Database.CreateContext();
        var editor = new EditInitiative(db, new ProgrammeLookup(db));
        var created = await editor.CreateAsync(null, new InitiativeInput { Name = "Marked", Classification = "nato-restricted", ReleasableTo = ["nato", "BIH"] });
        var updated = await editor.UpdateAsync(created.Value!.Id, 1, new InitiativeInput { Name = "Marked, renamed" });

        Assert.True(updated.Succeeded);
        var stored = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == created.Value.Id);
        Assert.Equal(("Marked, renamed", Classification.NatoRestricted, ",BIH,NATO,"), (stored.Name, stored.Classification, stored.ReleasableTo));
    }

    [Fact]
    public async Task Create_UnknownLevelAndBadEntry_FieldMessagesForBoth()
    {
        await using var db = Database.CreateContext();
        var result = await new EditChallenge(db, new ProgrammeLookup(db)).CreateAsync(null, new ChallengeInput { Title = "X", Classification = "TOP SECRET", ReleasableTo = ["BIH", "B!H"] });

        Assert.Equal(FailureKind.Invalid, result.Failure!.Kind);
        Assert.Equal("classification must be one of PUBLIC, NATO UNCLASSIFIED, NATO RESTRICTED, NATO CONFIDENTIAL, NATO SECRET (not 'TOP SECRET')", Assert.Single(result.Failure.Fields!["classification"]));
        Assert.StartsWith("releasableTo: 'B!H' is not an ISO 3166 alpha-3 code", Assert.Single(result.Failure.Fields["releasableTo"]), StringComparison.Ordinal);
        Assert.False(await db.Challenges.AnyAsync(c => c.Title == "X"));
    }

    [Fact]
    public async Task Create_AboveTheWritersClearance_IsRefused()
    {
        await using var db = Database.CreateContext(RecordAccess.Reader(Classification.NatoRestricted, "FRA", null));
        var result = await new EditAchievement(db, new ProgrammeLookup(db)).CreateAsync(null, new AchievementInput { Title = "Too high", Classification = "NATO SECRET" });

        Assert.Equal([MarkingFields.AboveClearance], result.Failure!.Fields!["classification"]);
        Assert.Equal("classification: above your clearance", MarkingFields.AboveClearance);
    }

    [Fact]
    public async Task Update_ReleasableToWithoutTheWritersNation_IsRefusedAndRecordUnchanged()
    {
        await using var db = Database.CreateContext(RecordAccess.Reader(Classification.NatoSecret, "FRA", null));
        var editor = new EditAchievement(db, new ProgrammeLookup(db));
        var created = await editor.CreateAsync(null, new AchievementInput { Title = "Mine", ReleasableTo = ["FRA"] });
        var result = await editor.UpdateAsync(created.Value!.Id, 1, new AchievementInput { Title = "Changed", ReleasableTo = ["BIH"] });

        Assert.Equal([MarkingFields.NotReleasableToWriter], result.Failure!.Fields!["releasableTo"]);
        db.ChangeTracker.Clear();
        var stored = await db.Achievements.AsNoTracking().SingleAsync(a => a.Id == created.Value.Id);
        Assert.Equal(("Mine", ",FRA,", 1), (stored.Title, stored.ReleasableTo, stored.Revision));
    }

    [Fact]
    public async Task LoadExample_EverySourceAndRecord_IsPublic()
    {
        await using var db = Database.CreateContext();

        Assert.True(await db.Sources.AnyAsync());
        Assert.False(await db.Sources.AnyAsync(r => r.Classification != Classification.Public));
        Assert.False(await db.Areas.AnyAsync(r => r.Classification != Classification.Public));
        Assert.False(await db.Achievements.AnyAsync(r => r.Classification != Classification.Public));
        Assert.False(await db.Challenges.AnyAsync(r => r.Classification != Classification.Public));
        Assert.False(await db.Initiatives.AnyAsync(r => r.Classification != Classification.Public));
        Assert.False(await db.Recommendations.AnyAsync(r => r.Classification != Classification.Public));
        Assert.False(await db.Milestones.AnyAsync(r => r.Classification != Classification.Public));
        Assert.False(await db.Indicators.AnyAsync(r => r.Classification != Classification.Public));
    }

    [Fact]
    public async Task Ingest_MarkedSource_NewRecordsTakeItsMarkingAndMatchesKeepTheirs()
    {
        await using var db = Database.CreateContext();
        var text = "Initiative\nFocus Area\nStatus\nPenguin Programme\nLogistics\nOngoing\nCybersecurity Initiative\nDigital Threat Protection\nLaunched 2023\n";
        var result = await Handlers.Ingest(db).HandleAsync(new IngestRequest("notes.txt", Encoding.UTF8.GetBytes(text), null, IngestMode.Store,
            new RecordMarking(Classification.NatoConfidential, ",NATO,")));

        Assert.True(result.Succeeded, result.Failure?.Message);
        var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Id == result.Value!.Stored!.SourceId);
        Assert.Equal((Classification.NatoConfidential, ",NATO,"), (source.Classification, source.ReleasableTo));
        var created = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Name == "Penguin Programme");
        Assert.Equal((Classification.NatoConfidential, ",NATO,"), (created.Classification, created.ReleasableTo));
        var matched = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Name == "Cybersecurity Initiative");
        Assert.Equal((Classification.Public, ""), (matched.Classification, matched.ReleasableTo));
        Assert.True(await db.Evidence.AnyAsync(e => e.RecordType == RecordType.Initiative && e.RecordId == matched.Id && e.SourceId == source.Id));
    }

    [Fact]
    public async Task Ingest_HiddenExistingRecord_IsMatchedNotDuplicatedAndNotChanged()
    {
        int hiddenId;
        await using (var db = Database.CreateContext())
        {
            var initiative = new Initiative { ProgrammeId = (await db.Programmes.SingleAsync()).Id, Name = "Otter Programme", Classification = Classification.NatoSecret, StatusLabel = "Secret status" };
            db.Add(initiative);
            await db.SaveChangesAsync();
            hiddenId = initiative.Id;
        }

        var text = "Initiative\nFocus Area\nStatus\nOtter Programme\nCybersecurity\nLaunched 2024\nSea Lion Programme\nCybersecurity\nOngoing\n";
        await using (var writer = Database.CreateContext(RecordAccess.Reader(Classification.NatoRestricted, "FRA", null)))
        {
            var result = await Handlers.Ingest(writer).HandleAsync(new IngestRequest("otter.txt", Encoding.UTF8.GetBytes(text), null, IngestMode.Store, new RecordMarking(Classification.NatoRestricted, "")));
            Assert.True(result.Succeeded, result.Failure?.Message);
        }

        await using var all = Database.CreateContext();
        var otters = await all.Initiatives.AsNoTracking().Where(i => i.Name == "Otter Programme").ToListAsync();
        var otter = Assert.Single(otters);
        Assert.Equal((hiddenId, Classification.NatoSecret, "Secret status"), (otter.Id, otter.Classification, otter.StatusLabel));
        var seaLion = await all.Initiatives.AsNoTracking().SingleAsync(i => i.Name == "Sea Lion Programme");
        Assert.Equal(Classification.NatoRestricted, seaLion.Classification);
    }

    [Fact]
    public async Task Ingest_MarkingAboveTheWritersClearance_IsRefused()
    {
        await using var db = Database.CreateContext(RecordAccess.Reader(Classification.NatoUnclassified, "BIH", null));
        var result = await Handlers.Ingest(db).HandleAsync(new IngestRequest("x.txt", Encoding.UTF8.GetBytes("Some text.\n"), null, IngestMode.Store, new RecordMarking(Classification.NatoSecret, "")));

        Assert.Equal([MarkingFields.AboveClearance], result.Failure!.Fields!["classification"]);
    }

    [Fact]
    public async Task Drafts_MarkedAboveTheReader_AreNotListedAndNotFound()
    {
        int draftId;
        await using (var db = Database.CreateContext())
        {
            var staged = await Handlers.Ingest(db).HandleAsync(new IngestRequest("secret-draft.txt", Encoding.UTF8.GetBytes("Secret notes.\n"), null, IngestMode.Stage, new RecordMarking(Classification.NatoSecret, "")));
            draftId = staged.Value!.Draft!.DraftId;
            Assert.Contains(await new ListIngestDrafts(db).HandleAsync(), d => d.Id == draftId);
            var stored = await db.IngestDrafts.AsNoTracking().SingleAsync(d => d.Id == draftId);
            Assert.Equal(Classification.NatoSecret, stored.Classification);
        }

        await using var reader = Database.CreateContext(RecordAccess.Reader(Classification.NatoRestricted, "BIH", null));
        Assert.DoesNotContain(await new ListIngestDrafts(reader).HandleAsync(), d => d.Id == draftId);
        Assert.Equal(FailureKind.NotFound, (await Handlers.Ingest(reader).PreviewDraftAsync(draftId)).Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, (await Handlers.Ingest(reader).AcceptDraftAsync(draftId)).Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, (await Handlers.Ingest(reader).DiscardDraftAsync(draftId)).Failure!.Kind);
    }

    [Fact]
    public void Label_Restricted_ValidatesAgainstTheSchemaWithItsValues()
    {
        var xml = ConfidentialityLabel.Write(Classification.NatoRestricted, ",BIH,NATO,", new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.FromHours(1)));

        var document = XDocument.Parse(xml);
        var errors = new List<string>();
        document.Validate(ConfidentialityLabel.Schema(), (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);

        XNamespace slab = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";
        var root = document.Root!;
        Assert.Equal(slab + "originatorConfidentialityLabel", root.Name);
        var information = root.Element(slab + "ConfidentialityInformation")!;
        Assert.Equal("NATO", information.Element(slab + "PolicyIdentifier")!.Value);
        Assert.Equal("NATO RESTRICTED", information.Element(slab + "Classification")!.Value);
        var category = information.Element(slab + "Category")!;
        Assert.Equal(("Releasable To", "PERMISSIVE"), (category.Attribute("TagName")!.Value, category.Attribute("Type")!.Value));
        Assert.Equal(["BIH", "NATO"], category.Elements(slab + "GenericValue").Select(v => v.Value));
        Assert.Equal("2026-11-30T00:02:03Z", root.Element(slab + "CreationDateTime")!.Value);
    }

    [Fact]
    public void Label_NotRestricted_HasNoCategoryAndStillValidates()
    {
        var document = XDocument.Parse(ConfidentialityLabel.Write(Classification.Public, "", DateTimeOffset.UnixEpoch));
        var errors = new List<string>();
        document.Validate(ConfidentialityLabel.Schema(), (_, e) => errors.Add(e.Message));

        Assert.Empty(errors);
        XNamespace slab = ConfidentialityLabel.Namespace;
        Assert.Equal("PUBLIC", document.Root!.Element(slab + "ConfidentialityInformation")!.Element(slab + "Classification")!.Value);
        Assert.Empty(document.Descendants(slab + "Category"));
    }

    [Fact]
    public void Schema_RefusesALabelWithoutClassification()
    {
        XNamespace slab = ConfidentialityLabel.Namespace;
        var broken = new XDocument(new XElement(slab + "originatorConfidentialityLabel",
            new XElement(slab + "ConfidentialityInformation", new XElement(slab + "PolicyIdentifier", "NATO")),
            new XElement(slab + "CreationDateTime", "2026-11-30T00:00:00Z")));
        var errors = new List<string>();
        broken.Validate(ConfidentialityLabel.Schema(), (_, e) => errors.Add(e.Message));

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task LabelHandler_HiddenRecord_IsNotFound()
    {
        int id;
        await using (var db = Database.CreateContext())
        {
            var area = new Area { ProgrammeId = (await db.Programmes.SingleAsync()).Id, Name = "Secret area", Classification = Classification.NatoSecret };
            db.Add(area);
            await db.SaveChangesAsync();
            id = area.Id;
        }

        await using var reader = Database.CreateContext(RecordAccess.Reader(Classification.NatoConfidential, "BIH", null));
        var result = await new ConfidentialityLabel(reader, Database.Time).HandleAsync(RecordType.Area, id);

        Assert.Equal(FailureKind.NotFound, result.Failure!.Kind);
    }

    private static async Task<(Classification, string)> MarkingAsync(PartnershipTracker.Core.Data.PtrackDbContext db, int id)
    {
        var a = await db.Achievements.AsNoTracking().SingleAsync(x => x.Id == id);
        return (a.Classification, a.ReleasableTo);
    }
}
