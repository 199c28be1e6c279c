using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Infrastructure;
using PartnershipTracker.Testing;
using PartnershipTracker.Web.Api;

namespace PartnershipTracker.Tests.Api;

/// <summary>
/// <c>GET /report</c> on a host that maps only the report endpoints over the shared services: the endpoint's
/// contract without the pages' pipeline (status-code pages, security headers) around it.
/// </summary>
public sealed class ReportEndpointsTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync(migrate: false);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = _database.ConnectionString })
            .Build();
        var (settings, error) = PtrackSettings.Read(configuration);
        Assert.Null(error);
        builder.Services.AddPtrack(settings!);
        builder.Services.AddProblemDetails();
        _app = builder.Build();
        _app.MapReportEndpoints();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseBootstrap>().EnsureReadyAsync();
        }

        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task GetReport_NoFormat_IsHtmlAttachmentNamedAfterTheProgramme()
    {
        using var response = await _client.GetAsync(new Uri("/report?programme=nato-bih", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nato-bih-report.html", response.Content.Headers.ContentDisposition.FileName);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<td>launched (Launched 2023)</td><td>2023</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReport_Markdown_IsMarkdownAttachment()
    {
        using var response = await _client.GetAsync(new Uri("/report?format=md", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nato-bih-report.md", response.Content.Headers.ContentDisposition!.FileName);
        Assert.StartsWith("# NATO – Bosnia and Herzegovina: progress report", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReport_UnknownFormat_Is400ProblemNamingTheFormatParameter()
    {
        using var response = await _client.GetAsync(new Uri("/report?format=pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").GetProperty("format");
        Assert.Equal("'pdf' is not a report format; use one of: html, md.", errors[0].GetString());
    }

    [Fact]
    public async Task GetReport_UnknownProgramme_Is404Problem()
    {
        using var response = await _client.GetAsync(new Uri("/report?programme=nato-xyz&format=md", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("programme 'nato-xyz' does not exist; known programmes: nato-bih", problem.RootElement.GetProperty("detail").GetString());
    }
}
