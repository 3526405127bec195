using System.Xml.Linq;

namespace HelpPortal.Tests.Catalogue;

public abstract class SitemapTests(PortalFactory factory)
{
    public sealed class OnSqlite(PortalFactory factory) : SitemapTests(factory), IClassFixture<PortalFactory>;

    public sealed class OnPostgres(PostgresPortalFactory factory) : SitemapTests(factory), IClassFixture<PostgresPortalFactory>, IRunsOnPostgres;

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [DatabaseFact]
    public async Task The_sitemap_lists_every_page_in_each_language_with_hreflang_alternates()
    {
        var response = await factory.CreateClient().GetAsync("/sitemap.xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        var urls = xml.Root!.Elements(Sitemap + "url").ToList();
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(2 + 16 + 50 + 6, urls.Count);
        var article = urls.Single(u => u.Element(Sitemap + "loc")!.Value == "http://localhost/lv/articles/aizmirsta-parole");
        var alternates = article.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
        Assert.Equal("http://localhost/en/articles/forgotten-password", alternates["en"]);
        Assert.Equal("http://localhost/lv/articles/aizmirsta-parole", alternates["lv"]);
        Assert.Equal("http://localhost/en/articles/forgotten-password", alternates["x-default"]);
        Assert.Equal("2026-11-28", article.Element(Sitemap + "lastmod")!.Value);
    }

    [DatabaseFact]
    public async Task Robots_keep_crawlers_out_of_the_admin_pages_and_point_to_the_sitemap()
    {
        var robots = await factory.CreateClient().GetStringAsync("/robots.txt");

        Assert.Contains("Disallow: /en/admin", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /lv/admin", robots, StringComparison.Ordinal);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }
}
