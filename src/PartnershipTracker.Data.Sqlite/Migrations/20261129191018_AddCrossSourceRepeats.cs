using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipTracker.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddCrossSourceRepeats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PassageCopies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineStart = table.Column<int>(type: "INTEGER", nullable: false),
                    LineEnd = table.Column<int>(type: "INTEGER", nullable: false),
                    CopyOfSourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    CopyOfLineStart = table.Column<int>(type: "INTEGER", nullable: false),
                    CopyOfLineEnd = table.Column<int>(type: "INTEGER", nullable: false),
                    Similarity = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PassageCopies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PassageCopies_Sources_CopyOfSourceId",
                        column: x => x.CopyOfSourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PassageCopies_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SourcePassages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineStart = table.Column<int>(type: "INTEGER", nullable: false),
                    LineEnd = table.Column<int>(type: "INTEGER", nullable: false),
                    MinHash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourcePassages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourcePassages_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PassageBands",
                columns: table => new
                {
                    BandKey = table.Column<long>(type: "INTEGER", nullable: false),
                    PassageId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PassageBands", x => new { x.BandKey, x.PassageId });
                    table.ForeignKey(
                        name: "FK_PassageBands_SourcePassages_PassageId",
                        column: x => x.PassageId,
                        principalTable: "SourcePassages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PassageBands_PassageId",
                table: "PassageBands",
                column: "PassageId");

            migrationBuilder.CreateIndex(
                name: "IX_PassageCopies_CopyOfSourceId",
                table: "PassageCopies",
                column: "CopyOfSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_PassageCopies_SourceId",
                table: "PassageCopies",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_SourcePassages_SourceId",
                table: "SourcePassages",
                column: "SourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PassageBands");

            migrationBuilder.DropTable(
                name: "PassageCopies");

            migrationBuilder.DropTable(
                name: "SourcePassages");
        }
    }
}
