using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PartnershipTracker.Data.Sqlite;

/// <summary>
/// SQLite quirks in the model. SQLite cannot compare or order <see cref="DateTimeOffset"/> values as EF Core
/// stores them by default, so they are stored as UTC ISO 8601 text of fixed width
/// (<c>2024-04-24T09:30:00.0000000Z</c>), which orders as the instants do. The offset is not kept.
/// </summary>
public sealed class SqliteModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    private static readonly ValueConverter<DateTimeOffset, string> UtcText = new(
        value => UtcIsoText.Write(value),
        text => UtcIsoText.Read(text));

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.Customize(modelBuilder, context);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
            {
                property.SetValueConverter(UtcText);
            }
        }
    }
}

/// <summary>The fixed-width UTC text <see cref="SqliteModelCustomizer"/> stores instants as.</summary>
public static class UtcIsoText
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Write(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Read(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
