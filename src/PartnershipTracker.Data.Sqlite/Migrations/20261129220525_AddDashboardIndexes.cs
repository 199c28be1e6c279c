using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipTracker.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ProgrammeId_Status",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_Status",
                table: "Challenges");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ProgrammeId_AreaId_DeletedAt",
                table: "Recommendations",
                columns: new[] { "ProgrammeId", "AreaId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ProgrammeId_Status_DeletedAt",
                table: "Recommendations",
                columns: new[] { "ProgrammeId", "Status", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ProgrammeId_Status_DeletedAt",
                table: "Milestones",
                columns: new[] { "ProgrammeId", "Status", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProgrammeId_AreaId_DeletedAt",
                table: "Initiatives",
                columns: new[] { "ProgrammeId", "AreaId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProgrammeId_Status_DeletedAt",
                table: "Initiatives",
                columns: new[] { "ProgrammeId", "Status", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRecords_ProgrammeId_Id",
                table: "ChangeRecords",
                columns: new[] { "ProgrammeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_AreaId_DeletedAt",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "AreaId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_Status_Severity_DeletedAt",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "Status", "Severity", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Achievements_ProgrammeId_AreaId_DeletedAt",
                table: "Achievements",
                columns: new[] { "ProgrammeId", "AreaId", "DeletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ProgrammeId_AreaId_DeletedAt",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ProgrammeId_Status_DeletedAt",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_ProgrammeId_Status_DeletedAt",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ProgrammeId_AreaId_DeletedAt",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ProgrammeId_Status_DeletedAt",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_ChangeRecords_ProgrammeId_Id",
                table: "ChangeRecords");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_AreaId_DeletedAt",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_Status_Severity_DeletedAt",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Achievements_ProgrammeId_AreaId_DeletedAt",
                table: "Achievements");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProgrammeId_Status",
                table: "Initiatives",
                columns: new[] { "ProgrammeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_Status",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "Status" });
        }
    }
}
