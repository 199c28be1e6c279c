using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Http.Features;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Infrastructure;
using PartnershipTracker.Web.Api;
using PartnershipTracker.Web.Charts;
using PartnershipTracker.Web.Infrastructure.Authentication;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>Web services and the request pipeline, in one place.</summary>
internal static class WebComposition
{
    public static IServiceCollection AddPtrackWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options => options.RootDirectory = "/Web/Pages")
            .AddMvcOptions(options => options.Filters.Add(new PostNeedsAHandler()));
        services.AddProblemDetails();

        // The antiforgery cookie is Secure whenever the request came over HTTPS (ASP.NET's default never marks it
        // Secure), like the session cookie; HttpOnly and SameSite=Strict stay as ASP.NET sets them.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddPtrackApi();
        services.AddPtrackAuthentication();
        services.AddScoped<Pages.Records.Forms.RecordFormCatalog>();

        // An uploaded document may be as large as Ingest:MaxFileBytes, even above the 128 MiB multipart default.
        services.AddOptions<FormOptions>().Configure<PtrackSettings>((form, settings) =>
            form.MultipartBodyLengthLimit = Math.Max(form.MultipartBodyLengthLimit, settings.Ingest.MaxFileBytes + UploadFormOverheadBytes));

        // Razor still encodes every character that means something in HTML (< > & " '); letters and dashes in
        // other scripts are written as they are instead of as numeric references.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return services;
    }

    public static WebApplication UsePtrackWeb(this WebApplication app)
    {
        // The client's address and scheme from a trusted reverse proxy first, so that everything after sees them.
        app.UseTrustedProxies();

        // In every environment: no stack trace or other internals ever reach a browser.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseSecurityHeaders();
        app.UseNoStoreCaching();
        app.UseReadOnlyMethods();

        app.UseApiProblems();
        app.UseRouting();

        // Who is asking (sets the request's reader and actor), then whether they may: before any endpoint runs.
        app.UsePtrackAuthentication();
        app.UsePasswordChangeRequired();
        app.UseRequireMfa();
        app.UseSignInForApiDocs(ApiEndpoints.DocsPath);
        app.UsePtrackApiDocs();

        // The stylesheet is served by the application itself. Run from a build (dotnet run) rather than a publish,
        // wwwroot is in the project folder: the build's static-web-assets manifest says where; a publish has no
        // such manifest and serves its own wwwroot. Development loads the manifest already.
        if (!app.Environment.IsDevelopment())
        {
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        }

        app.MapStaticAssets().AllowAnonymous();
        app.MapGet("/health", async (PtrackDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "ok" })
                : Results.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithName("Health")
            .AllowAnonymous();
        app.MapReportEndpoints();
        app.MapChartEndpoints();
        app.MapSearchEndpoints();
        app.MapPtrackApi();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Which methods reach the application: GET and HEAD everywhere; every method under <c>/api/</c> (its endpoints
    /// answer 405 themselves, as problem details); POST to pages, whose forms carry an antiforgery token and whose
    /// POST handlers are the only ones run (see <see cref="PostNeedsAHandler"/>). Other methods get 405 with
    /// <c>Allow: GET, HEAD</c> and the error page, rather than a 400 from antiforgery or a blank page.
    /// An upload may be as large as <c>Ingest:MaxFileBytes</c> plus room for the form around it; a larger body is
    /// refused with 413 before it is read.
    /// </summary>
    private static void UseReadOnlyMethods(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            var path = context.Request.Path;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
                || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
            {
                await next(context);
                return;
            }

            if (HttpMethods.IsPost(method) && !IsReadOnlyPath(path))
            {
                if (path.StartsWithSegments("/ingest", StringComparison.OrdinalIgnoreCase))
                {
                    var limit = context.RequestServices.GetRequiredService<PtrackSettings>().Ingest.MaxFileBytes + UploadFormOverheadBytes;
                    if (context.Request.ContentLength > limit)
                    {
                        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                        return;
                    }

                    if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                    {
                        size.MaxRequestBodySize = limit;
                    }
                }

                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
        });

    /// <summary>Addresses that only read, whatever the method: <c>/health</c>, the report download, the OpenAPI document, static files.</summary>
    private static bool IsReadOnlyPath(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/report", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase);

    /// <summary>Room for the multipart boundaries, headers and antiforgery token around an uploaded file: 1 MiB.</summary>
    private const long UploadFormOverheadBytes = 1 << 20;
}
