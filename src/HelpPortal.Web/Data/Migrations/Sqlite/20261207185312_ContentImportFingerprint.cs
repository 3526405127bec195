using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentImportFingerprint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fingerprint",
                table: "ContentImports",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "ContentImports");
        }
    }
}
