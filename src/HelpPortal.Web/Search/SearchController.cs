using HelpPortal.Web.Catalogue;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.Search;

public sealed record SearchPage : PortalPage
{
    public required string Query { get; init; }

    public required SearchResults Results { get; init; }

    public required int Page { get; init; }

    /// <summary>Whether the visitor asked for the query as typed, without typo correction.</summary>
    public bool Exact { get; init; }

    public required int Pages { get; init; }

    /// <summary>When nothing was found in this language: what the other language has.</summary>
    public SearchResults? OtherLanguage { get; init; }

    public string? OtherCulture { get; init; }

    /// <summary>When nothing was found anywhere: the topics to browse instead.</summary>
    public IReadOnlyList<TopicCard> Topics { get; init; } = [];

    public override bool HasOwnSearch => true;
}

/// <summary>A list of hits named by the heading <paramref name="HeadingId"/>.</summary>
/// <param name="InOtherLanguage">Hits in the other language are marked with their own lang and hreflang.</param>
public sealed record SearchHitList(string HeadingId, IReadOnlyList<SearchHit> Hits, bool InOtherLanguage);

/// <summary>
/// GET /{culture}/search?q=…: results best first, 20 a page. Not output-cached: every query that finds nothing is counted,
/// so searches are rate-limited per client like the other anonymous writes.
/// </summary>
[Route("{culture:culture}/search")]
public sealed class SearchController(ArticleSearch search, SearchMissLog misses, PortalDbContext db, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("")]
    [EnableRateLimiting(RateLimiting.SearchPolicy)]
    public async Task<IActionResult> Index(string culture, string? q, int page = 1, int exact = 0, CancellationToken cancellationToken = default)
    {
        var query = (q ?? "").Trim();
        if (query.Length > SearchAnalyzer.MaxQueryLength)
        {
            query = query[..SearchAnalyzer.MaxQueryLength];
        }

        page = Math.Clamp(page, 1, 1000);
        var results = query.Length == 0 ? SearchResults.None : await search.SearchAsync(culture, q, page, ArticleSearch.PageSize, cancellationToken, exact == 1);
        SearchResults? other = null;
        string? otherCulture = null;
        IReadOnlyList<TopicCard> topics = [];
        // A query that typo correction answered is not a miss: the visitor found something.
        if (query.Length > 0 && results.Total == 0)
        {
            await misses.CountAsync(culture, query, cancellationToken);
            otherCulture = PortalCultures.All.First(c => c != culture);
            other = await search.SearchAsync(otherCulture, q, 1, 5, cancellationToken);
            if (other.Total == 0)
            {
                topics = await db.TopicTranslations.AsNoTracking().Where(t => t.Culture == culture).OrderBy(t => t.Topic.SortOrder)
                    .Select(t => new TopicCard(t.Name, t.Description, PortalUrls.Topic(culture, t.Slug), t.Topic.Articles.Count))
                    .ToListAsync(cancellationToken);
            }
        }

        Response.Headers.CacheControl = "no-store";
        return View("Index", new SearchPage
        {
            Culture = culture,
            Title = query.Length == 0 ? text["Search.Title"] : string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Search.TitleFor"], query),
            CanonicalUrl = PortalUrls.Search(culture, null),
            Languages = PortalPage.Everywhere(c => PortalUrls.Search(c, query)),
            Query = query,
            Results = results,
            Page = page,
            Exact = exact == 1,
            Pages = Math.Max(1, (int)Math.Ceiling(results.Total / (double)ArticleSearch.PageSize)),
            OtherLanguage = other,
            OtherCulture = otherCulture,
            Topics = topics,
        });
    }
}
