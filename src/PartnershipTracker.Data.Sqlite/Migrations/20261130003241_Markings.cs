using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipTracker.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Markings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "IngestDrafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // NATO UNCLASSIFIED, as existing records got in AddAccountsMarkingsReviewAudit

            migrationBuilder.AddColumn<string>(
                name: "ReleasableTo",
                table: "IngestDrafts",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Classification",
                table: "IngestDrafts");

            migrationBuilder.DropColumn(
                name: "ReleasableTo",
                table: "IngestDrafts");
        }
    }
}
