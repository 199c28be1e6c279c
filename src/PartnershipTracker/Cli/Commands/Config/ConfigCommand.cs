using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;
using PartnershipTracker.Infrastructure;

namespace PartnershipTracker.Cli.Commands.Config;

/// <summary><c>ptrack config show</c>: the effective configuration as JSON, with passwords redacted.</summary>
internal static class ConfigCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var show = new Command("show", "Print the effective configuration (appsettings.json, environment variables) as JSON; passwords are redacted.");
        show.SetAction(_ =>
        {
            var (settings, error) = PtrackSettings.Read(CliConfiguration.Build());
            if (settings is null)
            {
                return CliContext.Fail(error!, ExitCodes.BadInput);
            }

            Console.Out.WriteLine(JsonSerializer.Serialize(Describe(settings), Json));
            return ExitCodes.Ok;
        });
        return new Command("config", "Configuration.") { show };
    }

    /// <summary>The settings as shown to a person: the connection string with any password replaced by "***".</summary>
    internal static object Describe(PtrackSettings settings) => new
    {
        database = new
        {
            provider = settings.Database.Provider,
            connectionString = ConnectionStrings.Redact(settings.Database.ConnectionString ?? DatabaseOptions.DefaultSqliteConnectionString),
            workingDirectory = Directory.GetCurrentDirectory(),
        },
        ingest = new
        {
            maxFileBytes = settings.Ingest.MaxFileBytes,
            maxPages = settings.Ingest.MaxPages,
            maxLineLength = settings.Ingest.MaxLineLength,
            maxProcessingTime = settings.Ingest.MaxProcessingTime.ToString("c", CultureInfo.InvariantCulture),
            mappingTables = settings.Mapping.Tables.Select(t => t.Record),
            mappingLists = settings.Mapping.Lists.Select(l => l.Record),
            areaAliases = settings.Mapping.AreaAliases.ToDictionary(a => a.Area, a => a.Aliases),
        },
        examples = new { loadOnEmptyDatabase = settings.Examples.LoadOnEmptyDatabase },
        markings = new
        {
            defaultClassification = Markings.Label(settings.Markings.Marking.Classification),
            defaultReleasableTo = Markings.ReleasableToEntries(settings.Markings.Marking.ReleasableTo),
        },
    };
}
