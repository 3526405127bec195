using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Search;

/// <summary>
/// The full-text index of the catalogue, on whichever database the portal runs: an FTS5 table (SearchIndex) ranked by
/// bm25 on SQLite, a tsvector table (SearchDocuments) with a GIN index ranked by ts_rank_cd on PostgreSQL. Both hold
/// the terms <see cref="SearchAnalyzer"/> made, so a query finds the same articles on either; both weight the title
/// above the summary above the body.
/// </summary>
internal static class SearchIndex
{
    /// <summary>
    /// Called by the content import inside its transaction: only the translations that changed are re-analysed; a count
    /// mismatch (a new index, say) rebuilds the whole index.
    /// </summary>
    public static async Task UpdateAsync(
        PortalDbContext db, IReadOnlyCollection<ArticleTranslation> changed, IReadOnlyCollection<int> removedIds, CancellationToken cancellationToken)
    {
        var postgres = db.IsPostgres();
        foreach (var id in removedIds.Concat(changed.Select(t => t.Id)))
        {
            await (postgres
                ? db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchDocuments" WHERE "Id" = {id}""", cancellationToken)
                : db.Database.ExecuteSqlAsync($"DELETE FROM SearchIndex WHERE rowid = {id}", cancellationToken));
        }

        foreach (var translation in changed)
        {
            await InsertAsync(db, translation, cancellationToken);
        }

