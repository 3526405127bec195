using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Catalogue;

/// <summary>
/// The topics regrouped by what visitors need (issue 13): every address of the old structure still leads to its answer,
/// and every answer leads on to related questions.
/// </summary>
public abstract class MovedContentTests(PortalFactory factory)
{
    public sealed class OnSqlite(PortalFactory factory) : MovedContentTests(factory), IClassFixture<PortalFactory>;

    public sealed class OnPostgres(PostgresPortalFactory factory) : MovedContentTests(factory), IClassFixture<PostgresPortalFactory>, IRunsOnPostgres;

    /// <summary>Every article URL before the regrouping (the file names of content/ at that commit).</summary>
    public static TheoryData<string> OldArticleUrls { get; } = new(
        "en activate-eid-as-second-factor;en already-signing-in-with-eid;en confirmation-email-not-received;en email-already-registered;en forgotten-password;en app-on-an-unsecured-device;en change-the-app-pin-code;en download-the-eu-login-app;en one-device-for-several-accounts;en qr-code-reported-invalid;en set-up-the-eu-login-app;en where-to-find-the-qr-code;en assess-your-language-skills;en describe-your-digital-skills;en what-happened-to-the-language-passport;en what-is-europass-mobility;en what-is-the-cefr;en what-is-the-certificate-supplement;en what-is-the-diploma-supplement;en what-is-the-skills-passport;en what-is-the-eqf;en sign-in-with-2fa;en two-factor-authentication-without-a-smartphone;en why-is-two-factor-authentication-enabled;en why-should-i-use-2fa;lv eid-aktivizesana-ka-otro-faktoru;lv jau-piesakos-ar-eid;lv aizmirsta-parole;lv e-pasts-jau-registrets;lv nesanemu-apstiprinajuma-e-pastu;lv eu-login-lietotnes-iestatisana;lv kur-atrast-qr-kodu;lv kur-lejupieladet-eu-login-lietotni;lv lietotne-bez-ierices-aizsardzibas;lv lietotnes-pin-koda-mainisana;lv qr-kods-ir-nederigs;lv viena-ierice-vairakiem-kontiem;lv digitalo-prasmju-aprakstisana;lv diploma-pielikums;lv europass-mobilitates-dokuments;lv europass-prasmju-pase;lv europass-valodu-pase;lv kas-ir-cefr;lv kvalifikaciju-apliecinosa-dokumenta-pielikums;lv valodu-prasmju-novertesana;lv kas-ir-eki;lv divfaktoru-autentifikacija-bez-viedtalruna;lv ka-pieteikties-ar-2fa;lv kapec-ieviesta-divfaktoru-autentifikacija;lv kapec-izmantot-2fa"
            .Split(';').Select(entry => entry.Split(' ')).Select(parts => $"/{parts[0]}/articles/{parts[1]}"));

