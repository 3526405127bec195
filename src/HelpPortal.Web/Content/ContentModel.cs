namespace HelpPortal.Web.Content;

public sealed record TopicText(string Slug, string Name, string Description)
{
    /// <summary>Former slugs of the topic in this language (<c>redirect_from:</c>): their URLs answer 301 to this topic.</summary>
    public IReadOnlyList<string> RedirectFrom { get; init; } = [];

    /// <summary>The line of the <c>redirect_from:</c> field in topics.yml, for problems with its slugs.</summary>
    public int RedirectFromLine { get; init; }
}

public sealed record TopicDefinition(string Key, int Order, IReadOnlyDictionary<string, TopicText> Texts)
{
    /// <summary>The keys of the topic's articles that the home page lists as popular questions, in order.</summary>
    public IReadOnlyList<string> Popular { get; init; } = [];

    /// <summary>The line of the <c>popular:</c> field in topics.yml, for problems with its keys.</summary>
    public int PopularLine { get; init; }
}

/// <summary>
/// What a content file is: an article (a question in a topic, under <c>{culture}/{topic}/</c>) or a page (under
/// <c>{culture}/pages/</c>: the privacy notice, the cookie list, the accessibility statement — in no topic, linked from
/// every page's footer). Both go through the same reader, renderer, sanitizer and import.
/// </summary>
public enum ContentKind
{
    Article,
    Page,
}

/// <summary>An article or page file whose front matter has been read and checked on its own (a page has no topic).</summary>
public sealed record ArticleDocument(
    string Path,
    string Culture,
    string Key,
    string Title,
    string Topic,
    int Order,
    string? Summary,
    string Slug,
    DateOnly? Updated,
    string Body,
    int BodyStartLine,
    string RawText,
    IReadOnlyDictionary<string, int> FieldLines,
    ContentKind Kind = ContentKind.Article)
{
    public int LineOf(string field) => FieldLines.TryGetValue(field, out var line) ? line : 1;

    /// <summary>The keys of the articles listed under "Related questions" (<c>related:</c>), in the author's order.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Former slugs of this file in its language (<c>redirect_from:</c>): their URLs answer 301 to this one.</summary>
    public IReadOnlyList<string> RedirectFrom { get; init; } = [];

    /// <summary>A note for editors (<c>review_note:</c>), listed by the coverage report and never shown to visitors.</summary>
    public string? ReviewNote { get; init; }
}

/// <summary>
/// An article ready to store: its hash computed, its HTML rendered and sanitized. When the catalogue already held that
/// hash as the folder was read, the HTML is rendered only if it is asked for (see <see cref="ContentReader.Read"/>).
/// </summary>
public sealed class RenderedArticle
{
    private readonly Func<ArticleBody>? _render;
    private ArticleBody? _body;

    internal RenderedArticle(ArticleDocument document, string contentHash, ArticleBody body)
        => (Document, ContentHash, _body) = (document, contentHash, body);

    internal RenderedArticle(ArticleDocument document, string contentHash, Func<ArticleBody> render)
        => (Document, ContentHash, _render) = (document, contentHash, render);

    public ArticleDocument Document { get; }

    public string ContentHash { get; }

    public string Html => Body.Html;

    public string PlainText => Body.PlainText;

    /// <summary>Whether the HTML has been rendered: at once, or since it was first asked for.</summary>
    public bool IsRendered => _body is not null;

    private ArticleBody Body => _body ??= _render!();
}

/// <summary>What rendering an article's Markdown gives: the sanitized HTML, and the text that search indexes.</summary>
public sealed record ArticleBody(string Html, string PlainText);

/// <summary>Everything read from the content folder: what loads, and what is wrong.</summary>
public sealed class ContentSet
{
    /// <summary>The topics, or null when topics.yml has an error (then nothing in the catalogue may change).</summary>
    public IReadOnlyList<TopicDefinition>? Topics { get; init; }

    public IReadOnlyList<RenderedArticle> Articles { get; init; } = [];

    /// <summary>The pages (<see cref="ContentKind.Page"/>) that load, rendered like the articles.</summary>
    public IReadOnlyList<RenderedArticle> Pages { get; init; } = [];

    /// <summary>Files that exist but did not load; what the catalogue holds for them is kept.</summary>
    public IReadOnlySet<string> FailedPaths { get; init; } = new HashSet<string>();

    /// <summary>Folders ("en/eid/") that could not be listed; what the catalogue holds from them is kept.</summary>
    public IReadOnlySet<string> UnreadableFolders { get; init; } = new HashSet<string>();

    /// <summary>Whether the catalogue keeps what it holds for a file: the file exists but did not load today.</summary>
    public bool KeepsLastGoodVersion(string path)
        => FailedPaths.Contains(path) || UnreadableFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal));

    public IReadOnlyList<ContentProblem> Problems { get; init; } = [];

    public int ErrorCount => Problems.Count(p => p.Severity == ProblemSeverity.Error);

    public int WarningCount => Problems.Count(p => p.Severity == ProblemSeverity.Warning);
}
