using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Search;

/// <summary>
/// Keeps the FTS5 table SearchIndex in step with the catalogue. Called by the content import inside its transaction:
/// only the translations that changed are re-analysed; a count mismatch (a new index, say) rebuilds the whole index.
/// </summary>
internal static class SearchIndex
{
    public static async Task UpdateAsync(
        PortalDbContext db, IReadOnlyCollection<ArticleTranslation> changed, IReadOnlyCollection<int> removedIds, CancellationToken cancellationToken)
    {
        foreach (var id in removedIds.Concat(changed.Select(t => t.Id)))
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM SearchIndex WHERE rowid = {id}", cancellationToken);
        }

        foreach (var translation in changed)
        {
            await InsertAsync(db, translation, cancellationToken);
        }

        var indexed = await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM SearchIndex").SingleAsync(cancellationToken);
        if (indexed != await db.ArticleTranslations.CountAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM SearchIndex", cancellationToken);
            await foreach (var translation in db.ArticleTranslations.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await InsertAsync(db, translation, cancellationToken);
            }
        }
    }

    private static Task<int> InsertAsync(PortalDbContext db, ArticleTranslation translation, CancellationToken cancellationToken)
    {
        var culture = translation.Culture;
        var title = SearchAnalyzer.IndexText(culture, translation.Title);
        var summary = SearchAnalyzer.IndexText(culture, translation.Summary ?? "");
        var body = SearchAnalyzer.IndexText(culture, translation.PlainText);
        return db.Database.ExecuteSqlAsync(
            $"INSERT INTO SearchIndex (rowid, culture, title, summary, body) VALUES ({translation.Id}, {culture}, {title}, {summary}, {body})",
            cancellationToken);
    }
}
