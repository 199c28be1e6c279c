using Microsoft.Extensions.Options;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Ingest;

namespace PartnershipTracker.Infrastructure;

/// <summary>
/// The effective configuration, read once from appsettings.json, environment variables (<c>__</c> for
/// nesting, e.g. <c>Database__ConnectionString</c>) and command-line settings, and checked before anything runs.
/// </summary>
public sealed class PtrackSettings
{
    public required DatabaseOptions Database { get; init; }

    public required IngestOptions Ingest { get; init; }

    public required MappingRules Mapping { get; init; }

    public required ExampleOptions Examples { get; init; }

    /// <summary>Sign-in lockout, login rate limit, session lifetimes, anonymous reading (the <c>Security</c> section).</summary>
    public SecurityOptions Security { get; init; } = new();

    /// <summary>The marking of a new record or source when none is given (<c>Security:DefaultClassification</c>, <c>Security:DefaultReleasableTo</c>).</summary>
    public MarkingDefaults Markings { get; init; } = new();

    /// <summary>Reads and checks the configuration; the error names the setting at fault.</summary>
    public static (PtrackSettings? Settings, string? Error) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        DatabaseOptions database;
        IngestOptions ingest;
        IngestMappingOptions mapping;
        ExampleOptions examples;
        SecurityOptions security;
        try
        {
            database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new();
            ingest = configuration.GetSection(IngestOptions.SectionName).Get<IngestOptions>() ?? new();
            mapping = configuration.GetSection(IngestOptions.SectionName).Get<IngestMappingOptions>() ?? new();
            examples = configuration.GetSection(ExampleOptions.SectionName).Get<ExampleOptions>() ?? new();
            security = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            return (null, "configuration: " + e.Message);
        }

        if (!string.Equals(database.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"configuration: Database:Provider '{database.Provider}' is not available; supported: {DatabaseOptions.Sqlite}");
        }

        if (database.ConnectionString is { } connectionString)
        {
            try
            {
                _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
            {
                return (null, $"configuration: Database:ConnectionString is not a SQLite connection string ({e.Message.ReplaceLineEndings(" ")})");
            }
        }

        if (ingest.MaxFileBytes <= 0)
        {
            return (null, $"configuration: Ingest:MaxFileBytes must be a positive number of bytes, not {ingest.MaxFileBytes}");
        }

        if (ingest.MaxPages <= 0)
        {
            return (null, $"configuration: Ingest:MaxPages must be a positive number of pages, not {ingest.MaxPages}");
        }

        if (ingest.MaxLineLength <= 0)
        {
            return (null, $"configuration: Ingest:MaxLineLength must be a positive number of characters, not {ingest.MaxLineLength}");
        }

        if (ingest.MaxProcessingTime <= TimeSpan.Zero || ingest.MaxProcessingTime > IngestOptions.LongestProcessingTime)
        {
            return (null, $"configuration: Ingest:MaxProcessingTime must be a positive time of at most {IngestOptions.LongestProcessingTime:c} (e.g. 00:00:30), not {ingest.MaxProcessingTime:c}");
        }

        if (security.Check() is { } securityError)
        {
            return (null, "configuration: " + securityError);
        }

        var (markings, markingError) = MarkingDefaults.Read(configuration[MarkingDefaults.ClassificationKey], configuration[MarkingDefaults.ReleasableToKey]);
        if (markings is null)
        {
            return (null, "configuration: " + markingError);
        }

        var rules = MappingRules.Default;
        if (mapping.MappingFile is { Length: > 0 } file)
        {
            var (loaded, error) = MappingRules.Load(file);
            if (loaded is null)
            {
                return (null, "configuration: Ingest:MappingFile: " + error);
            }

            rules = loaded;
        }

        return (new PtrackSettings { Database = database, Ingest = ingest, Mapping = rules, Examples = examples, Security = security, Markings = markings }, null);
    }
}
