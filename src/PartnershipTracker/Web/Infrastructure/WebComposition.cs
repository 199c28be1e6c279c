using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>Web services and the request pipeline, in one place.</summary>
internal static class WebComposition
{
    public static IServiceCollection AddPtrackWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options => options.RootDirectory = "/Web/Pages");
        services.AddProblemDetails();
        return services;
    }

    public static WebApplication UsePtrackWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.MapGet("/health", async (PtrackDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "ok" })
                : Results.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithName("Health");
        app.MapRazorPages();
        return app;
    }
}
