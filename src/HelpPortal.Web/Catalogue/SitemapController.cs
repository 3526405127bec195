using System.Text;
using System.Xml;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Catalogue;

/// <summary>/sitemap.xml (every home, topic, article and content page in each language, with hreflang alternates) and /robots.txt.</summary>
public sealed class SitemapController(PortalDbContext db, PublicOrigin publicOrigin) : Controller
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    [HttpGet("/sitemap.xml")]
    [OutputCache(PolicyName = CatalogueCache.Policy)]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder)
            .Select(t => t.Translations.Select(x => new { x.Culture, x.Slug }).ToList()).ToListAsync(cancellationToken);
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Topic.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => a.Translations.Select(x => new { x.Culture, x.Slug, x.UpdatedOn }).ToList()).ToListAsync(cancellationToken);
        var contentPages = await db.ContentPages.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Key).ThenBy(p => p.Culture)
            .Select(p => new { p.Key, p.Culture, p.Slug, p.UpdatedOn }).ToListAsync(cancellationToken);

        var pages = new List<IReadOnlyList<(string Culture, string Url, DateOnly? Updated)>>
        {
            PortalCultures.All.Select(c => (c, PortalUrls.Home(c), (DateOnly?)null)).ToList(),
        };
        pages.AddRange(topics.Select(t => t.Select(x => (x.Culture, PortalUrls.Topic(x.Culture, x.Slug), (DateOnly?)null)).ToList()));
        pages.AddRange(articles.Select(a => a.Select(x => (x.Culture, PortalUrls.Article(x.Culture, x.Slug), x.UpdatedOn)).ToList()));
        pages.AddRange(contentPages.GroupBy(p => p.Key).Select(g => g.Select(x => (x.Culture, PortalUrls.Page(x.Culture, x.Slug), x.UpdatedOn)).ToList()));

        var origin = publicOrigin.Absolute(Request, "");
        using var output = new MemoryStream();
        await using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, "urlset", SitemapNamespace);
            await xml.WriteAttributeStringAsync("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var versions in pages)
            {
                // One <url> per language version, each listing every version that exists (itself included) and x-default.
                foreach (var (_, url, updated) in versions)
                {
                    await xml.WriteStartElementAsync(null, "url", SitemapNamespace);
                    await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, origin + url);
                    if (updated is { } day)
                    {
                        await xml.WriteElementStringAsync(null, "lastmod", SitemapNamespace, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    var alternates = versions.Select(v => (Lang: v.Culture, v.Url)).ToList();
                    var fallback = alternates.FirstOrDefault(v => v.Lang == PortalCultures.Default);
                    alternates.Add(("x-default", fallback.Url ?? alternates[0].Url));
                    foreach (var (lang, href) in alternates)
                    {
                        await xml.WriteStartElementAsync("xhtml", "link", XhtmlNamespace);
                        await xml.WriteAttributeStringAsync(null, "rel", null, "alternate");
                        await xml.WriteAttributeStringAsync(null, "hreflang", null, lang);
                        await xml.WriteAttributeStringAsync(null, "href", null, origin + href);
                        await xml.WriteEndElementAsync();
                    }

                    await xml.WriteEndElementAsync();
                }
            }

            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
        }

        return File(output.ToArray(), "application/xml; charset=utf-8");
    }

    [HttpGet("/robots.txt")]
    public IActionResult Robots()
    {
        var lines = new List<string> { "User-agent: *" };
        foreach (var culture in PortalCultures.All)
        {
            lines.Add($"Disallow: /{culture}/admin");
            lines.Add($"Disallow: /{culture}/search");
            lines.Add($"Disallow: /{culture}/survey");
            lines.Add($"Disallow: /{culture}/feedback");
        }

        lines.Add("Disallow: /language/");
        lines.Add($"Sitemap: {publicOrigin.Absolute(Request, "/sitemap.xml")}");
        return Content(string.Join('\n', lines) + "\n", "text/plain; charset=utf-8");
    }
}
