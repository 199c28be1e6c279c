using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;
using PartnershipTracker.Tests.Web;

namespace PartnershipTracker.Tests.Security;

/// <summary>
/// The authorization matrix (issue 5). Every endpoint the application maps is taken from its own
/// <see cref="EndpointDataSource"/>, so a new endpoint cannot be left out: one that no rule of <see cref="Rules"/>
/// covers fails the test. Each is called by every kind of principal — anonymous, viewer, contributor, reviewer and
/// admin, all cleared to NATO RESTRICTED with nationality FRA — with the id of a record of each type they may see, one
/// above their clearance (NATO SECRET), one not releasable to them (Releasable To BIH) and one that does not exist.
/// Expected: anonymous → the sign-in page (302) or 401 on the API; a role below the endpoint's → 403 (or, for a record
/// the principal cannot see, the same answer as for a missing one); otherwise a read of a hidden record answers 404
/// exactly as a missing one does, and no body of any answer contains a hidden record's text.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture app) : IClassFixture<MatrixFixture>
{
    [Fact]
    public async Task EveryEndpoint_EveryRole_EveryMarking_AnswersAsExpected()
    {
        var failures = new List<string>();
        var requests = 0;
        var endpoints = app.Endpoints();
        foreach (var endpoint in endpoints)
        {
            var rule = Rules.For(endpoint);
            if (rule is null)
            {
                failures.Add($"no authorization rule covers {endpoint.Method} {endpoint.Pattern}: add one to {nameof(Rules)}");
                continue;
            }

            foreach (var principal in app.Principals)
            {
                foreach (var target in app.TargetsFor(endpoint))
                {
                    requests++;
                    var answer = await MatrixFixture.SendAsync(principal, endpoint.Method, target.Path);
                    var where = $"{principal.Name} {endpoint.Method} {target.Path} ({target.Kind})";
                    failures.AddRange(Check(rule, principal, endpoint, target, answer).Select(problem => $"{where}: {problem}"));
                    failures.AddRange(app.HiddenMarkers.Where(answer.Body.Contains).Select(marker => $"{where}: the body contains the hidden text '{marker}'"));
                    failures.AddRange(app.HiddenIdMarkers.Where(answer.Body.Contains).Select(marker => $"{where}: the body links to a hidden record: '{marker}'"));
                    if (target.Kind == TargetKind.Hidden)
                    {
                        requests++;
                        var twin = await MatrixFixture.SendAsync(principal, endpoint.Method, target.MissingTwin!);
                        if (twin.Status != answer.Status)
                        {
                            failures.Add($"{where}: a hidden record answers {answer.Status}, a missing one {twin.Status}");
                        }
                    }
                }
            }
        }

        Assert.True(endpoints.Count > 150, $"only {endpoints.Count} endpoints were found: the list looks wrong");
        Assert.True(requests > 3000, $"only {requests} requests were made");
        Assert.True(failures.Count == 0, $"{failures.Count} problems in {requests} requests:\n" + string.Join('\n', failures.Take(80)));
    }

    private static IEnumerable<string> Check(Rule rule, Principal principal, EndpointCall endpoint, Target target, Answer answer)
    {
        if (answer.Status >= 500)
        {
            yield return $"server error {answer.Status}";
            yield break;
        }

        if (rule.Required is null)
        {
            if (answer.Status is 401 or 403)
            {
                yield return $"open to everyone, but answered {answer.Status}";
            }

            yield break;
        }

        if (principal.Role is null)
        {
            var expected = endpoint.IsApi ? 401 : 302;
            if (answer.Status != expected)
            {
                yield return $"anonymous: expected {expected}, got {answer.Status}";
            }
            else if (expected == 302 && (answer.Location is null || new Uri(new Uri("http://localhost"), answer.Location).AbsolutePath != "/login"))
            {
                yield return $"anonymous: redirected to {answer.Location}, not to /login";
            }

            yield break;
        }

        var visible = target.Kind is TargetKind.None or TargetKind.Visible;
        if (principal.Role < rule.Required)
        {
            if (visible ? answer.Status != 403 : answer.Status is not (403 or 404))
            {
                yield return $"role {principal.Role} is below {rule.Required}: expected 403, got {answer.Status}";
            }

            yield break;
        }

        if (endpoint.Method == "GET" && rule.ReadStatus is not null)
        {
            var expected = visible ? rule.ReadStatus : 404;
            if (expected is { } want && answer.Status != want)
            {
                yield return $"expected {want}, got {answer.Status}";
            }
        }
        else if (answer.Status is 401 or 403 || (!visible && answer.Status is >= 200 and < 300))
        {
            yield return $"expected the change to be refused for its body, not {answer.Status}";
        }
    }
}

