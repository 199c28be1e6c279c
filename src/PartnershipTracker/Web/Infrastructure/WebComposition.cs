using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Web.Api;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>Web services and the request pipeline, in one place.</summary>
internal static class WebComposition
{
    public static IServiceCollection AddPtrackWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options => options.RootDirectory = "/Web/Pages");
        services.AddProblemDetails();

        // Razor still encodes every character that means something in HTML (< > & " '); letters and dashes in
        // other scripts are written as they are instead of as numeric references.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return services;
    }

    public static WebApplication UsePtrackWeb(this WebApplication app)
    {
        // In every environment: no stack trace or other internals ever reach a browser.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseSecurityHeaders();
        app.UseReadOnlyMethods();
        app.UseRouting();

        // The stylesheet is served by the application itself. Run from a build (dotnet run) rather than a publish,
        // wwwroot is in the project folder: the build's static-web-assets manifest says where; a publish has no
        // such manifest and serves its own wwwroot. Development loads the manifest already.
        if (!app.Environment.IsDevelopment())
        {
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        }

        app.MapStaticAssets();
        app.MapGet("/health", async (PtrackDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "ok" })
                : Results.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithName("Health");
        app.MapReportEndpoints();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Every page and endpoint so far only reads: other methods get 405 with <c>Allow: GET, HEAD</c> (and the
    /// error page), rather than a 400 from antiforgery or a blank page. Editing (forms, the API) will widen this.
    /// </summary>
    private static void UseReadOnlyMethods(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
        });
}
