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
    private async Task<List<int>> RankAsync(string culture, SearchQuery query, bool titleOnly, CancellationToken cancellationToken)
        => [.. (await SearchIndex.RankAsync(db, culture, query, anyWord: false, MaxSuggestions, offset: 0, cancellationToken, titleOnly: titleOnly)).Select(r => r.Id)];
}
