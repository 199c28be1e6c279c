using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipTracker.Data.Sqlite.Migrations
{
    /// <summary>
    /// The index the dashboard reads the latest observations from, and full-text search (docs/adr/0012-search-and-charts.md):
    /// an FTS5 table "SearchIndex" kept right by triggers on every searchable table, so that rows written by raw SQL
    /// (the benchmark generator) are indexed too. A record's row in it has rowid = record id × 16 + a code for its type
    /// (<see cref="SqliteSearchIndex"/> reads them back); deleted records (DeletedAt set) have none.
    /// </summary>
    public partial class AddLatestObservationIndexAndSearch : Migration
    {
        /// <summary>The searchable tables: type code, title column, the other text columns.</summary>
        private static readonly (string Table, int Code, string Title, string[] Body)[] Searchable =
        [
            ("Areas", 1, "Name", ["Description"]),
            ("Achievements", 2, "Title", []),
            ("Challenges", 3, "Title", ["Impact", "Owner"]),
            ("Initiatives", 4, "Name", ["FocusArea", "StatusLabel", "LeadInstitution"]),
            ("Milestones", 5, "Title", ["Description", "DateText"]),
            ("Recommendations", 6, "StrategicAction", ["FocusArea", "ExpectedOutcome", "IssuedBy"]),
            ("Indicators", 7, "Name", ["Description", "Unit"]),
            ("Sources", 9, "Title", ["Publisher", "FileName", "Content"]),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Observations_IndicatorId_Period",
                table: "Observations");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_IndicatorId_Period_Id",
                table: "Observations",
                columns: new[] { "IndicatorId", "Period", "Id" });

            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
                    title, body, programme_id UNINDEXED,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            foreach (var (table, code, title, body) in Searchable)
            {
                var rowid = string.Create(CultureInfo.InvariantCulture, $"{{0}}.\"Id\" * 16 + {code}");
                string Insert(string row) =>
                    $"""
                    INSERT INTO "SearchIndex" (rowid, title, body, programme_id)
                    SELECT {string.Format(CultureInfo.InvariantCulture, rowid, row)}, {row}."{title}", {Body(row, body)}, {row}."ProgrammeId"
                    """;
                string Delete(string row) =>
                    $"""DELETE FROM "SearchIndex" WHERE rowid = {string.Format(CultureInfo.InvariantCulture, rowid, row)}""";
                var watched = string.Join(", ", new[] { title, "DeletedAt", "ProgrammeId" }.Concat(body).Select(c => $"\"{c}\""));

                migrationBuilder.Sql($"""{Insert("t")} FROM "{table}" AS t WHERE t."DeletedAt" IS NULL;""");
                migrationBuilder.Sql(
                    $"""
                    CREATE TRIGGER "{table}_search_insert" AFTER INSERT ON "{table}" WHEN new."DeletedAt" IS NULL BEGIN
                        {Insert("new")};
                    END;
                    """);
                migrationBuilder.Sql(
                    $"""
                    CREATE TRIGGER "{table}_search_update" AFTER UPDATE OF {watched} ON "{table}" BEGIN
                        {Delete("old")};
                        {Insert("new")} WHERE new."DeletedAt" IS NULL;
                    END;
                    """);
                migrationBuilder.Sql(
                    $"""
                    CREATE TRIGGER "{table}_search_delete" AFTER DELETE ON "{table}" BEGIN
                        {Delete("old")};
                    END;
                    """);
            }
        }

        /// <summary>The text columns of a row joined by new lines, nulls left out: <c>coalesce(new."Impact", '') || char(10) || ...</c>.</summary>
        private static string Body(string row, string[] columns) =>
            columns.Length == 0 ? "''" : string.Join(" || char(10) || ", columns.Select(c => $"coalesce({row}.\"{c}\", '')"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, _, _) in Searchable)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_search_insert"; DROP TRIGGER "{table}_search_update"; DROP TRIGGER "{table}_search_delete";""");
            }

            migrationBuilder.Sql("""DROP TABLE "SearchIndex";""");

            migrationBuilder.DropIndex(
                name: "IX_Observations_IndicatorId_Period_Id",
                table: "Observations");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_IndicatorId_Period",
                table: "Observations",
                columns: new[] { "IndicatorId", "Period" });
        }
    }
}