        var indexed = await (postgres
            ? db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "SearchDocuments" """)
            : db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM SearchIndex")).SingleAsync(cancellationToken);
        if (indexed != await db.ArticleTranslations.CountAsync(cancellationToken))
        {
            await (postgres
                ? db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchDocuments" """, cancellationToken)
                : db.Database.ExecuteSqlAsync($"DELETE FROM SearchIndex", cancellationToken));
            await foreach (var translation in db.ArticleTranslations.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await InsertAsync(db, translation, cancellationToken);
            }
        }
    }

    /// <summary>One page of matching translation ids, best first, with how many match in all (one pass over the index).</summary>
    /// <param name="exactFirst">When set, the translations it matches come before the others (typed words above corrected ones).</param>
    /// <param name="titleOnly">When set (and no <paramref name="exactFirst"/>), only translations whose title matches: the suggestions while typing.</param>
    public static Task<List<RankedId>> RankAsync(
        PortalDbContext db, string culture, SearchQuery query, bool anyWord, int limit, int offset, CancellationToken cancellationToken,
        SearchQuery? exactFirst = null, bool titleOnly = false)
    {
        if (exactFirst is not null)
        {
            return RankExactFirstAsync(db, culture, query, anyWord, limit, offset, exactFirst, cancellationToken);
        }

        if (db.IsPostgres())
        {
            // ts_rank_cd's weights are for D, C, B, A: body (C) 0.1, summary (B) 0.4, title (A) 1.0 — bm25's 1 : 4 : 10.
            var tsQuery = query.ToTsQuery(anyWord);
            return db.Database.SqlQuery<RankedId>($"""
                SELECT "Id", count(*) OVER ()::int AS "Total"
                FROM "SearchDocuments", to_tsquery('simple', {tsQuery}) AS query
                WHERE "Culture" = {culture} AND "Terms" @@ query
                  AND (NOT {titleOnly} OR ts_filter("Terms", ARRAY['a']::"char"[]) @@ query)
                ORDER BY ts_rank_cd(ARRAY[0.0, 0.1, 0.4, 1.0]::real[], "Terms", query) DESC, "Id"
                LIMIT {limit} OFFSET {offset}
                """).ToListAsync(cancellationToken);
        }

        var match = Fts5Match(culture, query.ToMatchExpression(anyWord), titleOnly ? "title" : TextColumns);
        return db.Database
            .SqlQuery<RankedId>($"SELECT Id, count(*) OVER () AS Total FROM (SELECT rowid AS Id, bm25(SearchIndex, 0.0, 10.0, 4.0, 1.0) AS Rank FROM SearchIndex WHERE SearchIndex MATCH {match}) ORDER BY Rank, Id LIMIT {limit} OFFSET {offset}")
            .ToListAsync(cancellationToken);
    }

    private static Task<List<RankedId>> RankExactFirstAsync(
        PortalDbContext db, string culture, SearchQuery query, bool anyWord, int limit, int offset, SearchQuery exactFirst, CancellationToken cancellationToken)
    {
        if (db.IsPostgres())
        {
            var tsQuery = query.ToTsQuery(anyWord);
            var exact = exactFirst.ToTsQuery(anyWord);
            return db.Database.SqlQuery<RankedId>($"""
                SELECT "Id", count(*) OVER ()::int AS "Total"
                FROM "SearchDocuments", to_tsquery('simple', {tsQuery}) AS query, to_tsquery('simple', {exact}) AS exact
                WHERE "Culture" = {culture} AND "Terms" @@ query
                ORDER BY "Terms" @@ exact DESC, ts_rank_cd(ARRAY[0.0, 0.1, 0.4, 1.0]::real[], "Terms", query) DESC, "Id"
                LIMIT {limit} OFFSET {offset}
                """).ToListAsync(cancellationToken);
        }

        var match = Fts5Match(culture, query.ToMatchExpression(anyWord), TextColumns);
        var exactMatch = Fts5Match(culture, exactFirst.ToMatchExpression(anyWord), TextColumns);
        return db.Database
            .SqlQuery<RankedId>($"SELECT Id, count(*) OVER () AS Total FROM (SELECT rowid AS Id, bm25(SearchIndex, 0.0, 10.0, 4.0, 1.0) AS Rank FROM SearchIndex WHERE SearchIndex MATCH {match}) ORDER BY Id IN (SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH {exactMatch}) DESC, Rank LIMIT {limit} OFFSET {offset}")
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many translations match, for the pager past the last page.</summary>
    public static Task<int> CountAsync(PortalDbContext db, string culture, SearchQuery query, bool anyWord, CancellationToken cancellationToken)
        => (db.IsPostgres()
            ? db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "SearchDocuments" WHERE "Culture" = {culture} AND "Terms" @@ to_tsquery('simple', {query.ToTsQuery(anyWord)})""")
            : db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM SearchIndex WHERE SearchIndex MATCH {Fts5Match(culture, query.ToMatchExpression(anyWord), TextColumns)}"))
            .SingleAsync(cancellationToken);

    /// <summary>
    /// Every term the index holds for one language, with how many articles hold it: the vocabulary that typo
    /// correction chooses from. A full pass over the index, made once after each import (see <see cref="SearchVocabulary"/>).
    /// </summary>
    public static async Task<Dictionary<string, int>> TermsAsync(PortalDbContext db, string culture, CancellationToken cancellationToken)
    {
        if (db.IsPostgres())
        {
            // ts_stat reads the tsvectors a query returns; the culture is quoted by format's %L.
            return await db.Database.SqlQuery<IndexTerm>($"""
                SELECT word AS "Term", ndoc AS "Documents"
                FROM ts_stat(format('SELECT "Terms" FROM "SearchDocuments" WHERE "Culture" = %L', {culture}::text))
                """).ToDictionaryAsync(t => t.Term, t => t.Documents, StringComparer.Ordinal, cancellationToken);
        }

        // FTS5's own term list, as a temporary table of this connection: "instance" rows (term, document) rather than
        // "row" totals, because the culture is a column of the documents, not of the terms.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.SearchIndexTerms USING fts5vocab(main, SearchIndex, instance)", cancellationToken);
            return await db.Database.SqlQuery<IndexTerm>($"""
                SELECT term AS Term, count(DISTINCT doc) AS Documents FROM temp.SearchIndexTerms
                WHERE col <> 'culture' AND doc IN (SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH {Fts5Match(culture)}) GROUP BY term
                """).ToDictionaryAsync(t => t.Term, t => t.Documents, StringComparer.Ordinal, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The columns a search looks in: every one but the culture, whose own token ("en", "lv") is no answer.</summary>
    private const string TextColumns = "{title summary body}";

    /// <summary>An FTS5 query for the translations of one culture, selected through the index (the culture is an indexed column).</summary>
    private static string Fts5Match(string culture) => "culture : \"" + culture.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The translations of one culture whose <paramref name="columns"/> match <paramref name="expression"/>. FTS5's
    /// column filter applies to the whole parenthesised expression: with "title", every phrase must be in the title.
    /// </summary>
    private static string Fts5Match(string culture, string expression, string columns) => $"{Fts5Match(culture)} AND {columns} : ({expression})";

    private static Task<int> InsertAsync(PortalDbContext db, ArticleTranslation translation, CancellationToken cancellationToken)
    {
        var id = translation.Id;
        var culture = translation.Culture;
        var title = SearchAnalyzer.IndexText(culture, translation.Title);
        var summary = SearchAnalyzer.IndexText(culture, translation.Summary ?? "");
        var body = SearchAnalyzer.IndexText(culture, translation.PlainText);
        return db.IsPostgres()
            ? db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "SearchDocuments" ("Id", "Culture", "Terms") VALUES ({id}, {culture},
                    setweight(to_tsvector('simple', {title}), 'A') || setweight(to_tsvector('simple', {summary}), 'B') || setweight(to_tsvector('simple', {body}), 'C'))
                """,
                cancellationToken)
            : db.Database.ExecuteSqlAsync(
                $"INSERT INTO SearchIndex (rowid, culture, title, summary, body) VALUES ({id}, {culture}, {title}, {summary}, {body})",
                cancellationToken);
    }
}

internal sealed record IndexTerm(string Term, int Documents);
