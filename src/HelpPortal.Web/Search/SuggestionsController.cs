using HelpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HelpPortal.Web.Search;

/// <summary>
/// GET /{culture}/search/suggest?q=…: up to five article titles as JSON [{title, url}] for search-suggest.js while a
/// visitor types. Nothing is written (no search miss is counted: a half-typed word is not a query), so the answer may be
/// cached; it changes only when the content does. Rate-limited by its own, larger limit: typing sends several requests
/// for every search.
/// </summary>
[Route("{culture:culture}/search/suggest")]
public sealed class SuggestionsController(ArticleSuggestions suggestions) : Controller
{
    [HttpGet("")]
    [EnableRateLimiting(RateLimiting.SuggestionsPolicy)]
    public async Task<IActionResult> Index(string culture, string? q, CancellationToken cancellationToken)
    {
        var found = await suggestions.SuggestAsync(culture, q, cancellationToken);
        Response.Headers.CacheControl = "public, max-age=300";
        return Json(found);
    }
}
