using PartnershipTracker.Infrastructure;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web;

/// <summary>The web application: pages, <c>/health</c>, and the services shared with the CLI.</summary>
public static class WebApp
{
    /// <summary>Where <c>ptrack serve</c> listens unless <c>--urls</c> or the <c>urls</c> setting says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the application from host arguments (<c>--urls</c>, <c>--environment</c>, <c>--Section:Key=value</c>).</summary>
    /// <returns>The application, or the configuration error that stops it.</returns>
    public static (WebApplication? App, string? Error) Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(WebApp).Assembly.GetName().Name });
        var (settings, error) = PtrackSettings.Read(builder.Configuration);
        if (settings is null)
        {
            return (null, error);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // A failed start is reported by `ptrack serve` in one line; the host's own log of it is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddPtrack(settings);
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddPtrackWeb();

        var app = builder.Build();
        app.UsePtrackWeb();
        return (app, null);
    }
}
