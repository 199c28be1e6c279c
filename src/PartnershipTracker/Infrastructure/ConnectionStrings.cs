using Microsoft.Data.Sqlite;

namespace PartnershipTracker.Infrastructure;

/// <summary>Connection strings as shown to people (<c>ptrack config show</c>, /admin/settings): never with a password.</summary>
internal static class ConnectionStrings
{
    /// <summary>The connection string with any password replaced by "***"; "(unreadable connection string)" when it does not parse.</summary>
    public static string Redact(string connectionString)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(builder.Password))
            {
                builder.Password = "***";
            }

            return builder.ToString();
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}
