using System.Net;
using HelpPortal.Web.Content;

namespace HelpPortal.Tests.Content;

/// <summary>Each kind of broken file is reported with its path, line and field, and every good file still loads.</summary>
public abstract class BadContentTests(TestDatabase database) : IDisposable
{
    public sealed class OnSqlite() : BadContentTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : BadContentTests(TestDatabase.Postgres), IRunsOnPostgres;

    private const string Path = "en/set-up-2fa/broken.md";
    private readonly TestContent _content = new();

    public static TheoryData<string, string, int, string?, string> Cases => new()
    {
        { "broken YAML", "---\nkey: broken\ntitle: \"never closed\ntopic: set-up-2fa\norder: 3\n---\nBody", 3, null, "The YAML cannot be read" },
        { "no front matter", "# Just Markdown\n\nBody", 1, null, "must begin with front matter" },
        { "unclosed front matter", "---\nkey: broken\ntitle: T\n\nBody", 1, null, "front matter is not closed" },
        { "missing title", "---\nkey: broken\ntopic: set-up-2fa\norder: 3\n---\nBody", 1, "title", "The required field 'title' is missing" },
        { "empty title", "---\nkey: broken\ntitle: \"  \"\ntopic: set-up-2fa\norder: 3\n---\nBody", 3, "title", "The required field 'title' is empty" },
        { "unknown topic", "---\nkey: broken\ntitle: T\ntopic: passports\norder: 3\n---\nBody", 4, "topic", "The topic 'passports' is not in topics.yml" },
        { "duplicate slug", "---\nkey: broken\ntitle: T\ntopic: set-up-2fa\norder: 3\nslug: forgotten-password\n---\nBody", 6, "slug", "The slug 'forgotten-password' is also used by en/signing-in/forgotten-password.md" },
        { "duplicate key", "---\nkey: forgotten-password\ntitle: T\ntopic: set-up-2fa\norder: 3\n---\nBody", 2, "key", "The key 'forgotten-password' is also used by en/signing-in/forgotten-password.md" },
        { "link to a missing article", "---\nkey: broken\ntitle: T\ntopic: set-up-2fa\norder: 3\nrelated: [forgotten-password, sign-in-with-2fa]\n---\nFirst line.\n\nSee [this](../set-up-2fa/nowhere.md).", 10, "link", "points to 'en/set-up-2fa/nowhere.md', which is not an article" },
        { "order not a number", "---\nkey: broken\ntitle: T\ntopic: set-up-2fa\norder: first\n---\nBody", 5, "order", "The order 'first' is not a whole number" },
        { "date not ISO", "---\nkey: broken\ntitle: T\ntopic: set-up-2fa\norder: 3\nupdated: 20.11.2026\n---\nBody", 6, "updated", "is not a date written as YYYY-MM-DD" },
        { "slug with diacritics", "---\nkey: broken\ntitle: T\ntopic: set-up-2fa\norder: 3\nslug: paroļu-maiņa\n---\nBody", 6, "slug", "may only contain lower-case letters" },
        { "field given twice", "---\nkey: broken\ntitle: T\ntitle: U\ntopic: set-up-2fa\norder: 3\n---\nBody", 4, null, "Duplicate key" },
        { "list instead of text", "---\nkey: broken\ntitle:\n  - a\ntopic: set-up-2fa\norder: 3\n---\nBody", 3, "title", "must be plain text" },
    };

    [DatabaseTheory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_file_is_reported_with_path_line_and_field_while_the_good_files_load(
        string @case, string text, int line, string? field, string message)
    {
        _content.Write(Path, text);
        using var factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };
        factory.CreateClient();

        var report = await factory.ImportAsync();

        var problem = Assert.Single(report.Problems, p => p.Path == Path);
        Assert.True(problem.Line == line, $"{@case}: expected line {line}, got {problem}");
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);

        // A clash rejects both files; on this fresh database the original had no earlier version to keep.
        var goodFiles = @case is "duplicate slug" or "duplicate key" ? 49 : 50;
        Assert.Equal(goodFiles, await factory.CountTranslationsAsync());
    }

    [DatabaseFact]
    public async Task The_portal_starts_and_serves_every_other_article_while_files_cannot_be_read()
    {
        _content.Write("en/set-up-2fa/flow.md", "---\nkey: flow\ntitle: [a, b\ntopic: set-up-2fa\norder: 3\n---\nBody");
        _content.Write("en/set-up-2fa/mapping.md", "---\nkey: mapping\ntitle: {x\ntopic: set-up-2fa\norder: 4\n---\nBody");
        _content.Write("lv/set-up-2fa/cikls.md", "---\nkey: cikls\n? &a [*a]\n: x\n---\nBody");
        _content.Write("lv/set-up-2fa/dzili.md", "---\nkey: dzili\ntitle: T\ntopic: set-up-2fa\norder: 5\n---\n" + new string('>', 5000));
        File.WriteAllBytes(_content.PathOf("en/set-up-2fa/binary.md"), [0x7F, 0x45, 0x4C, 0x46, 0x00, 0xFF]);
        File.CreateSymbolicLink(_content.PathOf("en/set-up-2fa/gone.md"), _content.PathOf("nowhere.md"));
        using var factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };

        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/articles/forgotten-password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lv/articles/aizmirsta-parole")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/topics/setting-up-two-factor-authentication")).StatusCode);
        Assert.Equal(50, await factory.CountTranslationsAsync());
        var report = await factory.ImportAsync();
        string[] broken = ["en/set-up-2fa/binary.md", "en/set-up-2fa/flow.md", "en/set-up-2fa/gone.md", "en/set-up-2fa/mapping.md", "lv/set-up-2fa/cikls.md", "lv/set-up-2fa/dzili.md"];
        Assert.Equal(broken, report.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Path).Distinct());
    }

    [DatabaseFact]
    public async Task A_file_outside_the_language_folders_is_reported()
    {
        _content.WriteArticle("de/eid/frage.md", "Antwort.", ("key", "frage"), ("title", "Frage"), ("topic", "set-up-2fa"), ("order", "1"));
        using var factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };
        factory.CreateClient();

        var report = await factory.ImportAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal("de/eid/frage.md", problem.Path);
        Assert.Contains("'de/' is not one", problem.Message, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_broken_topic_list_leaves_the_catalogue_unchanged()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };
        factory.CreateClient();
        _content.Write("topics.yml", "- key: eid\n  order: [1\n");
        _content.Delete("lv/signing-in/aizmirsta-parole.md");

        var report = await factory.ImportAsync();

        Assert.False(report.Applied);
        Assert.Contains(report.Problems, p => p.Path == "topics.yml" && p.Line > 0 && p.Message.StartsWith("The YAML cannot be read", StringComparison.Ordinal));
        Assert.Equal(50, await factory.CountTranslationsAsync());
    }

    public void Dispose()
    {
        _content.Dispose();
        GC.SuppressFinalize(this);
    }
}
