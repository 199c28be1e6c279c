using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipTracker.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddInitiativeFocusArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FocusArea",
                table: "Initiatives",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FocusArea",
                table: "Initiatives");
        }
    }
}
