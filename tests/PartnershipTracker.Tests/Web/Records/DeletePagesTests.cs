using System.Net;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web.Records;

/// <summary>Delete asks first, undo restores, deleted records can be found and restored: for every record type, through the pages.</summary>
public sealed class DeletePagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [MemberData(nameof(RecordSamples.Sections), MemberType = typeof(RecordSamples))]
    public async Task DeleteThenUndo_EveryType_HidesTheRecordThenRestoresIt(string section)
    {
        var type = RecordSamples.TypeOf(section);
        Sample record;
        await using (var db = app.Database.CreateContext())
        {
            record = await RecordSamples.LastAsync(db, section);
        }

        // The detail page links to the confirmation page, which names the record and carries its revision.
        var detail = await app.GetPageAsync($"/{section}/{record.Id}");
        Assert.Equal($"/{section}/{record.Id}/delete", detail.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Delete").GetAttribute("href"));
        var confirm = await app.GetPageAsync($"/{section}/{record.Id}/delete");
        Assert.Contains(record.Title, confirm.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(record.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), confirm.QuerySelector("main form input[name=revision]")!.GetAttribute("value"));
        Assert.Equal("Delete", confirm.QuerySelector("main form button[type=submit]")!.TextContent.Trim());

        // Confirmed: stored as deleted, one revision on, and the browser goes to the list.
        using (var deleted = await app.PostFormAsync($"/{section}/{record.Id}/delete", $"/{section}/{record.Id}/delete", ("revision", record.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            Assert.Equal($"/{section}?deleted={record.Id}", deleted.Headers.Location!.OriginalString);
        }

        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal((true, record.Revision + 1), await RecordSamples.StateAsync(db, type, record.Id));
        }

        await app.GetPageAsync($"/{section}/{record.Id}", expectedStatus: 404);
        var list = await app.GetPageAsync($"/{section}?deleted={record.Id}");
        var notice = list.QuerySelector(".notice")!;
        var noun = section[..^1];
        Assert.Equal($"{char.ToUpperInvariant(noun[0])}{noun[1..]} “{record.Title}” deleted.", notice.QuerySelector("p")!.TextContent.Trim());
        Assert.DoesNotContain(list.QuerySelectorAll("main tbody th[scope=row] a"), a => a.GetAttribute("href") == $"/{section}/{record.Id}");
        var undo = notice.QuerySelector("form")!;
        Assert.Equal("Undo", undo.QuerySelector("button")!.TextContent.Trim());
        Assert.Equal($"/{section}/{record.Id}/restore", undo.GetAttribute("action"));

        // Undo: the notice's form restores at the revision the delete left.
        using (var restored = await app.PostFormAsync(undo.GetAttribute("action")!, $"/{section}?deleted={record.Id}", ("revision", undo.QuerySelector("input[name=revision]")!.GetAttribute("value")!)))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
            Assert.Equal($"/{section}/{record.Id}", restored.Headers.Location!.OriginalString);
        }

        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal((false, record.Revision + 2), await RecordSamples.StateAsync(db, type, record.Id));
        }

        var back = await app.GetPageAsync($"/{section}/{record.Id}");
        Assert.Equal($"{char.ToUpperInvariant(noun[0])}{noun[1..]} restored.", back.QuerySelector(".notice")!.TextContent.Trim());
        var spoofed = await app.GetPageAsync($"/{section}/{record.Id}?restored=1");
        Assert.DoesNotContain(spoofed.QuerySelectorAll(".notice"), n => n.TextContent.Contains("restored", StringComparison.Ordinal));
        Assert.Equal($"Revision {record.Revision + 2}", back.QuerySelector(".record-actions .revision")!.TextContent.Trim());
        var changes = back.QuerySelectorAll("section.history .change").Take(2).Select(c => (Action: c.QuerySelector(".action")!.TextContent, Actor: c.QuerySelector(".actor")!.TextContent)).ToList();
        Assert.Equal([("restored", WebAppFixture.AdminName), ("deleted", WebAppFixture.AdminName)], changes);
        var relisted = await app.GetPageAsync($"/{section}?sort=id&dir=desc");
        Assert.Contains(relisted.QuerySelectorAll("main tbody th[scope=row] a"), a => a.GetAttribute("href") == $"/{section}/{record.Id}");
        Assert.Null(relisted.QuerySelector(".notice"));
    }

    [Fact]
    public async Task Delete_StaleRevision_Is409AndDeletesNothing()
    {
        Sample record;
        await using (var db = app.Database.CreateContext())
        {
            record = await RecordSamples.LastAsync(db, "challenges", skip: 1);
            var challenge = await db.Challenges.SingleAsync(c => c.Id == record.Id);
            challenge.Owner = "Presidency of BiH";
            await db.SaveChangesAsync();
        }

        using var response = await app.PostFormAsync($"/challenges/{record.Id}/delete", $"/challenges/{record.Id}/delete", ("revision", record.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains($"is at revision {record.Revision + 1}, not {record.Revision}", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((record.Revision + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("main form input[name=revision]")!.GetAttribute("value"));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal((false, record.Revision + 1), await RecordSamples.StateAsync(db, RecordType.Challenge, record.Id));
        }
    }

    [Fact]
    public async Task DeletedPage_ListsDeletedRecordAndRestoresIt()
    {
        Sample record;
        await using (var db = app.Database.CreateContext())
        {
            record = await RecordSamples.LastAsync(db, "milestones", skip: 2);
        }

        using (var deleted = await app.PostFormAsync($"/milestones/{record.Id}/delete", $"/milestones/{record.Id}/delete", ("revision", record.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var list = await app.GetPageAsync("/milestones");
        Assert.Equal("/deleted?type=milestone", list.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Deleted milestones").GetAttribute("href"));
        var page = await app.GetPageAsync("/deleted?type=milestone");
        Assert.Equal("Deleted milestones", page.QuerySelector("h1")!.TextContent.Trim());
        var row = Assert.Single(page.QuerySelectorAll("main tbody tr"));
        Assert.Equal(record.Title, row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal((record.Revision + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[2].TextContent.Trim());
        var all = await app.GetPageAsync("/deleted");
        Assert.Contains(all.QuerySelectorAll("main tbody th"), th => th.TextContent.Trim() == record.Title);

        using (var restored = await app.PostFormAsync($"/milestones/{record.Id}/restore", "/deleted?type=milestone", ("revision", (record.Revision + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        var after = await app.GetPageAsync("/deleted?type=milestone");
        Assert.Empty(after.QuerySelectorAll("main tbody tr"));
        Assert.Equal("No milestone is deleted.", after.QuerySelector("main > p:last-of-type")!.TextContent.Trim());
    }

    [Fact]
    public async Task Restore_LiveRecord_SaysSoAndPostIs409()
    {
        Sample record;
        await using (var db = app.Database.CreateContext())
        {
            record = await RecordSamples.LastAsync(db, "areas", skip: 1);
        }

        var page = await app.GetPageAsync($"/areas/{record.Id}/restore");
        Assert.Equal($"Area “{record.Title}” is not deleted", page.QuerySelector("h1")!.TextContent.Trim());

        using var response = await app.PostFormAsync($"/areas/{record.Id}/restore", $"/areas/{record.Id}/delete", ("revision", record.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await using var check = app.Database.CreateContext();
        Assert.Equal((false, record.Revision), await RecordSamples.StateAsync(check, RecordType.Area, record.Id));
    }

    [Theory]
    [InlineData("/initiatives/999999/delete", 404)]
    [InlineData("/initiatives/999999/restore", 404)]
    [InlineData("/programmes/1/delete", 404)]
    [InlineData("/deleted?type=programme", 200)]
    [InlineData("/deleted?type=%3Cscript%3E", 200)]
    [InlineData("/deleted?programme=nope", 404)]
    public async Task BadAddresses_AnswerWithAPageNever500(string path, int status)
    {
        var page = await app.GetPageAsync(path, status);

        Assert.NotNull(page.QuerySelector("h1"));
        if (status == 200)
        {
            Assert.Contains("is not a record type", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeletePost_WithoutRevision_Is400AndDeletesNothing()
    {
        Sample record;
        await using (var db = app.Database.CreateContext())
        {
            record = await RecordSamples.LastAsync(db, "achievements", skip: 1);
        }

        using var response = await app.PostFormAsync($"/achievements/{record.Id}/delete", $"/achievements/{record.Id}/delete", ("revision", "latest"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the form has no revision", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check = app.Database.CreateContext();
        Assert.Equal((false, record.Revision), await RecordSamples.StateAsync(check, RecordType.Achievement, record.Id));
    }
}
