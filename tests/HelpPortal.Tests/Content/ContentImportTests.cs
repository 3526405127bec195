using System.Net;
using HelpPortal.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Content;

/// <summary>The importer against a private copy of the real content, on a fresh database per test.</summary>
public abstract class ContentImportTests : IDisposable
{
    public sealed class OnSqlite() : ContentImportTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : ContentImportTests(TestDatabase.Postgres), IRunsOnPostgres;

    private const string EnglishPassword = "en/signing-in/forgotten-password.md";
    private const string LatvianPassword = "lv/signing-in/aizmirsta-parole.md";
    private readonly TestContent _content = new();
    private readonly PortalFactory _factory;

    protected ContentImportTests(TestDatabase database) => _factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };

    [DatabaseFact]
    public async Task Importing_unchanged_content_again_writes_nothing_and_duplicates_no_rows()
    {
        _factory.CreateClient();
        var before = await CountRowsAsync();

        var report = await _factory.ImportAsync();

        Assert.Equal((0, 0, 56, 0), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal((8, 16, 25, 50), before);
    }

    [DatabaseFact]
    public async Task A_start_finding_the_content_the_last_import_read_imports_nothing_and_records_no_run()
    {
        _factory.CreateClient();
        var runs = await _factory.WithDbAsync(db => db.ContentImports.CountAsync());

        var report = await _factory.ImportAsync(skipUnchanged: true);

        Assert.False(report.Applied);
        Assert.Equal(runs, await _factory.WithDbAsync(db => db.ContentImports.CountAsync()));
        Assert.Contains(_factory.Logs.MessagesAtOrAbove(Serilog.Events.LogEventLevel.Information), m => m.Contains("nothing to import", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task A_start_after_a_file_changed_imports_it_and_the_next_start_finds_nothing_to_import()
    {
        var client = _factory.CreateClient();
        _content.Write(EnglishPassword, ReplaceTitle(_content.Read(EnglishPassword), "Lost your password?"));

        var changed = await _factory.ImportAsync(skipUnchanged: true);
        var again = await _factory.ImportAsync(skipUnchanged: true);

        Assert.Equal((true, 0, 1, 55, 0), (changed.Applied, changed.Added, changed.Updated, changed.Unchanged, changed.Removed));
        Assert.False(again.Applied);
        Assert.Contains("<h1>Lost your password?</h1>", await client.GetStringAsync("/en/articles/forgotten-password"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_start_after_an_import_by_another_build_or_folder_imports_in_full()
    {
        _factory.CreateClient();
        await _factory.WithDbAsync(db => db.ContentImports.ExecuteUpdateAsync(s => s.SetProperty(i => i.Fingerprint, "another build")));

        var report = await _factory.ImportAsync(skipUnchanged: true);

        Assert.Equal((true, 0, 0, 56, 0), (report.Applied, report.Added, report.Updated, report.Unchanged, report.Removed));
    }

    [DatabaseFact]
    public async Task A_start_after_an_import_that_found_problems_names_them_again_in_the_log()
    {
        _content.Write("en/signing-in/broken.md", "---\ntitle: [unclosed\n---\nText.");
        _factory.CreateClient();

        var report = await _factory.ImportAsync(skipUnchanged: true);

        Assert.False(report.Applied);
        Assert.Contains(_factory.Logs.MessagesAtOrAbove(Serilog.Events.LogEventLevel.Warning),
            m => m.Contains("nothing to import", StringComparison.Ordinal) && m.Contains("content check", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Editing_a_file_updates_that_translation_and_the_cached_page()
    {
        var client = _factory.CreateClient();
        Assert.DoesNotContain("Lost your password", await client.GetStringAsync("/en/articles/forgotten-password"), StringComparison.Ordinal);
        _content.Write(EnglishPassword, ReplaceTitle(_content.Read(EnglishPassword), "Lost your password?"));

        var report = await _factory.ImportAsync();

        Assert.Equal((0, 1, 55, 0), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.Contains("<h1>Lost your password?</h1>", await client.GetStringAsync("/en/articles/forgotten-password"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_new_slug_for_a_linked_article_updates_the_articles_that_link_to_it()
    {
        var client = _factory.CreateClient();
        const string linked = "en/eu-login-app/download-the-eu-login-app.md";
        _content.Write(linked, _content.Read(linked).Replace("order: 1", "order: 1\nslug: get-the-eu-login-app", StringComparison.Ordinal));

        var report = await _factory.ImportAsync();

        Assert.Equal((0, 3, 53, 0), (report.Added, report.Updated, report.Unchanged, report.Removed));
        var linking = await client.GetStringAsync("/en/articles/set-up-the-eu-login-app");
        Assert.Contains("/en/articles/get-the-eu-login-app", linking, StringComparison.Ordinal);
        Assert.DoesNotContain("/en/articles/download-the-eu-login-app", linking, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Articles_stored_with_a_hash_another_renderer_version_made_are_rendered_again()
    {
        var client = _factory.CreateClient();
        var olderHash = new string('0', 64);
        await _factory.WithDbAsync(db => db.ArticleTranslations.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.ContentHash, olderHash)
            .SetProperty(t => t.Html, "<p>Rendered by an older version</p>")));

        var report = await _factory.ImportAsync();

        Assert.Equal((0, 50, 6, 0), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.False(await _factory.WithDbAsync(db => db.ArticleTranslations.AnyAsync(t => t.Html.Contains("older version"))));
        Assert.Contains("Reset your password", await client.GetStringAsync("/en/articles/forgotten-password"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Adding_a_file_adds_an_article_to_its_topic()
    {
        var client = _factory.CreateClient();
        await client.GetStringAsync("/en/topics/setting-up-two-factor-authentication");
        _content.WriteArticle("en/set-up-2fa/new-question.md", "A new answer.", ("key", "new-question"), ("title", "A new question?"), ("topic", "set-up-2fa"), ("order", "3"));

        var report = await _factory.ImportAsync();

        Assert.Equal(1, report.Added);
        Assert.Contains("/en/articles/new-question", await client.GetStringAsync("/en/topics/setting-up-two-factor-authentication"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Deleting_one_language_file_removes_that_translation_and_keeps_the_other()
    {
        var client = _factory.CreatePlainClient();
        _content.Delete(LatvianPassword);

        var report = await _factory.ImportAsync();

        Assert.Equal(1, report.Removed);
        Assert.Equal(49, await _factory.CountTranslationsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/lv/articles/aizmirsta-parole")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/articles/forgotten-password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lv/articles/forgotten-password")).StatusCode);
    }

    [DatabaseFact]
    public async Task Deleting_both_language_files_removes_the_article()
    {
        _factory.CreateClient();
        _content.Delete(LatvianPassword);
        _content.Delete(EnglishPassword);

        await _factory.ImportAsync();

        Assert.False(await _factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Key == "forgotten-password")));
        Assert.Equal(24, await _factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [DatabaseFact]
    public async Task A_file_that_breaks_keeps_serving_its_last_good_version()
    {
        var client = _factory.CreateClient();
        var original = await client.GetStringAsync("/en/articles/forgotten-password");
        _content.Write(EnglishPassword, _content.Read(EnglishPassword).Replace("title: ", "title: \"unclosed ", StringComparison.Ordinal));

        var report = await _factory.ImportAsync();

        Assert.Contains(report.Problems, p => p.Path == EnglishPassword);
        Assert.Equal(50, await _factory.CountTranslationsAsync());
        Assert.Equal(original, await client.GetStringAsync("/en/articles/forgotten-password"));
    }

    /// <summary>What is replaced in the file, and by what; no text to find means the whole file.</summary>
    public static TheoryData<string, string?, string> WaysToBreak => new()
    {
        { "unclosed flow sequence", "title: ", "title: [a, b\ntitle: " },
        { "unclosed flow mapping", "title: ", "summary: {x\ntitle: " },
        { "alias inside its own value", "title: ", "? &a [*a]\n: x\ntitle: " },
        { "deep nesting", "title: ", "order: " + new string('[', 1000) + new string(']', 1000) + "\ntitle: " },
        { "deeply nested Markdown", "\n\n", "\n\n" + new string('>', 5000) + "\n\n" },
        { "a NUL character", "title: ", "title: \0" },
        { "empty file", null, "" },
    };

    [DatabaseTheory]
    [MemberData(nameof(WaysToBreak))]
    public async Task A_file_the_reader_cannot_read_keeps_serving_its_last_good_version(string @case, string? find, string replacement)
    {
        var client = _factory.CreateClient();
        var original = await client.GetStringAsync("/en/articles/forgotten-password");
        var text = _content.Read(EnglishPassword);
        _content.Write(EnglishPassword, find is null ? replacement : text.Replace(find, replacement, StringComparison.Ordinal));

        var report = await _factory.ImportAsync();

        Assert.True(report.Applied, @case);
        Assert.Contains(report.Problems, p => p.Path == EnglishPassword && p.Severity == ProblemSeverity.Error);
        Assert.Equal(50, await _factory.CountTranslationsAsync());
        Assert.Equal(original, await client.GetStringAsync("/en/articles/forgotten-password"));
    }

    [DatabaseFact]
    public async Task The_import_never_touches_tables_outside_the_catalogue()
    {
        _factory.CreateClient();

        // Quoted names and an explicit id: PostgreSQL folds unquoted names to lower case and numbers no INTEGER key.
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """CREATE TABLE "VisitorData" ("Id" INTEGER PRIMARY KEY, "Answer" TEXT); INSERT INTO "VisitorData" ("Id", "Answer") VALUES (1, 'kept');"""));
        _content.Delete(LatvianPassword);
        _content.Write(EnglishPassword, ReplaceTitle(_content.Read(EnglishPassword), "Changed"));

        await _factory.ImportAsync();

        var answers = await _factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("""SELECT "Answer" AS "Value" FROM "VisitorData" """).ToListAsync());
        Assert.Equal(["kept"], answers);
    }

    [DatabaseFact]
    public async Task A_duplicate_key_rejects_both_files_and_keeps_the_catalogue_version()
    {
        _factory.CreateClient();
        _content.WriteArticle("en/set-up-2fa/copy.md", "Copy.", ("key", "forgotten-password"), ("title", "Copy"), ("topic", "set-up-2fa"), ("order", "5"));

        var report = await _factory.ImportAsync();

        Assert.Contains(report.Problems, p => p.Path == "en/set-up-2fa/copy.md" && p.Field == "key");
        Assert.Contains(report.Problems, p => p.Path == EnglishPassword && p.Field == "key");
        var title = await _factory.WithDbAsync(db => db.ArticleTranslations.Where(t => t.Slug == "forgotten-password").Select(t => t.Title).SingleAsync());
        Assert.DoesNotContain("Copy", title, StringComparison.Ordinal);
        Assert.Equal(50, await _factory.CountTranslationsAsync());
    }

    public void Dispose()
    {
        _factory.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string ReplaceTitle(string text, string title)
        => string.Join('\n', text.Split('\n').Select(l => l.StartsWith("title:", StringComparison.Ordinal) ? $"title: {title}" : l));

    private Task<(int, int, int, int)> CountRowsAsync() => _factory.WithDbAsync(async db => (
        await db.Topics.CountAsync(),
        await db.TopicTranslations.CountAsync(),
        await db.Articles.CountAsync(),
        await db.ArticleTranslations.CountAsync()));
}
