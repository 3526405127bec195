using HelpPortal.Web.Data;
using HelpPortal.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Search;

/// <summary>One suggestion while a visitor types: an article's title and where it is (serialised as {title, url}).</summary>
public sealed record ArticleSuggestion(string Title, string Url);

/// <summary>
/// Article titles for the search box while a visitor types: the same index, analysis and quoting as
/// <see cref="ArticleSearch"/> (the last word matches as a prefix), every word required. Articles whose title matches
/// come first, because a suggestion that does not contain what was typed looks wrong; the rest of the five places go
/// to the best matches anywhere in the article, so "reset passw" still suggests "Forgotten password".
/// </summary>
public sealed class ArticleSuggestions(PortalDbContext db)
{
    public const int MaxSuggestions = 5;

    /// <summary>Fewer characters than this suggest nothing: one letter matches half the catalogue.</summary>
    public const int MinQueryLength = 2;

    public async Task<IReadOnlyList<ArticleSuggestion>> SuggestAsync(string culture, string? text, CancellationToken cancellationToken)
    {
        if ((text ?? "").Trim().Length < MinQueryLength)
        {
            return [];
        }

        var query = SearchQuery.Parse(culture, text);
        if (query.IsEmpty)
        {
            return [];
        }

        var ids = await RankAsync(culture, query, titleOnly: true, cancellationToken);
        if (ids.Count < MaxSuggestions)
        {
            var anywhere = await RankAsync(culture, query, titleOnly: false, cancellationToken);
            ids = [.. ids.Concat(anywhere).Distinct().Take(MaxSuggestions)];
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.ArticleTranslations.AsNoTracking()
            .Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Culture, t.Slug, t.Title })
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        return [.. ids.Where(rows.ContainsKey).Select(id => new ArticleSuggestion(rows[id].Title, PortalUrls.Article(rows[id].Culture, rows[id].Slug)))];
    }

    /// <summary>The best few ids, matched in the title alone or anywhere, ranked as search ranks them.</summary>
    private Task<List<int>> RankAsync(string culture, SearchQuery query, bool titleOnly, CancellationToken cancellationToken)
    {
        if (db.IsPostgres())
        {
            // The title's terms carry weight A; ts_filter keeps only those. The GIN index still narrows the rows first
            // ("Terms" @@ query), so the filter only re-checks the few that match anywhere.
            var tsQuery = query.ToTsQuery(anyWord: false);
            return db.Database.SqlQuery<int>($"""
                SELECT "Id" AS "Value"
                FROM "SearchDocuments", to_tsquery('simple', {tsQuery}) AS query
                WHERE "Culture" = {culture} AND "Terms" @@ query AND (NOT {titleOnly} OR ts_filter("Terms", ARRAY['a']::"char"[]) @@ query)
                ORDER BY ts_rank_cd(ARRAY[0.0, 0.1, 0.4, 1.0]::real[], "Terms", query) DESC, "Id"
                LIMIT {MaxSuggestions}
                """).ToListAsync(cancellationToken);
        }

        // FTS5's column filter applies to the whole parenthesised expression: every phrase must be in the title.
        var match = query.ToMatchExpression(anyWord: false);
        if (titleOnly)
        {
            match = "title : (" + match + ")";
        }

        return db.Database
            .SqlQuery<int>($"SELECT rowid AS Value FROM SearchIndex WHERE SearchIndex MATCH {match} AND culture = {culture} ORDER BY bm25(SearchIndex, 0.0, 10.0, 4.0, 1.0), rowid LIMIT {MaxSuggestions}")
            .ToListAsync(cancellationToken);
    }
}
