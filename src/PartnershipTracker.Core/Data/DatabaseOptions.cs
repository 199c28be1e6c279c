namespace PartnershipTracker.Core.Data;

/// <summary>
/// Settings of the "Database" section (<c>Database__Provider</c>, <c>Database__ConnectionString</c> as
/// environment variables).
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The name of the SQLite provider, the default.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>
    /// The connection string used when <see cref="ConnectionString"/> is not set and the provider is SQLite:
    /// a file under <c>./data/</c>, relative to the current working directory. The folder is created on first use.
    /// </summary>
    public const string DefaultSqliteConnectionString = "Data Source=./data/ptrack.db";

    /// <summary>Which database to use: "Sqlite" (default, a single file, zero set-up). Compared case-insensitively.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// The provider's connection string. Null means <see cref="DefaultSqliteConnectionString"/> for SQLite;
    /// other providers have no default and need one. May hold a password: never print it unredacted.
    /// </summary>
    public string? ConnectionString { get; set; }
}
