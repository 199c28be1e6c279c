using System.Runtime.CompilerServices;
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

        var access = db.Access;
        if (access.SeesNothing)
        {
            return [];
        }

        // Each word becomes a quoted FTS5 string, so nothing the user typed is read as query syntax.
        var match = string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        var open = SearchSnippet.Open.ToString();
        var close = SearchSnippet.Close.ToString();

        // Raw SQL is not under the marking query filter: the hits keep to it here, before LIMIT, so that pages and
        // "more" are right for the reader (docs/adr/0016-markings.md). {4}..{6} are the reader's clearance and the
        // Releasable To entries that let them in (a value no list contains when they have none).
        var visible = string.Join("\n", Tables.Select(t =>
            $"WHEN {t.Key} THEN EXISTS (SELECT 1 FROM \"{t.Value}\" AS r WHERE r.\"Id\" = \"SearchIndex\".rowid / 16 AND r.\"Classification\" <= {{4}} " +
            "AND (r.\"ReleasableTo\" = '' OR instr(r.\"ReleasableTo\", {5}) > 0 OR instr(r.\"ReleasableTo\", {6}) > 0))"));
        var sql = FormattableStringFactory.Create(
            $$"""
            SELECT rowid AS "Key", programme_id AS "ProgrammeId", title AS "Title",
                snippet("SearchIndex", -1, {0}, {1}, '…', 24) AS "Snippet"
            FROM "SearchIndex"
            WHERE "SearchIndex" MATCH {2} AND rank MATCH 'bm25(10.0, 1.0)'
                AND ({3} = 1 OR CASE "SearchIndex".rowid % 16
                {{visible}}
                ELSE 0 END)
            ORDER BY rank
            LIMIT {7} OFFSET {8}
            """,
            open, close, match, access.SeesAll ? 1 : 0, (int)access.Clearance, Entry(access.Nationality), Entry(access.Organisation), take, skip);
        var rows = await db.Database.SqlQuery<SearchRow>(sql).ToListAsync(cancellationToken);
        return rows
            .Where(r => Codes.ContainsKey(r.Key % 16))
            .Select(r => new SearchHit(Codes[r.Key % 16], (int)(r.Key / 16), r.ProgrammeId, r.Title, r.Snippet ?? ""))
            .ToList();
    }

    /// <summary>The table of each type code.</summary>
    private static readonly Dictionary<long, string> Tables = new()
    {
        [1] = "Areas",
        [2] = "Achievements",
        [3] = "Challenges",
        [4] = "Initiatives",
        [5] = "Milestones",
        [6] = "Recommendations",
        [7] = "Indicators",
        [9] = "Sources",
    };

    /// <summary>",BIH," for BIH: how a canonical Releasable To list holds the entry; "#" (in no list) for none.</summary>
    private static string Entry(string? entry) => entry is null ? "#" : "," + entry + ",";

    private sealed record SearchRow(long Key, int ProgrammeId, string Title, string? Snippet);
}
