using System.Globalization;

namespace PartnershipTracker.Domain;

/// <summary>
/// A calendar date known to the year, the month or the day, as sources give them
/// ("2023", "Dec 2006", "22 Apr 2010"). Written and sorted as ISO 8601 reduced precision:
/// <c>2023</c>, <c>2006-12</c>, <c>2010-04-22</c>; the text sorts in date order.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Creates a date; month 1–12 and day 1–31 when given, a day only with a month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public PartialDate(int year, int? month = null, int? day = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month));
        }

        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
        {
            throw new ArgumentOutOfRangeException(nameof(day));
        }

        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    /// <summary>The first day the date can mean (1 January for a year, the 1st for a month).</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    public int CompareTo(PartialDate other) =>
        string.CompareOrdinal(ToString(), other.ToString());

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    /// <summary>ISO 8601 reduced precision: <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    public override string ToString() => (Month, Day) switch
    {
        (null, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
        (int m, null) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}"),
        (int m, int d) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}-{d:D2}"),
    };

    /// <summary>Parses the ISO form written by <see cref="ToString"/>.</summary>
    public static PartialDate? ParseIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('-');
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        int? day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        return new PartialDate(year, month, day);
    }

    /// <summary>
    /// Parses the strict ISO form written by <see cref="ToString"/> (<c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>,
    /// digits only, a real calendar date); false for anything else, without throwing.
    /// </summary>
    public static bool TryParseIso(string? text, out PartialDate date)
    {
        date = default;
        if (text is null || (text.Length != 4 && text.Length != 7 && text.Length != 10))
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return false;
        }

        int? month = null;
        int? day = null;
        if (text.Length >= 7)
        {
            if (text[4] != '-' || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            {
                return false;
            }

            month = m;
        }

        if (text.Length == 10)
        {
            if (text[7] != '-' || !int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                || d < 1 || d > DateTime.DaysInMonth(year, month!.Value))
            {
                return false;
            }

            day = d;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>
    /// Reads the first date in free text as sources write it: "2023", "Dec 2006", "December 2006",
    /// "22 Apr 2010", "2 Dec 2004", "c. Dec 2015", "1–2 Feb 2024" (first day taken), "2019-12-23", "Jul 2016; Aug 2017" (the first date).
    /// Returns null when the text holds no year; never guesses a part that is not written.
    /// </summary>
    public static PartialDate? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var tokens = text.Split([' ', ',', ';', ':', '"', '(', ')', '.', '/'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Length == 10 && token[4] == '-' && token[7] == '-'
                && DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            {
                return new PartialDate(iso.Year, iso.Month, iso.Day);
            }

            if (!IsYear(token, out var year))
            {
                continue;
            }

            int? month = i > 0 ? MonthOf(tokens[i - 1]) : null;
            int? day = null;
            if (month is not null && i > 1)
            {
                var dayToken = tokens[i - 2];
                var dash = dayToken.IndexOfAny(['–', '-']);
                if (dash > 0)
                {
                    dayToken = dayToken[..dash];
                }

                if (int.TryParse(dayToken, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                    && d >= 1 && d <= DateTime.DaysInMonth(year, month.Value))
                {
                    day = d;
                }
            }

            return new PartialDate(year, month, day);
        }

        return null;
    }

    private static bool IsYear(string token, out int year)
    {
        year = 0;
        return token.Length == 4
            && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && year is >= 1900 and <= 2100;
    }

    private static int? MonthOf(string token)
    {
        if (token.Length < 3)
        {
            return null;
        }

        var prefix = token[..3].ToLowerInvariant();
        var index = Array.IndexOf(MonthNames, prefix);
        return index < 0 ? null : index + 1;
    }
}
