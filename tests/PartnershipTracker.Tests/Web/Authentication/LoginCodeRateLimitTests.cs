using System.Net;
using AngleSharp.Html.Parser;

namespace PartnershipTracker.Tests.Web.Authentication;

/// <summary>The application with a login rate limit of 3 attempts a minute, for POST /login/code.</summary>
public sealed class LoginCodeRateLimitFixture() : WebAppFixture(security => security.LoginRateLimit = 3);

/// <summary>POST /login/code shares the per-address rate limit of POST /login (ADR 0020).</summary>
public sealed class LoginCodeRateLimitTests(LoginCodeRateLimitFixture app) : IClassFixture<LoginCodeRateLimitFixture>
{
    [Fact]
    public async Task LoginCode_SharesTheLoginRateLimit_429WithRetryAfter()
    {
        // The fixture's own sign-in spent one of the 3 attempts of this minute; a wrong password spends the second.
        using var client = app.AnonymousClient();
        using var password = await WebAppFixture.PostLoginAsync(client, "nobody", "wrong");
        using var page = await client.GetAsync(new Uri("/login", UriKind.Relative));
        var token = (await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync()))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var statuses = new List<HttpStatusCode> { password.StatusCode };
        for (var i = 0; i < 2; i++)
        {
            using var form = new FormUrlEncodedContent([new("code", "123456"), new("__RequestVerificationToken", token)]);
            using var code = await client.PostAsync(new Uri("/login/code", UriKind.Relative), form);
            statuses.Add(code.StatusCode);
            if (code.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.InRange(code.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            }
        }

        // Without the half-signed-in cookie the first code attempt goes back to /login; the next is over the limit.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }
}
