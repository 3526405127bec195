using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSurveyResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    SourceArticle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    QuestionSet = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Q1 = table.Column<int>(type: "INTEGER", nullable: false),
                    Q2 = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Q3 = table.Column<int>(type: "INTEGER", nullable: false),
                    Q4 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Q5 = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CompletionSeconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SourceArticle",
                table: "SurveyResponses",
                column: "SourceArticle");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SubmittedAt",
                table: "SurveyResponses",
                column: "SubmittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyResponses");
        }
    }
}
