using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Legal;

/// <summary>Pages are imported by the articles' rules: a broken file keeps its last good version, a removed file goes.</summary>
public abstract class PageImportTests : IDisposable
{
    private readonly TestContent _content = new();
    private readonly PortalFactory _factory;

    protected PageImportTests(TestDatabase database)
        => _factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };

    public sealed class OnSqlite() : PageImportTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : PageImportTests(TestDatabase.Postgres), IRunsOnPostgres;

    [DatabaseFact]
    public async Task The_start_up_import_stores_each_page_in_each_language_and_no_article()
    {
        _factory.CreateClient();

        var pages = await _factory.WithDbAsync(db => db.ContentPages.OrderBy(p => p.Culture).ThenBy(p => p.SortOrder).Select(p => p.Culture + "/" + p.Slug).ToListAsync());

        Assert.Equal(["en/privacy", "en/cookies", "en/accessibility", "lv/privatums", "lv/sikdatnes", "lv/pieklustamiba"], pages);
        Assert.Equal(50, await _factory.CountTranslationsAsync());
    }

    [DatabaseFact]
    public async Task A_broken_page_is_reported_and_its_last_good_version_stays_online()
    {
        var client = _factory.CreateClient();
        _content.Write("en/pages/cookies.md", "---\nkey: cookies\norder: 2\n---\n\nNo title.\n");

        var report = await _factory.ImportAsync();
        var response = await client.GetAsync("/en/pages/cookies");

        var problem = Assert.Single(report.Problems, p => p.Path == "en/pages/cookies.md");
        Assert.Equal("The required field 'title' is missing.", problem.Message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Cookies</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_changed_page_is_served_at_once_and_a_removed_translation_falls_back_to_the_original()
    {
        var client = _factory.CreateClient();
        await client.GetStringAsync("/en/pages/privacy");
        _content.Write("en/pages/privacy.md", _content.Read("en/pages/privacy.md").Replace("title: Privacy notice", "title: Privacy and your data", StringComparison.Ordinal));
        _content.Delete("lv/pages/pieklustamiba.md");

        var report = await _factory.ImportAsync();
        var (_, privacy) = await client.GetPageAsync("/en/pages/privacy");
        var removed = await client.GetAsync("/lv/pages/pieklustamiba");
        var (_, fallback) = await client.GetPageAsync("/lv/pages/accessibility");
        var (_, footer) = await client.GetPageAsync("/lv/");

        Assert.Equal((1, 1), (report.Updated, report.Removed));
        Assert.Equal("Privacy and your data", privacy.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
        Assert.Equal("en", fallback.QuerySelector("article")!.GetAttribute("lang"));
        Assert.NotNull(fallback.QuerySelector("article p.notice[lang=lv]"));
        Assert.NotNull(footer.QuerySelector("footer a[href='/lv/pages/accessibility'][lang=en]"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }
}
