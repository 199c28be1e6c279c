namespace PartnershipTracker.Cli;

/// <summary>
/// Configuration for CLI verbs, in ASP.NET's order: appsettings.json beside the executable, appsettings.json
/// in the working directory, environment variables (<c>Database__ConnectionString</c>).
/// </summary>
internal static class CliConfiguration
{
    public static IConfiguration Build() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
}
