using System.Net;

namespace HelpPortal.Tests.Legal;

/// <summary>The privacy notice, cookie list and accessibility statement, with the organisation from configuration.</summary>
public abstract class LegalPageTests(LegalPageTests.ConfiguredPortal portal)
{
    public sealed class OnSqlite(ConfiguredPortal portal) : LegalPageTests(portal), IClassFixture<ConfiguredPortal>;

    public sealed class OnPostgres(PostgresConfiguredPortal portal) : LegalPageTests(portal), IClassFixture<PostgresConfiguredPortal>, IRunsOnPostgres;

    /// <summary>An organisation whose name and address need encoding, as a real one may ("&amp;").</summary>
    public class ConfiguredPortal : PortalFactory
    {
        public ConfiguredPortal()
        {
            Settings["Portal:Organisation:Name:en"] = "Help & <Support> Agency";
            Settings["Portal:Organisation:Name:lv"] = "Atbalsta & <Palīdzības> aģentūra";
            Settings["Portal:Organisation:ContactEmail"] = "palidziba@agency.example.lv";
            Settings["Portal:Organisation:Address:0"] = "Brīvības iela 1 <b>";
            Settings["Portal:Organisation:Address:1"] = "Rīga, LV-1010";
            Settings["Portal:Organisation:Address:2"] = "Latvija";
        }
    }

    public sealed class PostgresConfiguredPortal : ConfiguredPortal
    {
        public PostgresConfiguredPortal() => Database = TestDatabase.Postgres;
    }

    public static TheoryData<string, string, string> Pages => new()
    {
        { "/en/pages/privacy", "Privacy notice", "Help & <Support> Agency" },
        { "/en/pages/cookies", "Cookies", "palidziba@agency.example.lv" },
        { "/en/pages/accessibility", "Accessibility statement", "Help & <Support> Agency" },
        { "/lv/pages/privatums", "Paziņojums par privātumu", "Atbalsta & <Palīdzības> aģentūra" },
        { "/lv/pages/sikdatnes", "Sīkdatnes", "palidziba@agency.example.lv" },
        { "/lv/pages/pieklustamiba", "Paziņojums par piekļūstamību", "Atbalsta & <Palīdzības> aģentūra" },
    };

    [DatabaseTheory]
    [MemberData(nameof(Pages))]
    public async Task A_legal_page_is_served_in_its_language_with_the_organisation_from_configuration(string url, string title, string organisationText)
    {
        var (response, page) = await portal.CreateClient().GetPageAsync(url);
        var body = page.QuerySelector("article .article-body")!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains(organisationText, body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", body.InnerHtml, StringComparison.Ordinal);
        Assert.Empty(body.QuerySelectorAll("support, palīdzības, b"));
    }

    [DatabaseFact]
    public async Task The_organisation_is_html_encoded_in_the_page_source()
    {
        var html = await portal.CreateClient().GetStringAsync("/en/pages/privacy");

        Assert.Contains("Help &amp; &lt;Support&gt; Agency", html, StringComparison.Ordinal);
        Assert.Contains("Brīvības iela 1 &lt;b&gt;<br>Rīga, LV-1010<br>Latvija", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:palidziba@agency.example.lv\">palidziba@agency.example.lv</a>", html, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task The_accessibility_statement_gives_its_date_of_preparation_in_the_readers_language()
    {
        var (_, english) = await portal.CreateClient().GetPageAsync("/en/pages/accessibility");
        var (_, latvian) = await portal.CreateClient().GetPageAsync("/lv/pages/pieklustamiba");

        Assert.Contains("prepared on 28 November 2026", english.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(latvian.QuerySelector(".article-body time[datetime='2026-11-28']"));
    }

    [DatabaseTheory]
    [InlineData("/en/")]
    [InlineData("/lv/topics/pieteiksanas")]
    [InlineData("/en/articles/forgotten-password")]
    [InlineData("/lv/search?q=parole")]
    [InlineData("/en/survey")]
    [InlineData("/lv/pages/sikdatnes")]
    [InlineData("/lv/articles/does-not-exist")]
    [InlineData("/en/admin/login")]
    public async Task Every_kind_of_page_has_a_footer_with_the_contact_and_the_three_legal_pages(string url)
    {
        var (_, page) = await portal.CreateClient().GetPageAsync(url);
        var footer = page.QuerySelector("footer")!;
        var culture = url[1..3];

        Assert.Contains(culture == "lv" ? "Atbalsta & <Palīdzības> aģentūra" : "Help & <Support> Agency", footer.TextContent, StringComparison.Ordinal);
        Assert.NotNull(footer.QuerySelector("a[href='mailto:palidziba@agency.example.lv']"));
        Assert.Contains("Rīga, LV-1010", footer.QuerySelector("address")!.TextContent, StringComparison.Ordinal);
        var links = footer.QuerySelectorAll("nav[aria-label] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            culture == "lv" ? ["/lv/pages/privatums", "/lv/pages/sikdatnes", "/lv/pages/pieklustamiba"] : ["/en/pages/privacy", "/en/pages/cookies", "/en/pages/accessibility"],
            links);
    }

    [DatabaseFact]
    public async Task The_language_switcher_leads_to_the_same_page_in_the_other_language()
    {
        var (_, page) = await portal.CreateClient().GetPageAsync("/en/pages/cookies");

        Assert.Contains("/lv/pages/sikdatnes", Uri.UnescapeDataString(page.SwitcherHref("lv")), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("link[rel=alternate][hreflang=lv][href='http://localhost/lv/pages/sikdatnes']"));
    }

    [DatabaseFact]
    public async Task A_page_addressed_by_the_other_languages_slug_redirects_to_its_translation()
    {
        var response = await portal.CreatePlainClient().GetAsync("/lv/pages/cookies");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/lv/pages/sikdatnes", response.Headers.Location?.OriginalString);
    }

    [DatabaseFact]
    public async Task An_unknown_page_is_a_localized_404()
    {
        var response = await portal.CreateClient().GetAsync("/lv/pages/nav-tadas");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [DatabaseFact]
    public async Task Legal_pages_are_in_the_sitemap_but_in_no_topic_and_no_search()
    {
        var client = portal.CreateClient();

        var sitemap = await client.GetStringAsync("/sitemap.xml");
        var home = await client.GetStringAsync("/en/");
        var search = await client.GetStringAsync("/en/search?q=cookies");

        Assert.Contains("http://localhost/lv/pages/pieklustamiba", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("/en/pages/", home.Split("<footer")[0], StringComparison.Ordinal);
        Assert.DoesNotContain("/en/pages/", search.Split("<footer")[0], StringComparison.Ordinal);
    }
}
