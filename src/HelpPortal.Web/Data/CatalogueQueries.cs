namespace HelpPortal.Web.Data;

public static class CatalogueQueries
{
    /// <summary>
    /// The translations of the article with this key, the one in <paramref name="culture"/> first: take the first to get
    /// the page a visitor of that language is sent to (the original when there is no translation yet).
    /// </summary>
    public static IQueryable<ArticleTranslation> OfArticle(this IQueryable<ArticleTranslation> translations, string key, string culture)
        => translations.Where(t => t.Article.Key == key).OrderBy(t => t.Culture == culture ? 0 : 1);
}
