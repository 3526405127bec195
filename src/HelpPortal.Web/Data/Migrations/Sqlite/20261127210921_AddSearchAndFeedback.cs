using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSearchAndFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PlainText",
                table: "ArticleTranslations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ArticleVotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    VoterHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    VotedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleVotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchMisses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchMisses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleVotes_ArticleKey_VoterHash",
                table: "ArticleVotes",
                columns: new[] { "ArticleKey", "VoterHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchMisses_Culture_Day_Query",
                table: "SearchMisses",
                columns: new[] { "Culture", "Day", "Query" },
                unique: true);

            // The search index: one row per article translation (rowid = ArticleTranslations.Id), holding the analysed
            // terms (stemmed, diacritics folded) that SearchAnalyzer makes at import. Written only by the content import.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE SearchIndex USING fts5(culture UNINDEXED, title, summary, body, tokenize = 'unicode61 remove_diacritics 2');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchIndex;");

            migrationBuilder.DropTable(
                name: "ArticleVotes");

            migrationBuilder.DropTable(
                name: "SearchMisses");

            migrationBuilder.DropColumn(
                name: "PlainText",
                table: "ArticleTranslations");
        }
    }
}
