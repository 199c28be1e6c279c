using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipTracker.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddListAndDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ProgrammeId_Cycle",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_ProgrammeId_Date",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ProgrammeId_Status",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_ProgrammeId",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_Status",
                table: "Challenges");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ProgrammeId_AreaId_DeletedAt",
                table: "Recommendations",
                columns: new[] { "ProgrammeId", "AreaId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ProgrammeId_AreaId_Id",
                table: "Recommendations",
                columns: new[] { "ProgrammeId", "AreaId", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ProgrammeId_Cycle_Id",
                table: "Recommendations",
                columns: new[] { "ProgrammeId", "Cycle", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ProgrammeId_Id",
                table: "Recommendations",
                columns: new[] { "ProgrammeId", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ProgrammeId_Status_DeletedAt",
                table: "Recommendations",
                columns: new[] { "ProgrammeId", "Status", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ProgrammeId_Status_Id",
                table: "Recommendations",
                columns: new[] { "ProgrammeId", "Status", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ProgrammeId_Date_Id",
                table: "Milestones",
                columns: new[] { "ProgrammeId", "Date", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ProgrammeId_Id",
                table: "Milestones",
                columns: new[] { "ProgrammeId", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ProgrammeId_Status_DeletedAt",
                table: "Milestones",
                columns: new[] { "ProgrammeId", "Status", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ProgrammeId_Status_Id",
                table: "Milestones",
                columns: new[] { "ProgrammeId", "Status", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProgrammeId_AreaId_DeletedAt",
                table: "Initiatives",
                columns: new[] { "ProgrammeId", "AreaId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProgrammeId_AreaId_Id",
                table: "Initiatives",
                columns: new[] { "ProgrammeId", "AreaId", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProgrammeId_Id",
                table: "Initiatives",
                columns: new[] { "ProgrammeId", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProgrammeId_Name_Id",
                table: "Initiatives",
                columns: new[] { "ProgrammeId", "Name", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProgrammeId_Status_DeletedAt",
                table: "Initiatives",
                columns: new[] { "ProgrammeId", "Status", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProgrammeId_Status_Id",
                table: "Initiatives",
                columns: new[] { "ProgrammeId", "Status", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProgrammeId_AreaId_Id",
                table: "Indicators",
                columns: new[] { "ProgrammeId", "AreaId", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRecords_ProgrammeId_Id",
                table: "ChangeRecords",
                columns: new[] { "ProgrammeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_AreaId_DeletedAt",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "AreaId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_AreaId_Id",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "AreaId", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_Id",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_Severity_Id",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "Severity", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_Status_Id",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "Status", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_Status_Severity_DeletedAt",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "Status", "Severity", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_Title_Id",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "Title", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Achievements_ProgrammeId_AreaId_DeletedAt",
                table: "Achievements",
                columns: new[] { "ProgrammeId", "AreaId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Achievements_ProgrammeId_AreaId_Id",
                table: "Achievements",
                columns: new[] { "ProgrammeId", "AreaId", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Achievements_ProgrammeId_Id",
                table: "Achievements",
                columns: new[] { "ProgrammeId", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Achievements_ProgrammeId_Title_Id",
                table: "Achievements",
                columns: new[] { "ProgrammeId", "Title", "Id" },
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ProgrammeId_AreaId_DeletedAt",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ProgrammeId_AreaId_Id",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ProgrammeId_Cycle_Id",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ProgrammeId_Id",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ProgrammeId_Status_DeletedAt",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ProgrammeId_Status_Id",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_ProgrammeId_Date_Id",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_ProgrammeId_Id",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_ProgrammeId_Status_DeletedAt",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_ProgrammeId_Status_Id",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ProgrammeId_AreaId_DeletedAt",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ProgrammeId_AreaId_Id",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ProgrammeId_Id",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ProgrammeId_Name_Id",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ProgrammeId_Status_DeletedAt",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ProgrammeId_Status_Id",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_ProgrammeId_AreaId_Id",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_ChangeRecords_ProgrammeId_Id",
                table: "ChangeRecords");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_AreaId_DeletedAt",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_AreaId_Id",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_Id",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_Severity_Id",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_Status_Id",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_Status_Severity_DeletedAt",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Challenges_ProgrammeId_Title_Id",
                table: "Challenges");

            migrationBuilder.DropIndex(
                name: "IX_Achievements_ProgrammeId_AreaId_DeletedAt",
                table: "Achievements");

            migrationBuilder.DropIndex(
                name: "IX_Achievements_ProgrammeId_AreaId_Id",
                table: "Achievements");

            migrationBuilder.DropIndex(
                name: "IX_Achievements_ProgrammeId_Id",
                table: "Achievements");

            migrationBuilder.DropIndex(
                name: "IX_Achievements_ProgrammeId_Title_Id",
                table: "Achievements");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ProgrammeId_Cycle",
                table: "Recommendations",
                columns: new[] { "ProgrammeId", "Cycle" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ProgrammeId_Date",
                table: "Milestones",
                columns: new[] { "ProgrammeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProgrammeId_Status",
                table: "Initiatives",
                columns: new[] { "ProgrammeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProgrammeId",
                table: "Indicators",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ProgrammeId_Status",
                table: "Challenges",
                columns: new[] { "ProgrammeId", "Status" });
        }
    }
}
