using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web.Records;

/// <summary>Create, edit, delete and undo through the pages for every type; messages next to fields; the conflict view.</summary>
public sealed class EditPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Valid values for a new record of each section; the first is the record's name field.</summary>
    private static (string Name, string Value)[] NewValues(string section, int areaId) => section switch
    {
        "areas" => [("name", "Maritime Security"), ("chapter", "Security"), ("description", "Coastal and riverine patrols")],
        "achievements" => [("title", "First joint exercise hosted"), ("areaId", Id(areaId)), ("date", "2024-05")],
        "challenges" => [("title", "Shortage of trained cyber staff"), ("areaId", Id(areaId)), ("severity", "High"), ("status", "Open"), ("impact", "Slows incident response")],
        "initiatives" => [("name", "Border Surveillance Upgrade"), ("areaId", Id(areaId)), ("status", "Ongoing"), ("start", "2024"), ("leadInstitution", "Border Police")],
        "milestones" => [("title", "Radar network commissioned"), ("status", "Due"), ("date", "2025-06")],
        "recommendations" => [("strategicAction", "Adopt a national cyber strategy"), ("areaId", Id(areaId)), ("status", "Issued"), ("cycle", "2025")],
        "indicators" => [("name", "Trained cyber specialists"), ("unit", "people"), ("direction", "HigherIsBetter")],
        "sources" => [("title", "Annual progress review 2025"), ("url", "https://example.org/review-2025"), ("kind", "Media"), ("reliability", "B"), ("credibility", "2")],
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    [Theory]
    [MemberData(nameof(RecordSamples.Sections), MemberType = typeof(RecordSamples))]
    public async Task CreateEditDeleteUndo_EveryType_ThroughThePages(string section)
    {
        int areaId;
        await using (var db = app.Database.CreateContext())
        {
            areaId = await db.Areas.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        }

        var values = NewValues(section, areaId);
        var list = await app.GetPageAsync($"/{section}");
        var noun = section[..^1];
        Assert.Equal($"/{section}/new", list.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == $"New {noun}").GetAttribute("href"));

        // Create: 302 to the new record's page, which shows the name.
        int id;
        using (var created = await app.PostFormAsync($"/{section}/new", $"/{section}/new", values))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var location = created.Headers.Location!.OriginalString;
            Assert.StartsWith($"/{section}/", location, StringComparison.Ordinal);
            id = int.Parse(location[(section.Length + 2)..], CultureInfo.InvariantCulture);
        }

        var detail = await app.GetPageAsync($"/{section}/{id}");
        Assert.Equal(values[0].Value, detail.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("created", detail.QuerySelector("section.history .change .action")!.TextContent);
        Assert.Equal(WebAppFixture.AdminName, detail.QuerySelector("section.history .change .actor")!.TextContent);

        // Edit: the form shows the stored values at revision 1; saving a new name goes back to the detail page.
        var form = await app.GetPageAsync($"/{section}/{id}/edit");
        Assert.Equal("1", form.QuerySelector("form input[name=revision]")!.GetAttribute("value"));
        foreach (var (name, value) in values)
        {
            Assert.Equal(value, FieldValue(form, name));
            Assert.NotNull(form.QuerySelector($"label[for=field-{name}]"));
        }

        Assert.Equal("Save", form.QuerySelector("form.record-form button[type=submit]")!.TextContent.Trim());
        var renamed = values.Select((v, i) => i == 0 ? (v.Name, v.Value + " (revised)") : v).Append(("revision", "1")).ToArray();
        using (var saved = await app.PostFormAsync($"/{section}/{id}/edit", $"/{section}/{id}/edit", renamed))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"/{section}/{id}", saved.Headers.Location!.OriginalString);
        }

        detail = await app.GetPageAsync($"/{section}/{id}");
        Assert.Equal(values[0].Value + " (revised)", detail.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Revision 2", detail.QuerySelector(".record-actions .revision")!.TextContent.Trim());
        var label = form.QuerySelector($"label[for=field-{values[0].Name}]")!.TextContent.Replace("*", "", StringComparison.Ordinal).Trim();
        Assert.Equal([$"{label}: {values[0].Value} → {values[0].Value} (revised)"], detail.QuerySelectorAll("section.history .change")[0].QuerySelectorAll(".change-fields li").Select(li => li.TextContent.Trim()));

        // Delete, then undo from the list's notice.
        using (var deleted = await app.PostFormAsync($"/{section}/{id}/delete", $"/{section}/{id}/delete", ("revision", "2")))
        {
            Assert.Equal($"/{section}?deleted={id}", deleted.Headers.Location!.OriginalString);
        }

        using (var restored = await app.PostFormAsync($"/{section}/{id}/restore", $"/{section}?deleted={id}", ("revision", "3")))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal((false, 4), await RecordSamples.StateAsync(db, RecordSamples.TypeOf(section), id));
        }
    }

    [Fact]
    public async Task NewInitiative_InvalidFields_Is422WithMessagesNextToFieldsAndStoresNothing()
    {
        int before;
        await using (var db = app.Database.CreateContext())
        {
            before = await db.Initiatives.CountAsync();
        }

        using var response = await app.PostFormAsync("/initiatives/new", "/initiatives/new", ("name", "  "), ("status", "Paused"), ("start", "2023-13"), ("leadInstitution", "Ministry of Defence"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        AssertFieldError(page, "name", "name is required");
        AssertFieldError(page, "status", "status must be one of Planned, Launched, Ongoing, Completed, Stalled, Cancelled (not 'Paused')");
        AssertFieldError(page, "start", "start must be a date as yyyy, yyyy-MM or yyyy-MM-dd (not '2023-13')");
        Assert.Null(page.QuerySelector("#field-leadInstitution")!.GetAttribute("aria-invalid"));
        Assert.Equal("Ministry of Defence", FieldValue(page, "leadInstitution"));
        Assert.Equal(3, page.QuerySelectorAll("#form-errors li").Length);
        Assert.Equal("#field-name", page.QuerySelector("#form-errors li a")!.GetAttribute("href"));
        await using var check = app.Database.CreateContext();
        Assert.Equal(before, await check.Initiatives.CountAsync());
    }

    [Fact]
    public async Task EditSource_CredibilityNotANumber_Is422NextToTheField()
    {
        Sample source;
        await using (var db = app.Database.CreateContext())
        {
            source = await RecordSamples.LastAsync(db, "sources");
        }

        using var response = await app.PostFormAsync($"/sources/{source.Id}/edit", $"/sources/{source.Id}/edit",
            ("title", source.Title), ("credibility", "two"), ("reliability", "Z"), ("revision", Id(source.Revision)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        AssertFieldError(page, "credibility", "credibility must be a whole number (not 'two')");
        await using var check = app.Database.CreateContext();
        Assert.Equal((false, source.Revision), await RecordSamples.StateAsync(check, RecordType.Source, source.Id));
    }

    [Fact]
    public async Task EditInitiative_TwoEditsFromOneRevision_SecondGets409WithBothVersionsThenKeepMineSaves()
    {
        Sample record;
        await using (var db = app.Database.CreateContext())
        {
            record = await RecordSamples.LastAsync(db, "initiatives", skip: 1);
        }

        var form = await app.GetPageAsync($"/initiatives/{record.Id}/edit");
        var revision = form.QuerySelector("input[name=revision]")!.GetAttribute("value")!;
        Assert.Equal(Id(record.Revision), revision);
        var fields = form.QuerySelectorAll("form.record-form [name]").Where(e => e.GetAttribute("name") is not ("__RequestVerificationToken" or "revision"))
            .Select(e => (Name: e.GetAttribute("name")!, Value: FieldValue(form, e.GetAttribute("name")!))).ToList();
        (string, string)[] With(string status) => fields.Select(f => f.Name == "status" ? (f.Name, status) : f).Append(("revision", revision)).ToArray();

        using (var first = await app.PostFormAsync($"/initiatives/{record.Id}/edit", $"/initiatives/{record.Id}/edit", With("Stalled")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await app.PostFormAsync($"/initiatives/{record.Id}/edit", $"/initiatives/{record.Id}/edit", With("Completed"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = Parser.ParseDocument(await second.Content.ReadAsStringAsync());
        var view = page.QuerySelector(".conflict-view")!;
        var status = view.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.StartsWith("Status", StringComparison.Ordinal));
        Assert.Equal(("Completed", "Stalled"), (status.QuerySelector(".mine")!.TextContent, status.QuerySelector(".theirs")!.TextContent));
        Assert.Contains("changed", status.ClassName, StringComparison.Ordinal);
        Assert.Single(view.QuerySelectorAll("tbody tr.changed"));
        Assert.Contains($"You edited revision {revision}; the stored initiative is now at revision {record.Revision + 1}.", view.TextContent, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            var stored = await db.Initiatives.SingleAsync(i => i.Id == record.Id);
            Assert.Equal((InitiativeStatus.Stalled, record.Revision + 1), (stored.Status, stored.Revision));
        }

        // "Keep mine" posts my values again at the stored revision; "Take theirs" opens the edit form.
        var keep = view.QuerySelector("form.keep-mine")!;
        Assert.Equal("Keep mine", keep.QuerySelector("button")!.TextContent.Trim());
        Assert.Equal("Take theirs", view.QuerySelector("form.take-theirs button")!.TextContent.Trim());
        Assert.Equal($"/initiatives/{record.Id}/edit", view.QuerySelector("form.take-theirs")!.GetAttribute("action"));
        var hidden = keep.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToArray();
        using (var kept = await app.PostFormAsync(keep.GetAttribute("action")!, $"/initiatives/{record.Id}/edit", hidden))
        {
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        }

        await using (var db = app.Database.CreateContext())
        {
            var stored = await db.Initiatives.SingleAsync(i => i.Id == record.Id);
            Assert.Equal((InitiativeStatus.Completed, record.Revision + 2), (stored.Status, stored.Revision));
        }

        var detail = await app.GetPageAsync($"/initiatives/{record.Id}");
        var history = detail.QuerySelectorAll("section.history .change").Take(2).Select(c => c.QuerySelector(".change-fields li")!.TextContent.Trim()).ToList();
        Assert.Equal(["Status: Stalled → Completed", $"Status: {fields.Single(f => f.Name == "status").Value} → Stalled"], history);
    }

    private static void AssertFieldError(IHtmlDocument page, string field, string message)
    {
        var input = page.GetElementById($"field-{field}")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains($"field-{field}-error", input.GetAttribute("aria-describedby")!.Split(' '));
        var error = page.GetElementById($"field-{field}-error")!;
        Assert.Equal(message, error.TextContent.Trim());
        Assert.Same(input.ParentElement, error.ParentElement);
    }

    private static string FieldValue(IHtmlDocument page, string name)
    {
        var element = page.GetElementById($"field-{name}")!;
        return element switch
        {
            IHtmlSelectElement select => select.QuerySelector("option[selected]")?.GetAttribute("value") ?? "",
            IHtmlTextAreaElement area => area.Value,
            _ => element.GetAttribute("value") ?? "",
        };
    }

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
