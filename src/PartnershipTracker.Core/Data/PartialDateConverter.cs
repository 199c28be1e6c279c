using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data;

/// <summary>
/// Stores a <see cref="PartialDate"/> as its ISO 8601 reduced-precision text (<c>2006</c>, <c>2006-12</c>,
/// <c>2006-12-02</c>), which sorts in date order. Null stays null (EF Core does not pass nulls to converters).
/// </summary>
public sealed class PartialDateConverter()
    : ValueConverter<PartialDate, string>(
        date => date.ToString(),
        text => PartialDate.ParseIso(text)!.Value);
