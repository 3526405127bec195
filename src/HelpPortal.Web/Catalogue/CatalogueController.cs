using HelpPortal.Web.Data;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.Catalogue;

/// <summary>The public FAQ: home, topic and article pages in each language, served from the output cache.</summary>
[Route("{culture:culture}")]
[OutputCache(PolicyName = CatalogueCache.Policy)]
public sealed class CatalogueController(PortalDbContext db, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Home(string culture, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking()
            .OrderBy(t => t.SortOrder)
            .Select(t => new
            {
                Text = t.Translations.Single(x => x.Culture == culture),
                Count = t.Articles.Count,
            })
            .ToListAsync(cancellationToken);
        var popular = await db.Articles.AsNoTracking()
            .Where(a => a.PopularRank != null)
            .OrderBy(a => a.PopularRank)
            .Select(a => a.Translations.Select(t => new TranslationTitle(t.Culture, t.Slug, t.Title, t.Summary)).ToList())
            .ToListAsync(cancellationToken);

        return View(new HomePage
        {
            Culture = culture,
            Title = text["Home.Heading"],
            Description = text["Home.Intro"],
            CanonicalUrl = PortalUrls.Home(culture),
            Languages = PortalPage.Everywhere(PortalUrls.Home),
            Topics = [.. topics.Select(t => new TopicCard(t.Text.Name, t.Text.Description, PortalUrls.Topic(culture, t.Text.Slug), t.Count))],
            PopularQuestions = [.. popular.Select(translations => Question(culture, translations, isCurrent: false))],
        });
    }

    [HttpGet("topics/{slug}")]
    public async Task<IActionResult> Topic(string culture, string slug, CancellationToken cancellationToken)
    {
        var topic = await db.TopicTranslations.AsNoTracking()
            .Where(t => t.Culture == culture && t.Slug == slug)
            .Select(t => new
            {
                t.TopicId,
                t.Name,
                t.Description,
                Translations = t.Topic.Translations.Select(x => new { x.Culture, x.Slug }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (topic is null)
        {
            // A topic renamed, merged or split by topics.yml: its former slug leads to the topic that took its place.
            var moved = await db.SlugRedirects.AsNoTracking()
                .Where(r => r.Kind == RedirectKind.Topic && r.Culture == culture && r.Slug == slug)
                .Join(db.TopicTranslations.Where(t => t.Culture == culture), r => r.TargetKey, t => t.Topic.Key, (r, t) => t.Slug)
                .FirstOrDefaultAsync(cancellationToken);
            return moved is null ? NotFound() : RedirectPermanent(PortalUrls.Topic(culture, moved));
        }

        return View(new TopicPage
        {
            Culture = culture,
            Title = topic.Name,
            Name = topic.Name,
            Description = topic.Description,
            CanonicalUrl = PortalUrls.Topic(culture, slug),
            Languages = [.. topic.Translations.Select(t => new LanguageLink(t.Culture, PortalUrls.Topic(t.Culture, t.Slug), Exists: true))],
            Breadcrumbs = [new(text["Nav.Home"], PortalUrls.Home(culture)), new(topic.Name, null)],
            Questions = await QuestionsAsync(topic.TopicId, culture, currentArticleId: null, cancellationToken),
        });
    }

    [HttpGet("articles/{slug}")]
    public async Task<IActionResult> Article(string culture, string slug, CancellationToken cancellationToken)
    {
        var article = await FindArticleAsync(culture, slug, cancellationToken);
        if (article is null)
        {
            // An old link in the other language's slug to an article that has a translation here: send it to the right address.
            var translated = await db.ArticleTranslations.AsNoTracking()
                .Where(t => t.Slug == slug && t.Culture != culture)
                .SelectMany(t => t.Article.Translations.Where(x => x.Culture == culture).Select(x => x.Slug))
                .FirstOrDefaultAsync(cancellationToken);
            if (translated is not null)
            {
                return RedirectPermanent(PortalUrls.Article(culture, translated));
            }

            // A renamed file: its former slug (redirect_from:) leads to the article in this language, or to its original.
            var moved = await db.SlugRedirects.AsNoTracking()
                .Where(r => r.Kind == RedirectKind.Article && r.Slug == slug)
                .Join(db.ArticleTranslations, r => r.TargetKey, t => t.Article.Key, (r, t) => new CultureSlug(t.Culture, t.Slug))
                .ToListAsync(cancellationToken);
            var target = moved.FirstOrDefault(t => t.Culture == culture) ?? moved.FirstOrDefault();
            return target is null ? NotFound() : RedirectPermanent(PortalUrls.Article(culture, target.Slug));
        }

        var topicName = article.TopicNames.FirstOrDefault(t => t.Culture == culture)?.Name ?? "";
        var topicSlug = article.TopicNames.FirstOrDefault(t => t.Culture == culture)?.Slug ?? "";
        return View(new ArticlePage
        {
            Culture = culture,
            ContentCulture = article.Culture,
            ArticleKey = article.Key,
            Title = article.Title,
            Description = article.Summary,
            Summary = article.Summary,
            Html = article.Html,
            Updated = article.UpdatedOn,
            CanonicalUrl = PortalUrls.Article(article.Culture, article.Slug),
            Languages = [.. PortalCultures.All.Select(c => article.Translations.FirstOrDefault(t => t.Culture == c) is { } t
                ? new LanguageLink(c, PortalUrls.Article(c, t.Slug), Exists: true)
                : new LanguageLink(c, PortalUrls.Article(c, article.Slug), Exists: false))],
            Breadcrumbs =
            [
                new(text["Nav.Home"], PortalUrls.Home(culture)),
                new(topicName, PortalUrls.Topic(culture, topicSlug)),
                new(article.Title, null),
            ],
            TopicQuestions = await QuestionsAsync(article.TopicId, culture, article.ArticleId, cancellationToken),
            RelatedQuestions = await RelatedAsync(article.RelatedKeys, culture, cancellationToken),
        });
    }

    private sealed record ArticleRow(
        int ArticleId, string Key, int TopicId, string Culture, string Slug, string Title, string? Summary, string Html, DateOnly? UpdatedOn,
        string RelatedKeys, List<CultureSlug> Translations, List<TopicName> TopicNames);

    private sealed record CultureSlug(string Culture, string Slug);

    private sealed record TranslationTitle(string Culture, string Slug, string Title, string? Summary);

    private sealed record TopicName(string Culture, string Slug, string Name);

    /// <summary>
    /// The article in this language, or else — when it has no translation here yet — the original addressed by its own slug,
    /// so the language switcher never leads to a 404.
    /// </summary>
    private async Task<ArticleRow?> FindArticleAsync(string culture, string slug, CancellationToken cancellationToken)
    {
        var candidates = db.ArticleTranslations.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Where(t => t.Culture == culture || !t.Article.Translations.Any(x => x.Culture == culture))
            .Select(t => new ArticleRow(
                t.ArticleId, t.Article.Key, t.Article.TopicId, t.Culture, t.Slug, t.Title, t.Summary, t.Html, t.UpdatedOn, t.RelatedKeys,
                t.Article.Translations.Select(x => new CultureSlug(x.Culture, x.Slug)).ToList(),
                t.Article.Topic.Translations.Select(x => new TopicName(x.Culture, x.Slug, x.Name)).ToList()));
        var rows = await candidates.ToListAsync(cancellationToken);
        return rows.FirstOrDefault(r => r.Culture == culture) ?? rows.FirstOrDefault();
    }

    private async Task<IReadOnlyList<QuestionLink>> QuestionsAsync(int topicId, string culture, int? currentArticleId, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.TopicId == topicId)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Key)
            .Select(a => new
            {
                a.Id,
                Translations = a.Translations.Select(t => new TranslationTitle(t.Culture, t.Slug, t.Title, t.Summary)).ToList(),
            })
            .ToListAsync(cancellationToken);

        return [.. articles.Select(a => Question(culture, a.Translations, a.Id == currentArticleId))];
    }

    /// <summary>The article's "Related questions", in the author's order; a key no longer in the catalogue is left out.</summary>
    private async Task<IReadOnlyList<QuestionLink>> RelatedAsync(string relatedKeys, string culture, CancellationToken cancellationToken)
    {
        var keys = relatedKeys.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0)
        {
            return [];
        }

        var articles = await db.Articles.AsNoTracking()
            .Where(a => keys.Contains(a.Key))
            .Select(a => new
            {
                a.Key,
                Translations = a.Translations.Select(t => new TranslationTitle(t.Culture, t.Slug, t.Title, t.Summary)).ToList(),
            })
            .ToListAsync(cancellationToken);

        return [.. articles.Where(a => a.Translations.Count > 0).OrderBy(a => Array.IndexOf(keys, a.Key))
            .Select(a => Question(culture, a.Translations, isCurrent: false))];
    }

    /// <summary>A question without a translation yet is still listed, in its original language and marked as such.</summary>
    private static QuestionLink Question(string culture, List<TranslationTitle> translations, bool isCurrent)
    {
        var t = translations.FirstOrDefault(x => x.Culture == culture) ?? translations.OrderBy(x => x.Culture == PortalCultures.Default ? 0 : 1).First();
        return new QuestionLink(t.Title, t.Summary, PortalUrls.Article(culture, t.Slug), t.Culture, isCurrent);
    }
}
