using HelpPortal.Web.Data;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HelpPortal.Web.Legal;

/// <summary>
/// The footer's links to the pages of content/{culture}/pages/, on every page of the portal: from the catalogue keys,
/// read once in a while, not per request.
/// </summary>
public sealed partial class PageLinksViewComponent(CatalogueKeys catalogue, ILogger<PageLinksViewComponent> logger) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string culture)
    {
        IReadOnlyList<PageEntry> pages;
        try
        {
            pages = await catalogue.PagesAsync(HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The error page has a footer too: a database that cannot be read must not turn a 500 page into a crash.
            LogUnavailable(logger, ex);
            pages = [];
        }

        // Each page once, in this language where it is translated, else in its original with its own slug.
        var links = pages.GroupBy(p => p.Key)
            .Select(versions => versions.FirstOrDefault(p => p.Culture == culture)
                ?? versions.OrderBy(p => p.Culture == PortalCultures.Default ? 0 : 1).First())
            .Select(p => new PageLink(p.Title, PortalUrls.Page(culture, p.Slug), p.Culture))
            .ToList();
        return View("/Legal/Views/_PageLinks.cshtml", new PageLinks(culture, links));
    }

    [LoggerMessage(LogLevel.Warning, "The footer's page links could not be read; the page is shown without them")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
