using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web.Records;

/// <summary>The History section of every detail page: changes newest first, who, what, and each field's before and after.</summary>
public sealed class HistoryPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [MemberData(nameof(RecordSamples.Sections), MemberType = typeof(RecordSamples))]
    public async Task DetailPage_EveryType_ShowsHistoryAsStoredAndTheRevision(string section)
    {
        var type = RecordSamples.TypeOf(section);
        Sample record;
        List<ChangeRecord> stored;
        await using (var db = app.Database.CreateContext())
        {
            record = await RecordSamples.LastAsync(db, section);
            stored = await db.ChangeRecords.Where(c => c.RecordType == type && c.RecordId == record.Id).OrderByDescending(c => c.Id).ToListAsync();
        }

        var page = await app.GetPageAsync($"/{section}/{record.Id}");

        Assert.Equal("History", page.GetElementById("history")!.TextContent);
        Assert.Equal("H2", page.GetElementById("history")!.TagName);
        var changes = page.QuerySelectorAll("section.history .change");
        Assert.NotEmpty(stored);
        Assert.Equal(stored.Select(c => (c.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Actor, c.Action.ToString().ToLowerInvariant())),
            changes.Select(c => (c.GetAttribute("data-revision")!, c.QuerySelector(".actor")!.TextContent, c.QuerySelector(".action")!.TextContent)));
        Assert.Equal($"Revision {record.Revision}", page.QuerySelector(".record-actions .revision")!.TextContent.Trim());
        Assert.Equal($"/{section}/{record.Id}/edit", page.QuerySelectorAll(".record-actions a").Single(a => a.TextContent == "Edit").GetAttribute("href"));
    }

    [Fact]
    public async Task InitiativeDetail_StatusAndAreaChanged_ShowsBeforeAndAfterNewestFirst()
    {
        int id;
        string oldStatus;
        string oldArea;
        string newArea;
        await using (var db = app.Database.CreateContext("cli"))
        {
            var initiative = await db.Initiatives.Include(i => i.Area).Where(i => i.Status != InitiativeStatus.Stalled && i.AreaId != null).OrderBy(i => i.Id).FirstAsync();
            var otherArea = await db.Areas.Where(a => a.Id != initiative.AreaId).OrderBy(a => a.Id).FirstAsync();
            (id, oldStatus, oldArea, newArea) = (initiative.Id, initiative.Status?.ToString() ?? "—", initiative.Area!.Name, otherArea.Name);
            initiative.Status = InitiativeStatus.Stalled;
            await db.SaveChangesAsync();
            app.Database.Time.Advance(TimeSpan.FromMinutes(5));
            initiative.AreaId = otherArea.Id;
            initiative.LeadInstitution = "Ministry of Defence of BiH";
            await db.SaveChangesAsync();
        }

        var page = await app.GetPageAsync($"/initiatives/{id}");

        var changes = page.QuerySelectorAll("section.history .change");
        var latest = changes[0];
        Assert.Equal("cli", latest.QuerySelector(".actor")!.TextContent);
        Assert.Equal("updated", latest.QuerySelector(".action")!.TextContent);
        Assert.Equal("2026-11-29 12:05 UTC", latest.QuerySelector("time")!.TextContent);
        Assert.Equal("2026-11-29T12:05:00.0000000+00:00", latest.QuerySelector("time")!.GetAttribute("datetime"));
        var fields = latest.QuerySelectorAll(".change-fields li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains($"Area: {oldArea} → {newArea}", fields);
        Assert.Contains(fields, f => f.StartsWith("Lead institution: ", StringComparison.Ordinal) && f.EndsWith("→ Ministry of Defence of BiH", StringComparison.Ordinal));
        Assert.Equal([$"Status: {oldStatus} → Stalled"], changes[1].QuerySelectorAll(".change-fields li").Select(li => li.TextContent.Trim()));
        Assert.Equal("2026-11-29 12:00 UTC", changes[1].QuerySelector("time")!.TextContent);
    }
}
