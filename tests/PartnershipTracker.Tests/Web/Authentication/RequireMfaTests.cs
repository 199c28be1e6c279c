using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web.Authentication;

/// <summary>The application with <c>Security:RequireMfa</c> on.</summary>
public sealed class RequireMfaFixture() : WebAppFixture(security => security.RequireMfa = true);

/// <summary><c>Security:RequireMfa</c> (ADR 0020): a signed-in user without an authenticator app must set one up first.</summary>
public sealed class RequireMfaTests(RequireMfaFixture app) : IClassFixture<RequireMfaFixture>
{
    [Fact]
    public async Task RequireMfa_UserWithoutApp_SentToEnrolmentUntilSetUp()
    {
        await app.CreateUserAsync("must-enrol", Role.Contributor);
        using var client = await app.SignedInClientAsync("must-enrol");
        using var api = await app.ApiClientAsync("must-enrol");

        using var areas = await client.GetAsync(new Uri("/areas", UriKind.Relative));
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var enrolPage = await client.GetAsync(new Uri("/account/mfa", UriKind.Relative));
        using var css = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        using var apiRead = await api.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));
        var problem = await apiRead.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((HttpStatusCode.Redirect, "/account/mfa"), (areas.StatusCode, areas.Headers.Location!.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/account/mfa"), (home.StatusCode, home.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.OK, enrolPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, apiRead.StatusCode);
        Assert.Contains("/account/mfa", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await TwoFactorSignInTests.EnrolAsync(client, secret => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime));

        using var after = await client.GetAsync(new Uri("/areas", UriKind.Relative));
        using var apiAfter = await api.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (after.StatusCode, apiAfter.StatusCode));
    }
}