    [DatabaseTheory]
    [MemberData(nameof(OldArticleUrls))]
    public async Task Every_article_url_of_the_old_structure_still_answers_or_redirects_permanently_to_its_answer(string oldUrl)
    {
        var client = factory.CreatePlainClient();

        var response = await client.GetAsync(oldUrl);

        if (response.StatusCode == HttpStatusCode.MovedPermanently)
        {
            var target = response.Headers.Location!.OriginalString;
            Assert.StartsWith(oldUrl[..4], target, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(target)).StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [DatabaseTheory]
    [InlineData("/en/articles/change-the-app-pin-code", "/en/articles/forgotten-app-pin-code")]
    [InlineData("/lv/articles/lietotnes-pin-koda-mainisana", "/lv/articles/aizmirsts-lietotnes-pin-kods")]
    [InlineData("/en/articles/lietotnes-pin-koda-mainisana", "/en/articles/forgotten-app-pin-code")]
    [InlineData("/lv/articles/change-the-app-pin-code", "/lv/articles/aizmirsts-lietotnes-pin-kods")]
    public async Task A_renamed_article_slug_redirects_permanently_to_the_new_one_in_the_readers_language(string oldUrl, string newUrl)
    {
        var response = await factory.CreatePlainClient().GetAsync(oldUrl);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(newUrl, response.Headers.Location!.OriginalString);
    }

    [DatabaseTheory]
    [InlineData("/en/topics/two-factor-authentication", "/en/topics/setting-up-two-factor-authentication")]
    [InlineData("/en/topics/eid", "/en/topics/setting-up-two-factor-authentication")]
    [InlineData("/en/topics/europass-templates", "/en/topics/europass-documents")]
    [InlineData("/en/topics/support-and-information", "/en/topics/europass-documents")]
    [InlineData("/lv/topics/divfaktoru-autentifikacija", "/lv/topics/divfaktoru-autentifikacijas-iestatisana")]
    [InlineData("/lv/topics/eid", "/lv/topics/divfaktoru-autentifikacijas-iestatisana")]
    [InlineData("/lv/topics/europass-veidnes", "/lv/topics/europass-dokumenti")]
    [InlineData("/lv/topics/atbalsts-un-informacija", "/lv/topics/europass-dokumenti")]
    public async Task A_removed_topic_redirects_permanently_to_the_topic_that_took_its_place(string oldUrl, string newUrl)
    {
        var client = factory.CreatePlainClient();

        var response = await client.GetAsync(oldUrl);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(newUrl, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(newUrl)).StatusCode);
    }

    [DatabaseTheory]
    [InlineData("/en/topics/eu-login-account")]
    [InlineData("/lv/topics/eu-login-konts")]
    [InlineData("/en/topics/eu-login-app")]
    [InlineData("/lv/topics/eu-login-lietotne")]
    public async Task A_topic_that_kept_its_slug_answers_at_its_old_address(string url)
        => Assert.Equal(HttpStatusCode.OK, (await factory.CreatePlainClient().GetAsync(url)).StatusCode);

    [DatabaseFact]
    public async Task A_former_slug_in_a_language_does_not_redirect_in_the_other()
        => Assert.Equal(HttpStatusCode.NotFound, (await factory.CreatePlainClient().GetAsync("/lv/topics/europass-templates")).StatusCode);

    [DatabaseFact]
    public async Task The_sitemap_lists_the_new_addresses_and_none_that_redirects()
    {
        var sitemap = await factory.CreateClient().GetStringAsync("/sitemap.xml");

        Assert.Contains("/en/topics/europass-documents<", sitemap, StringComparison.Ordinal);
        Assert.Contains("/lv/articles/aizmirsts-lietotnes-pin-kods<", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("/topics/europass-templates<", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("/topics/atbalsts-un-informacija<", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("/articles/change-the-app-pin-code<", sitemap, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_redirect_is_not_served_from_the_page_cache()
    {
        var client = factory.CreatePlainClient();

        await client.GetAsync("/en/topics/europass-templates");
        var second = await client.GetAsync("/en/topics/europass-templates");

        Assert.Equal(HttpStatusCode.MovedPermanently, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }

    [DatabaseTheory]
    [InlineData("/en/articles/forgotten-password", "Related questions", new[] { "/en/articles/forgotten-app-pin-code", "/en/articles/email-already-registered" })]
    [InlineData("/lv/articles/aizmirsta-parole", "Saistītie jautājumi", new[] { "/lv/articles/aizmirsts-lietotnes-pin-kods", "/lv/articles/e-pasts-jau-registrets" })]
    public async Task An_article_lists_its_related_questions_in_the_readers_language_in_the_authors_order(string url, string heading, string[] links)
    {
        var (_, page) = await factory.CreateClient().GetPageAsync(url);

        var section = page.QuerySelector("section.related-questions")!;
        Assert.Equal(heading, section.QuerySelector("h2")!.TextContent);
        Assert.Equal(links, section.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        Assert.Equal(url[1..3], section.GetAttribute("lang"));
    }

    [DatabaseFact]
    public async Task Every_article_links_to_at_least_two_related_questions_in_both_languages()
    {
        var urls = await factory.WithDbAsync(db => db.ArticleTranslations.Select(t => "/" + t.Culture + "/articles/" + t.Slug).ToListAsync());
        var client = factory.CreateClient();

        Assert.Equal(50, urls.Count);
        foreach (var url in urls)
        {
            var (_, page) = await client.GetPageAsync(url);
            var related = page.QuerySelectorAll("section.related-questions li a").Select(a => a.GetAttribute("href")).ToList();
            Assert.True(related.Count >= 2, $"{url} lists {related.Count} related questions.");
            Assert.All(related, href => Assert.StartsWith(url[..4] + "articles/", href, StringComparison.Ordinal));
            Assert.DoesNotContain(url, related);
        }
    }

    [DatabaseTheory]
    [InlineData("/en/articles/one-device-for-several-accounts")]
    [InlineData("/lv/articles/aizmirsts-lietotnes-pin-kods")]
    public async Task A_review_note_is_never_on_the_public_page(string url)
    {
        var (culture, slug) = (url[1..3], url[(url.LastIndexOf('/') + 1)..]);
        var note = await factory.WithDbAsync(db => db.ArticleTranslations.Where(t => t.Culture == culture && t.Slug == slug).Select(t => t.ReviewNote).SingleAsync());

        var html = await factory.CreateClient().GetStringAsync(url);

        Assert.False(string.IsNullOrEmpty(note));
        Assert.DoesNotContain(note[..40], html, StringComparison.Ordinal);
        Assert.DoesNotContain("review_note", html, StringComparison.Ordinal);
    }
}
