using HelpPortal.Web.Catalogue;
using HelpPortal.Web.Content;
using HelpPortal.Web.Data;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Legal;

/// <summary>
/// The pages of content/{culture}/pages/ — privacy notice, cookies, accessibility statement — with their placeholders
/// filled in from configuration. Cached like the catalogue: the configuration is fixed for the life of the process.
/// </summary>
[Route("{culture:culture}/pages")]
[OutputCache(PolicyName = CatalogueCache.Policy)]
public sealed class LegalController(
    PortalDbContext db, IOptions<OrganisationOptions> organisation, CookieCatalogue cookies, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("{slug}")]
    public async Task<IActionResult> Page(string culture, string slug, CancellationToken cancellationToken)
    {
        // This language's page, else the other language's page with this slug (an old link, or no translation yet).
        var page = await db.ContentPages.AsNoTracking()
            .Where(p => p.Slug == slug)
            .OrderBy(p => p.Culture == culture ? 0 : 1)
            .FirstOrDefaultAsync(cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var versions = await db.ContentPages.AsNoTracking()
            .Where(p => p.Key == page.Key)
            .Select(p => new { p.Culture, p.Slug })
            .ToListAsync(cancellationToken);
        if (page.Culture != culture && versions.FirstOrDefault(v => v.Culture == culture) is { } translated)
        {
            return RedirectPermanent(PortalUrls.Page(culture, translated.Slug));
        }

        var options = organisation.Value;
        return View(new LegalPage
        {
            Culture = culture,
            ContentCulture = page.Culture,
            Title = page.Title,
            Description = page.Summary,
            CanonicalUrl = PortalUrls.Page(page.Culture, page.Slug),
            Languages = [.. PortalCultures.All.Select(c => versions.FirstOrDefault(v => v.Culture == c) is { } v
                ? new LanguageLink(c, PortalUrls.Page(c, v.Slug), Exists: true)
                : new LanguageLink(c, PortalUrls.Page(c, page.Slug), Exists: false))],
            Body = PagePlaceholders.Split(page.Html),
            Updated = page.UpdatedOn,
            Organisation = new OrganisationDetails(options.NameIn(page.Culture), options.ContactEmail, options.Address),
            Cookies = cookies.All,
            Breadcrumbs = [new(text["Nav.Home"], PortalUrls.Home(culture)), new(page.Title, null)],
        });
    }
}
