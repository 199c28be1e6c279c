using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;
using PartnershipTracker.Tests.Api;

namespace PartnershipTracker.Tests.Web;

/// <summary>
/// A visible record linked to a record the reader may not see (a NATO SECRET area or initiative, read by the NATO
/// RESTRICTED reader of <see cref="RestrictedWebAppFixture"/>) shows no link: not the hidden record's name, not its
/// id, in API JSON, pages, history and reports (a hidden record leaves no trace; docs/adr/0016-markings.md).
/// </summary>
public sealed class HiddenLinkWebTests(RestrictedWebAppFixture app) : IClassFixture<RestrictedWebAppFixture>
{
    private const string SecretAreaName = "Quetzal secret area";

    [Fact]
    public async Task Api_AchievementInSecretArea_AreaIdNull_InDetailListAndFilter()
    {
        var (areaId, achievementId, _) = await SecretLinksAsync();

        var detail = await app.Client.GetJsonAsync($"/api/v1/achievements/{achievementId}");
        var list = await app.Client.GetJsonAsync("/api/v1/achievements?limit=200");
        var filtered = await app.Client.GetJsonAsync($"/api/v1/achievements?area={areaId}");

        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Equal(JsonValueKind.Null, AreaIdOf(detail.Body));
        Assert.Equal(JsonValueKind.Null, detail.Body.GetProperty("area").ValueKind);
        Assert.DoesNotContain(SecretAreaName, detail.Text, StringComparison.Ordinal);
        var item = list.Body.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == achievementId);
        Assert.Equal(JsonValueKind.Null, AreaIdOf(item));
        Assert.Equal(0, filtered.Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Api_ChallengeInitiativeRecommendationIndicatorMilestone_HiddenLinksNull()
    {
        var (_, _, links) = await SecretLinksAsync();

        foreach (var (path, field) in links)
        {
            var read = await app.Client.GetJsonAsync(path);
            Assert.Equal(HttpStatusCode.OK, read.Status);
            Assert.True(read.Body.TryGetProperty(field, out var value), $"{path} has no {field}");
            Assert.True(value.ValueKind == JsonValueKind.Null, $"{path}: {field} is {value.GetRawText()}");
        }
    }

    [Fact]
    public async Task Api_History_HiddenAreaIdReadsNull()
    {
        var (_, achievementId, _) = await SecretLinksAsync();

        var history = await app.Client.GetJsonAsync($"/api/v1/achievements/{achievementId}/history");

        Assert.Equal(HttpStatusCode.OK, history.Status);
        var created = history.Body.GetProperty("items").EnumerateArray().Single();
        var area = created.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "areaId");
        Assert.Equal(JsonValueKind.Null, area.GetProperty("after").ValueKind);
    }

    [Fact]
    public async Task Pages_AchievementInSecretArea_NoAreaLinkNoName()
    {
        var (areaId, achievementId, _) = await SecretLinksAsync();
        var link = $"/areas/{areaId.ToString(CultureInfo.InvariantCulture)}\"";

        var detail = await app.Client.GetStringAsync(new Uri($"/achievements/{achievementId}", UriKind.Relative));
        var list = await app.Client.GetStringAsync(new Uri("/achievements", UriKind.Relative));

        Assert.Contains("Quetzal achievement in a secret area", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(link, detail, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{areaId.ToString(CultureInfo.InvariantCulture)}", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretAreaName, detail, StringComparison.Ordinal);
        Assert.Contains("Quetzal achievement in a secret area", list, StringComparison.Ordinal);
        Assert.DoesNotContain(link, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_AchievementInSecretArea_ShownWithoutTheArea()
    {
        await SecretLinksAsync();

        var report = await app.Client.GetStringAsync(new Uri("/report?format=md", UriKind.Relative));

        Assert.DoesNotContain(SecretAreaName, report, StringComparison.Ordinal);
        Assert.DoesNotContain("Quetzal secret milestone initiative", report, StringComparison.Ordinal);
        // Listed in the progress areas table under no area (the row whose area cell is the em dash).
        var row = report.Split('\n').First(line => line.Contains("Quetzal achievement in a secret area", StringComparison.Ordinal));
        Assert.StartsWith("| — |", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithoutArea_ByReaderWhoCannotSeeIt_KeepsTheHiddenArea()
    {
        var (areaId, achievementId, _) = await SecretLinksAsync();
        var read = await app.Client.GetJsonAsync($"/api/v1/achievements/{achievementId}");

        var put = await app.Client.SendAsync(HttpMethod.Put, $"/api/v1/achievements/{achievementId}", """{"title":"Quetzal achievement in a secret area, edited"}""", ifMatch: read.ETag);

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal(JsonValueKind.Null, AreaIdOf(put.Body));
        await using var db = app.Database.CreateContext();
        Assert.Equal(areaId, await db.Achievements.Where(a => a.Id == achievementId).Select(a => a.AreaId).SingleAsync());
    }

    private static JsonValueKind AreaIdOf(JsonElement record) =>
        record.TryGetProperty("areaId", out var value) ? value.ValueKind : JsonValueKind.Null;

    /// <summary>
    /// A SECRET area with a PUBLIC achievement, challenge, initiative, recommendation and indicator in it, and a PUBLIC
    /// milestone of a SECRET initiative, written straight to the database (the reader could not create them). Returns
    /// the area, the achievement, and for each of the others its API path and the link field that must read null.
    /// </summary>
    private async Task<(int AreaId, int AchievementId, List<(string Path, string Field)> Links)> SecretLinksAsync()
    {
        await using var db = app.Database.CreateContext();
        var programme = await db.Programmes.SingleAsync();
        var area = new Area { ProgrammeId = programme.Id, Name = $"{SecretAreaName} {Guid.NewGuid():N}", Classification = Classification.NatoSecret };
        var secretInitiative = new Initiative { ProgrammeId = programme.Id, Name = "Quetzal secret milestone initiative", Classification = Classification.NatoSecret };
        db.AddRange(area, secretInitiative);
        await db.SaveChangesAsync();
        var achievement = new Achievement { ProgrammeId = programme.Id, AreaId = area.Id, Title = "Quetzal achievement in a secret area", Classification = Classification.Public };
        var challenge = new Challenge { ProgrammeId = programme.Id, AreaId = area.Id, Title = "Quetzal challenge in a secret area", Classification = Classification.Public };
        var initiative = new Initiative { ProgrammeId = programme.Id, AreaId = area.Id, Name = "Quetzal initiative in a secret area", Classification = Classification.Public };
        var recommendation = new Recommendation { ProgrammeId = programme.Id, AreaId = area.Id, StrategicAction = "Quetzal recommendation in a secret area", Classification = Classification.Public };
        var indicator = new Indicator { ProgrammeId = programme.Id, AreaId = area.Id, Name = "Quetzal indicator in a secret area", Unit = "count", Classification = Classification.Public };
        var milestone = new Milestone { ProgrammeId = programme.Id, InitiativeId = secretInitiative.Id, Title = "Quetzal milestone of a secret initiative", Classification = Classification.Public };
        db.AddRange(achievement, challenge, initiative, recommendation, indicator, milestone);
        await db.SaveChangesAsync();
        return (area.Id, achievement.Id,
        [
            ($"/api/v1/challenges/{challenge.Id}", "areaId"),
            ($"/api/v1/initiatives/{initiative.Id}", "areaId"),
            ($"/api/v1/recommendations/{recommendation.Id}", "areaId"),
            ($"/api/v1/indicators/{indicator.Id}", "areaId"),
            ($"/api/v1/milestones/{milestone.Id}", "initiativeId"),
        ]);
    }
}