/// <summary>
/// Who may call what: the first rule whose pattern and methods match an endpoint decides. <c>Required</c> null means
/// anyone, signed in or not; <c>ReadStatus</c> is what a GET by an allowed principal answers (null: not checked).
/// </summary>
internal static class Rules
{
    private static readonly Rule[] All =
    [
        // Static files, the sign-in page, the error page and the health check are open to everyone.
        new(@"\.(css|js|map|png|ico|woff2?|txt|html)(\.gz)?$", null, null, 200),
        new(@"^/login$", null, null, 200),
        // The second step of signing in (a code): open, but without the half-signed-in cookie it goes back to /login.
        new(@"^/login/code$", null, null, null),
        new(@"^/error$", null, null, null),
        new(@"^/health$", null, null, 200),

        // Signing out takes a POST by someone signed in.
        new(@"^/logout$", null, Role.Viewer, null),

        // Users, settings, the audit log: admins only.
        new(@"^/admin(/|$)", null, Role.Admin, 200),

        // Purging a deleted record for good: admins only. The page of a live record answers 409 ("delete it first").
        new(@"/\{id:int\}/purge$", "GET", Role.Admin, 409),
        new(@"/\{id:int\}/purge$", null, Role.Admin, null),

        // The review queue and the review decisions: reviewers. A review step is a POST form on a record's page
        // (a GET of it goes back to the record).
        new(@"^/review$", null, Role.Reviewer, 200),
        new(@"/\{id:int\}/review$", "GET", Role.Viewer, null),
        new(@"^/api/v1/[^/]+/\{id:int\}/(approve|return)$", "POST", Role.Reviewer, null),

        // The API: reading needs a signed-in user, changing needs a contributor.
        new(@"^/api/v1/", "GET", Role.Viewer, 200),
        new(@"^/api/v1/", null, Role.Contributor, null),
        new(@"^/openapi/", "GET", Role.Viewer, 200),

        // Pages that change records, and ingest: contributors, even to open them.
        new(@"/(new|edit|delete|restore)$", null, Role.Contributor, 200),
        new(@"^/ingest(/|$)", "GET", Role.Contributor, 200),
        new(@"^/ingest(/|$)", null, Role.Contributor, null),

        // Two-factor sign-in of one's own account: anyone signed in (ADR 0020).
        new(@"^/account/mfa$", "GET", Role.Viewer, 200),
        new(@"^/account/mfa$", "POST", Role.Viewer, null),

        // The account pages: anyone signed in (their own tokens).
        new(@"^/account(/|$)", "GET", Role.Viewer, 200),
        new(@"^/account(/|$)", null, Role.Viewer, null),

        // Every other page, chart and the report: reading needs a signed-in user, posting a contributor.
        new(@"^/", "GET", Role.Viewer, 200),
        new(@"^/", "POST", Role.Contributor, null),
    ];

    public static Rule? For(EndpointCall endpoint) =>
        All.FirstOrDefault(r => Regex.IsMatch(endpoint.Pattern, r.Pattern) && (r.Method is null || r.Method == endpoint.Method));
}

