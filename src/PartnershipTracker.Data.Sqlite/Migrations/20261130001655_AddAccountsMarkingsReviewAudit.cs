using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipTracker.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddAccountsMarkingsReviewAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "Sources",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ReleasableTo",
                table: "Sources",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "Sources",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "Sources",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "Recommendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ReleasableTo",
                table: "Recommendations",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "Recommendations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "Recommendations",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "Milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ReleasableTo",
                table: "Milestones",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "Milestones",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "Milestones",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "Initiatives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ReleasableTo",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "Indicators",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ReleasableTo",
                table: "Indicators",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "Indicators",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "Indicators",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "ChangeRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ReleasableTo",
                table: "ChangeRecords",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "Challenges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ReleasableTo",
                table: "Challenges",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "Challenges",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "Challenges",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "Areas",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ReleasableTo",
                table: "Areas",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "Areas",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "Areas",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<int>(
                name: "Classification",
                table: "Achievements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ReleasableTo",
                table: "Achievements",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "Achievements",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "Achievements",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<string>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: true),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleasableTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RemoteAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Clearance = table.Column<int>(type: "INTEGER", nullable: false),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    DisabledAt = table.Column<string>(type: "TEXT", nullable: true),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    LastUsedAt = table.Column<string>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_TokenHash",
                table: "ApiTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Users_NormalizedName",
                table: "Users",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_ExpiresAt",
                table: "UserSessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId",
                table: "UserSessions",
                column: "UserId");

            // The audit log is append-only (issue 5): the database itself refuses to change or remove an entry.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_NoDelete\";");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "ReleasableTo",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ReleasableTo",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "ReleasableTo",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "ReleasableTo",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ReleasableTo",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "ChangeRecords");

            migrationBuilder.DropColumn(
                name: "ReleasableTo",
                table: "ChangeRecords");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "ReleasableTo",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "ReleasableTo",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Achievements");

            migrationBuilder.DropColumn(
                name: "ReleasableTo",
                table: "Achievements");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "Achievements");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "Achievements");
        }
    }
}
