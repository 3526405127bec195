using System.Net;
using HelpPortal.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Content;

/// <summary>The import keeps the former slugs (<c>redirect_from:</c>) in step with the content folder.</summary>
public abstract class RedirectImportTests(TestDatabase database) : IDisposable
{
    public sealed class OnSqlite() : RedirectImportTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : RedirectImportTests(TestDatabase.Postgres), IRunsOnPostgres;

    private const string PinArticle = "en/signing-in/forgotten-app-pin-code.md";
    private const string OldUrl = "/en/articles/change-the-app-pin-code";
    private readonly TestContent _content = new();

    [DatabaseFact]
    public async Task A_former_slug_taken_out_of_the_front_matter_no_longer_redirects()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };
        var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync(OldUrl)).StatusCode);
        _content.Write(PinArticle, _content.Read(PinArticle).Replace("redirect_from: [change-the-app-pin-code]\n", "", StringComparison.Ordinal));

        var report = await factory.ImportAsync();

        Assert.Equal((0, 1, 0), (report.Added, report.Updated, report.Removed));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(OldUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync("/lv/articles/lietotnes-pin-koda-mainisana")).StatusCode);
    }

    [DatabaseFact]
    public async Task An_article_whose_file_breaks_keeps_its_former_slugs_with_its_last_good_version()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };
        var client = factory.CreatePlainClient();
        _content.Write(PinArticle, _content.Read(PinArticle).Replace("order: 4", "order: four", StringComparison.Ordinal));

        var report = await factory.ImportAsync();

        Assert.Contains(report.Problems, p => p is { Path: PinArticle, Field: "order", Severity: ProblemSeverity.Error });
        var response = await client.GetAsync(OldUrl);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/en/articles/forgotten-app-pin-code", response.Headers.Location!.OriginalString);
    }

    [DatabaseFact]
    public async Task A_former_slug_added_to_a_topic_alone_counts_topics_yml_as_updated()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };
        var client = factory.CreatePlainClient();
        _content.Write(TopicsFile.FileName, _content.Read(TopicsFile.FileName).Replace(
            "    slug: signing-in\n", "    slug: signing-in\n    redirect_from: [logging-in]\n", StringComparison.Ordinal));

        var report = await factory.ImportAsync();

        Assert.Equal((0, 1, 0), (report.Added, report.Updated, report.Removed));
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync("/en/topics/logging-in")).StatusCode);
    }

    [DatabaseFact]
    public async Task A_renamed_topic_slug_redirects_from_the_slug_it_had_once_topics_yml_lists_it()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };
        var client = factory.CreatePlainClient();
        _content.Write(TopicsFile.FileName, _content.Read(TopicsFile.FileName).Replace(
            "    slug: signing-in\n", "    slug: sign-in\n    redirect_from: [signing-in]\n", StringComparison.Ordinal));

        var report = await factory.ImportAsync();
        var response = await client.GetAsync("/en/topics/signing-in");

        Assert.Equal(1, report.Updated);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/en/topics/sign-in", response.Headers.Location!.OriginalString);
        // Eight topic slugs and two article slugs in the repository, and this one.
        Assert.Equal(11, await factory.WithDbAsync(db => db.SlugRedirects.CountAsync()));
    }

    public void Dispose()
    {
        _content.Dispose();
        GC.SuppressFinalize(this);
    }
}
