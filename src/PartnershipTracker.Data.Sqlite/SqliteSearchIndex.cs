using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Search;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Data.Sqlite;

/// <summary>
/// <see cref="ISearchIndex"/> on SQLite FTS5: the table "SearchIndex" (title, body, programme_id) that the migration
/// AddLatestObservationIndexAndSearch creates and its triggers keep right on every insert, update and delete, soft
/// deletes included. A row's rowid is the record id × 16 + the code of its type (<see cref="Codes"/>). Words are matched
/// after Porter stemming, case and diacritics folded; hits are ranked by bm25 with the title weighing ten times the body.
/// See docs/adr/0012-search-and-charts.md.
/// </summary>
public sealed class SqliteSearchIndex(PtrackDbContext db) : ISearchIndex
{
    /// <summary>The type codes in the low four bits of a rowid, as the migration writes them.</summary>
    private static readonly Dictionary<long, RecordType> Codes = new()
    {
        [1] = RecordType.Area,
        [2] = RecordType.Achievement,
        [3] = RecordType.Challenge,
        [4] = RecordType.Initiative,
        [5] = RecordType.Milestone,
        [6] = RecordType.Recommendation,
        [7] = RecordType.Indicator,
        [9] = RecordType.Source,
    };

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyList<string> words, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return [];
        }

        // Each word becomes a quoted FTS5 string, so nothing the user typed is read as query syntax.
        var match = string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        var open = SearchSnippet.Open.ToString();
        var close = SearchSnippet.Close.ToString();
        var rows = await db.Database.SqlQuery<SearchRow>(
            $"""
            SELECT rowid AS "Key", programme_id AS "ProgrammeId", title AS "Title",
                snippet("SearchIndex", -1, {open}, {close}, '…', 24) AS "Snippet"
            FROM "SearchIndex"
            WHERE "SearchIndex" MATCH {match} AND rank MATCH 'bm25(10.0, 1.0)'
            ORDER BY rank
            LIMIT {take} OFFSET {skip}
            """).ToListAsync(cancellationToken);
        return rows
            .Where(r => Codes.ContainsKey(r.Key % 16))
            .Select(r => new SearchHit(Codes[r.Key % 16], (int)(r.Key / 16), r.ProgrammeId, r.Title, r.Snippet ?? ""))
            .ToList();
    }

    private sealed record SearchRow(long Key, int ProgrammeId, string Title, string? Snippet);
}