internal sealed record Rule(string Pattern, string? Method, Role? Required, int? ReadStatus);

public enum TargetKind
{
    /// <summary>The endpoint names no record.</summary>
    None,
    Visible,
    Hidden,
    Missing,
}

public sealed record Target(string Path, TargetKind Kind, string? MissingTwin = null);

public sealed record EndpointCall(string Pattern, string Method)
{
    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);
}

public sealed record Principal(string Name, Role? Role, HttpClient Client);

public sealed record Answer(int Status, string Body, string? Location);

/// <summary>
/// The application with five principals and, for each record type, one record each principal may see (NATO
/// RESTRICTED), one above their clearance (NATO SECRET) and one released to BIH only. Hidden records' text carries a
/// marker word no visible record has.
/// </summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    /// <summary>An id no record has.</summary>
    public const int MissingId = 987_654;

    private static readonly string[] Sections = ["areas", "achievements", "challenges", "initiatives", "milestones", "recommendations", "indicators", "sources"];

    private readonly WebAppFixture _app = new();
    private readonly Dictionary<string, (int Visible, int Secret, int BihOnly)> _records = [];

    public List<Principal> Principals { get; } = [];

    public List<string> HiddenMarkers { get; } = [];

    /// <summary>
    /// How a hidden area's or initiative's id would show in a body (<c>"areaId":12</c>, <c>href="/areas/12"</c>): the
    /// visible records of the matrix are linked to the hidden ones, and the link must read as none.
    /// </summary>
    public List<string> HiddenIdMarkers { get; } = [];

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        Principals.Add(new("anonymous", null, _app.AnonymousClient()));
        foreach (var role in Enum.GetValues<Role>())
        {
            var name = "matrix-" + role.ToString().ToLowerInvariant();
            await _app.CreateUserAsync(name, role, Classification.NatoRestricted, "FRA", null);
            var client = await _app.SignedInClientAsync(name);
            await using var tokens = _app.Database.CreateContext();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestUsers.CreateTokenAsync(tokens, name));
            Principals.Add(new(name, role, client));
        }

        await using var db = _app.Database.CreateContext();
        var programme = (await db.Programmes.FirstAsync()).Id;
        foreach (var section in Sections)
        {
            var visible = Make(section, programme, "Visible wombat " + section, Classification.NatoRestricted, string.Empty);
            var secret = Make(section, programme, $"Quokka secret {section}", Classification.NatoSecret, string.Empty);
            var bihOnly = Make(section, programme, $"Quokka bih {section}", Classification.NatoUnclassified, ",BIH,");
            db.AddRange(visible, secret, bihOnly);
            await db.SaveChangesAsync();
            _records[section] = (visible.Id, secret.Id, bihOnly.Id);
            HiddenMarkers.AddRange([$"Quokka secret {section}", $"Quokka bih {section}"]);
        }

        // Every visible record that can link to an area or an initiative links to a hidden one.
        var (secretArea, secretInitiative) = (_records["areas"].Secret, _records["initiatives"].Secret);
        (await db.Achievements.SingleAsync(r => r.Id == _records["achievements"].Visible)).AreaId = secretArea;
        (await db.Challenges.SingleAsync(r => r.Id == _records["challenges"].Visible)).AreaId = secretArea;
        (await db.Initiatives.SingleAsync(r => r.Id == _records["initiatives"].Visible)).AreaId = _records["areas"].BihOnly;
        (await db.Recommendations.SingleAsync(r => r.Id == _records["recommendations"].Visible)).AreaId = secretArea;
        (await db.Indicators.SingleAsync(r => r.Id == _records["indicators"].Visible)).AreaId = secretArea;
        (await db.Milestones.SingleAsync(r => r.Id == _records["milestones"].Visible)).InitiativeId = secretInitiative;
        await db.SaveChangesAsync();
        foreach (var (field, section, id) in new[] { ("areaId", "areas", secretArea), ("areaId", "areas", _records["areas"].BihOnly), ("initiativeId", "initiatives", secretInitiative) })
        {
            var text = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            HiddenIdMarkers.AddRange([$"\"{field}\":{text},", $"\"{field}\":{text}}}", $"href=\"/{section}/{text}\""]);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var principal in Principals)
        {
            principal.Client.Dispose();
        }

        await _app.DisposeAsync();
    }

    /// <summary>Every route endpoint of the application and each of its methods (pages: GET and POST), HEAD left out.</summary>
    public List<EndpointCall> Endpoints() =>
        _app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                    ?? (e.Metadata.GetMetadata<PageActionDescriptor>() is null ? ["GET"] : ["GET", "POST"]))
                .Where(m => m != "HEAD")
                .Select(m => new EndpointCall("/" + e.RoutePattern.RawText!.TrimStart('/'), m)))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>The addresses to call an endpoint at: one per record of the matrix when its pattern names a record.</summary>
    public IEnumerable<Target> TargetsFor(EndpointCall endpoint)
    {
        var pattern = endpoint.Pattern;
        var query = pattern switch
        {
            "/search" or "/api/v1/search" => "?q=Quokka",
            "/report" => "?format=html&includeDrafts=true",
            _ => string.Empty,
        };
        if (pattern.Contains("{key}", StringComparison.Ordinal))
        {
            yield return new(pattern.Replace("{key}", "nato-bih", StringComparison.Ordinal), TargetKind.Visible);
            yield return new(pattern.Replace("{key}", "no-such-programme", StringComparison.Ordinal), TargetKind.Missing);
            yield break;
        }

        if (!pattern.Contains("{id:int}", StringComparison.Ordinal))
        {
            if (!pattern.Contains('{', StringComparison.Ordinal))
            {
                yield return new(pattern + query, TargetKind.None);
            }

            yield break;
        }

        var sections = pattern.StartsWith("/{section", StringComparison.Ordinal)
            ? Sections
            : [Sections.FirstOrDefault(s => pattern.Contains("/" + s + "/", StringComparison.Ordinal)) ?? string.Empty];
        foreach (var section in sections)
        {
            var path = Regex.Replace(pattern, @"^/\{section[^}]*\}\}?", "/" + section);
            string At(int id) => path.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + query;
            var missing = At(MissingId);
            if (_records.TryGetValue(section, out var ids))
            {
                yield return new(At(ids.Visible), TargetKind.Visible);
                yield return new(At(ids.Secret), TargetKind.Hidden, missing);
                yield return new(At(ids.BihOnly), TargetKind.Hidden, missing);
            }

            yield return new(missing, TargetKind.Missing);
        }
    }

    /// <summary>Sends a request without a body (an unsafe method gets an empty JSON object) and reads the answer.</summary>
    public static async Task<Answer> SendAsync(Principal principal, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is not ("GET" or "DELETE"))
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await principal.Client.SendAsync(request);
        return new((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    private static IEditableRecord Make(string section, int programme, string text, Classification classification, string releasableTo)
    {
        IEditableRecord record = section switch
        {
            "areas" => new Area { ProgrammeId = programme, Name = text },
            "achievements" => new Achievement { ProgrammeId = programme, Title = text },
            "challenges" => new Challenge { ProgrammeId = programme, Title = text, Impact = text },
            "initiatives" => new Initiative { ProgrammeId = programme, Name = text, Status = InitiativeStatus.Stalled },
            "milestones" => new Milestone { ProgrammeId = programme, Title = text },
            "recommendations" => new Recommendation { ProgrammeId = programme, StrategicAction = text },
            "indicators" => new Indicator { ProgrammeId = programme, Name = text, Unit = "%" },
            _ => new Source { ProgrammeId = programme, Title = text, Content = text },
        };
        record.Classification = classification;
        record.ReleasableTo = releasableTo;
        return record;
    }
}
