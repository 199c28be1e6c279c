using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web.Authentication;

/// <summary>API tokens made on /account/tokens: shown once, work as Bearer, stop when revoked (issue 5).</summary>
public sealed class ApiTokenTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task TokensPage_CreateThenRevoke_TokenWorksAsBearerUntilRevoked()
    {
        await app.CreateUserAsync("tina", Role.Viewer);
        using var browser = await app.SignedInClientAsync("tina");

        var created = await PostAsync(browser, "Create", [new("name", "nightly export")]);
        var token = created.QuerySelector("input#new-token")!.GetAttribute("value")!;
        using var api = app.AnonymousClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var before = await api.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));

        Assert.Matches("^ptk_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            var stored = await db.ApiTokens.SingleAsync(t => t.User!.Name == "tina");
            Assert.Equal((SecretTokens.Hash(token), token[..12], "nightly export"), (stored.TokenHash, stored.Prefix, stored.Name));
            Assert.NotNull(stored.LastUsedAt);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Actor == "tina" && a.Event == "token.used"));
        }

        var listed = await Parser.ParseDocumentAsync(await browser.GetStringAsync(new Uri("/account/tokens", UriKind.Relative)));
        Assert.Null(listed.QuerySelector("input#new-token"));
        Assert.DoesNotContain(token, listed.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var id = await IdOfAsync("tina");

        var revoked = await PostAsync(browser, "Revoke&id=" + id, []);
        using var after = await api.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));

        Assert.Contains("is revoked", revoked.QuerySelector("main [role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Bearer_UnknownToken_401()
    {
        using var api = app.AnonymousClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ptk_" + new string('A', 43));

        using var response = await api.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokensPage_RevokingSomeoneElsesToken_404AndItKeepsWorking()
    {
        await app.CreateUserAsync("owner", Role.Viewer);
        await app.CreateUserAsync("other", Role.Viewer);
        using var ownerApi = await app.ApiClientAsync("owner");
        var id = await IdOfAsync("owner");
        using var other = await app.SignedInClientAsync("other");
        var tokens = await Parser.ParseDocumentAsync(await other.GetStringAsync(new Uri("/account/tokens", UriKind.Relative)));
        var antiforgery = tokens.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var revoke = await other.PostAsync(
            new Uri("/account/tokens?handler=Revoke&id=" + id, UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));
        using var still = await ownerApi.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (revoke.StatusCode, still.StatusCode));
    }

    private async Task<int> IdOfAsync(string userName)
    {
        await using var db = app.Database.CreateContext();
        return await db.ApiTokens.Where(t => t.User!.Name == userName).Select(t => t.Id).SingleAsync();
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostAsync(HttpClient browser, string handler, KeyValuePair<string, string>[] fields)
    {
        var page = await Parser.ParseDocumentAsync(await browser.GetStringAsync(new Uri("/account/tokens", UriKind.Relative)));
        var antiforgery = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await browser.PostAsync(
            new Uri("/account/tokens?handler=" + handler, UriKind.Relative), new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", antiforgery)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
