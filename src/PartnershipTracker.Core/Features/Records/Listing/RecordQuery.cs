namespace PartnershipTracker.Core.Features.Records.Listing;

/// <summary>
/// What a list asks for: filters, order and one page. Names match the query parameters of pages and API
/// (<c>?status=Stalled&amp;area=3&amp;q=cyber&amp;sort=name&amp;dir=desc&amp;limit=50</c>). Every filter is optional; empty
/// text counts as absent. A filter a record type does not have (severity of an initiative) is Invalid, naming it.
/// </summary>
public sealed record RecordQuery
{
    /// <summary>The largest page: 200 records.</summary>
    public const int MaxLimit = 200;

    /// <summary>The page size when none is given: 50 records.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The programme's slug; null for the only programme.</summary>
    public string? Programme { get; init; }

    /// <summary>Only records of this area (achievements, challenges, initiatives, recommendations, indicators).</summary>
    public int? Area { get; init; }

    /// <summary>Only milestones of this initiative.</summary>
    public int? Initiative { get; init; }

    /// <summary>A status name of the record type, any case (initiatives, challenges, milestones, recommendations).</summary>
    public string? Status { get; init; }

    /// <summary>A <see cref="Domain.SourceKind"/> name, any case (sources).</summary>
    public string? Kind { get; init; }

    /// <summary>A <see cref="Domain.ReviewState"/> name, any case (every list): draft, submitted, approved or returned.</summary>
    public string? ReviewState { get; init; }

    /// <summary>A <see cref="Domain.Severity"/> name, any case (challenges).</summary>
    public string? Severity { get; init; }

    /// <summary>A review cycle as stored, e.g. "2024" (recommendations).</summary>
    public string? Cycle { get; init; }

    /// <summary>Text contained in the record's main text fields, case-insensitive for ASCII letters (SQLite LIKE).</summary>
    public string? Q { get; init; }

    /// <summary>A field name from the type's allowed list (e.g. <c>id</c>, <c>name</c>, <c>status</c>); null for the type's default order.</summary>
    public string? Sort { get; init; }

    /// <summary>Largest first. Ties are broken by id, in the same direction.</summary>
    public bool Descending { get; init; }

    /// <summary>1-based page number, for pages; ignored when <see cref="Cursor"/> is given.</summary>
    public int? Page { get; init; }

    /// <summary>The <see cref="RecordPage{TRow}.NextCursor"/> of the previous page, for the API (keyset paging: no gaps or repeats while records are added).</summary>
    public string? Cursor { get; init; }

    /// <summary>Records per page, 1 to <see cref="MaxLimit"/>; null for <see cref="DefaultLimit"/>.</summary>
    public int? Limit { get; init; }
}

/// <summary>
/// One page of a list: the records, how many match the filters in all (<see cref="Total"/>), and the cursor of
/// the next page, null on the last page.
/// </summary>
public sealed record RecordPage<TRow>(ProgrammeRef Programme, IReadOnlyList<TRow> Items, int Total, string? NextCursor);
