using AngleSharp;
using HelpPortal.Web.Content;

namespace HelpPortal.Tests.Content;

/// <summary>What an author writes in Markdown, and the HTML a visitor's browser receives.</summary>
public sealed class MarkdownRenderingTests : IDisposable
{
    private readonly TestContent _content = new(copyRepositoryContent: false);

    public MarkdownRenderingTests()
    {
        _content.Write("topics.yml", """
            - key: general
              order: 1
              en: { slug: general, name: General, description: General questions. }
              lv: { slug: visparigi, name: Vispārīgi, description: Vispārīgi jautājumi. }
            """);
        _content.WriteArticle("lv/general/merkis.md", "Mērķis.", ("key", "target"), ("title", "Mērķis"), ("topic", "general"), ("order", "2"));
        _content.WriteArticle("en/general/target.md", "Target.", ("key", "target"), ("title", "Target"), ("topic", "general"), ("order", "2"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"https://example.org\" onclick=\"steal()\">x</a>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[vb](vbscript:msgbox(1))")]
    [InlineData("Text {onclick=\"steal()\" .danger}\n\n# Heading {#x onmouseover=\"y\"}")]
    [InlineData("![pixel](https://tracker.example/p.gif){onload=\"x()\"}")]
    public async Task Html_and_dangerous_links_in_markdown_never_become_markup(string markdown)
    {
        var html = Render(markdown);
        var document = await BrowsingContext.New().OpenAsync(r => r.Content(html));

        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, style"));
        var attributes = document.All.SelectMany(e => e.Attributes).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, a => a.Name is "class" or "id" or "style");
        Assert.All(
            document.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!),
            url => Assert.Matches("^(https?:|mailto:|/)", url));
    }

    [Theory]
    [InlineData("[site](https://europass.europa.eu/en)", "href=\"https://europass.europa.eu/en\"")]
    [InlineData("[plain](http://example.org/)", "href=\"http://example.org/\"")]
    [InlineData("[write to us](mailto:help@example.eu)", "href=\"mailto:help@example.eu\"")]
    [InlineData("[same language](target.md)", "href=\"/en/articles/target\"")]
    [InlineData("[other language](../../lv/general/merkis.md)", "href=\"/lv/articles/merkis\"")]
    [InlineData("[with anchor](target.md#steps)", "href=\"/en/articles/target#steps\"")]
    public void Allowed_links_keep_their_target_and_article_links_become_culture_urls(string markdown, string expected)
    {
        Assert.Contains(expected, Render(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void Step_lists_stay_numbered_lists()
    {
        var html = Render("1. Open the app.\n2. Go to **Settings**.\n3. Tap **Forgot PIN code**.");

        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<li>").Length - 1);
        Assert.Contains("<strong>Settings</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Latvian_letters_are_kept_as_characters()
    {
        Assert.Contains("ā č ē ģ ī ķ ļ ņ š ū ž", Render("ā č ē ģ ī ķ ļ ņ š ū ž"), StringComparison.Ordinal);
    }

    public void Dispose() => _content.Dispose();

    private string Render(string markdown)
    {
        _content.WriteArticle("en/general/sample.md", markdown, ("key", "sample"), ("title", "Sample"), ("topic", "general"), ("order", "1"));
        var content = new ContentReader().Read(_content.Folder);
        Assert.Equal(0, content.ErrorCount);
        return content.Articles.Single(a => a.Document.Key == "sample").Html;
    }
}
