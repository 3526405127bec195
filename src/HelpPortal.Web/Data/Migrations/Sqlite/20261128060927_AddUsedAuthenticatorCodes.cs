using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddUsedAuthenticatorCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastAuthenticatorCodeAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastAuthenticatorCodeHash",
                table: "AspNetUsers");

            migrationBuilder.CreateTable(
                name: "UsedAuthenticatorCodes",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    TimeStep = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedAuthenticatorCodes", x => new { x.UserId, x.TimeStep });
                    table.ForeignKey(
                        name: "FK_UsedAuthenticatorCodes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UsedAuthenticatorCodes");

            migrationBuilder.AddColumn<long>(
                name: "LastAuthenticatorCodeAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastAuthenticatorCodeHash",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);
        }
    }
}
