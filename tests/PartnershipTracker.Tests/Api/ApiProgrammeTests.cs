using System.Net;
using PartnershipTracker.Domain;
using PartnershipTracker.Tests.Web;

namespace PartnershipTracker.Tests.Api;

/// <summary>With more than one programme, lists and creates name theirs (?programme=SLUG), and records stay in it.</summary>
public sealed class ApiProgrammeTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task TwoProgrammes_CreateNeedsProgrammeAndListsStaySeparate()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetJsonAsync("/api/v1/programmes")).Status);
        int areaOfOther;
        await using (var db = app.Database.CreateContext())
        {
            var other = new Programme { Slug = "nato-mne", Name = "NATO – Montenegro", Alliance = "NATO", PartnerIso3 = "MNE" };
            db.Programmes.Add(other);
            await db.SaveChangesAsync();
            var area = new Area { ProgrammeId = other.Id, Name = "Defence Planning" };
            db.Areas.Add(area);
            await db.SaveChangesAsync();
            areaOfOther = area.Id;
        }

        var unnamed = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", """{"name":"Where do I go?"}""");
        var wrongArea = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives?programme=nato-bih", $$"""{"name":"Crossed","areaId":{{areaOfOther}}}""");
        var created = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives?programme=nato-mne", $$"""{"name":"Montenegrin reform","areaId":{{areaOfOther}}}""");
        var mne = await app.Client.GetJsonAsync("/api/v1/initiatives?programme=nato-mne");
        var bih = await app.Client.GetJsonAsync("/api/v1/initiatives?programme=nato-bih");

        Assert.Equal(HttpStatusCode.BadRequest, unnamed.Status);
        Assert.Equal(["there are 2 programmes; name one (--programme on the command line, ?programme= on the web and API): nato-bih, nato-mne"], unnamed.Errors("programme"));
        Assert.Equal([$"areaId: area {areaOfOther} does not exist in this programme"], wrongArea.Errors("areaId"));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(["Montenegrin reform"], mne.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.DoesNotContain("Montenegrin reform", bih.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }
}
