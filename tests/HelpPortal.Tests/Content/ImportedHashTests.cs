using HelpPortal.Web.Content;

namespace HelpPortal.Tests.Content;

/// <summary>
/// The reader renders only the articles whose content hash the catalogue lacks: a file that changed, or whose link
/// targets did, gets a new hash and is rendered; the others are rendered only if the importer asks for their HTML.
/// </summary>
public sealed class ImportedHashTests : IDisposable
{
    private const string Linked = "en/eu-login-app/download-the-eu-login-app.md";
    private const string Linking = "en/set-up-2fa/set-up-the-eu-login-app.md";
    private const string Unrelated = "en/signing-in/forgotten-password.md";
    private readonly TestContent _content = new();

    [Fact]
    public void With_every_hash_imported_no_article_is_rendered()
    {
        var hashes = HashesOf(new ContentReader().Read(_content.Folder));

        var content = new ContentReader().Read(_content.Folder, hashes.Contains);

        Assert.Equal(50, content.Articles.Count);
        Assert.All(content.Articles, a => Assert.False(a.IsRendered, a.Document.Path));
        Assert.Equal(hashes, HashesOf(content));
    }

    [Fact]
    public void An_article_not_rendered_at_once_renders_what_a_full_read_renders_when_asked()
    {
        var full = new ContentReader().Read(_content.Folder);
        var hashes = HashesOf(full);

        var skipped = new ContentReader().Read(_content.Folder, hashes.Contains).Articles.Single(a => a.Document.Path == Linking);

        var expected = full.Articles.Single(a => a.Document.Path == Linking);
        Assert.Equal((expected.Html, expected.PlainText), (skipped.Html, skipped.PlainText));
        Assert.True(skipped.IsRendered);
        Assert.Contains("/en/articles/download-the-eu-login-app", skipped.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_file_is_rendered_and_the_others_are_not()
    {
        var hashes = HashesOf(new ContentReader().Read(_content.Folder));
        _content.Write(Unrelated, _content.Read(Unrelated).Replace("Reset your password", "Reset my password", StringComparison.Ordinal));

        var content = new ContentReader().Read(_content.Folder, hashes.Contains);

        Assert.Equal([Unrelated], content.Articles.Where(a => a.IsRendered).Select(a => a.Document.Path));
        Assert.Contains("Reset my password", content.Articles.Single(a => a.Document.Path == Unrelated).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_slug_for_a_linked_article_renders_the_articles_that_link_to_it_again()
    {
        var hashes = HashesOf(new ContentReader().Read(_content.Folder));
        _content.Write(Linked, _content.Read(Linked).Replace("order: 1", "order: 1\nslug: get-the-eu-login-app", StringComparison.Ordinal));

        var content = new ContentReader().Read(_content.Folder, hashes.Contains);

        var rendered = content.Articles.Where(a => a.IsRendered).Select(a => a.Document.Path).Order(StringComparer.Ordinal);
        Assert.Equal([Linked, Linking, "en/set-up-2fa/two-factor-authentication-without-a-smartphone.md"], rendered);
        Assert.Contains("/en/articles/get-the-eu-login-app", content.Articles.Single(a => a.Document.Path == Linking).Html, StringComparison.Ordinal);
    }

    public void Dispose() => _content.Dispose();

    private static HashSet<string> HashesOf(ContentSet content) => content.Articles.Select(a => a.ContentHash).ToHashSet(StringComparer.Ordinal);
}
