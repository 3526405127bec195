using System.Security.Cryptography;
using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HelpPortal.Web.Content;

/// <summary>Turns an article's Markdown into safe HTML, once, at import.</summary>
internal sealed class MarkdownRenderer
{
    // Bump when the pipeline or the sanitizer changes, so every article is rendered again on the next import.
    private const string RendererVersion = "2+search" + Search.SearchAnalyzer.Version;

    // Raw HTML is disabled and the generic-attributes extension left out: authors cannot inject markup or attributes.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .Build();

    // Built on first use: an import that finds every file already in the catalogue renders none and never needs it.
    private HtmlSanitizer? _sanitizer;

    /// <param name="articleUrl">The public URL of the article stored at a content path, or null when there is none.</param>
    /// <param name="isImported">
    /// Whether the catalogue holds an article with this content hash. The hash covers the renderer version, the file's
    /// path and text and the URLs its links resolve to, so such an article renders to the HTML the catalogue already
    /// has: it is rendered only if the importer asks for it after all.
    /// </param>
    public RenderedArticle? Render(ArticleDocument document, Func<string, string?> articleUrl, List<ContentProblem> problems, Func<string, bool>? isImported = null)
    {
        if (Parse(document, articleUrl, problems, out var resolvedLinks) is not { } markdown)
        {
            return null;
        }

        var hash = Hash(document.Path, document.RawText, resolvedLinks);
        return isImported?.Invoke(hash) == true
            ? new RenderedArticle(document, hash, () => ToBody(Parse(document, articleUrl, [], out _)!, document))
            : new RenderedArticle(document, hash, ToBody(markdown, document));
    }

    /// <summary>Parses the Markdown and points its article links at their public URLs; null when a link has no target.</summary>
    private static MarkdownDocument? Parse(ArticleDocument document, Func<string, string?> articleUrl, List<ContentProblem> problems, out List<string> resolvedLinks)
    {
        var markdown = Markdown.Parse(document.Body, Pipeline);
        resolvedLinks = [];
        var ok = true;
        foreach (var link in markdown.Descendants<LinkInline>())
        {
            if (link.Url is not { } url || !TryGetArticlePath(document.Path, url, out var targetPath, out var fragment))
            {
                continue;
            }

            if (targetPath is null || articleUrl(targetPath) is not { } target)
            {
                var line = document.BodyStartLine + link.Line;
                problems.Add(new(document.Path, line, "link", $"The link '{url}' points to '{targetPath ?? url}', which is not an article in the content folder."));
                ok = false;
                continue;
            }

            link.Url = target + fragment;
            resolvedLinks.Add(link.Url);
        }

        return ok ? markdown : null;
    }

    private ArticleBody ToBody(MarkdownDocument markdown, ArticleDocument document)
    {
        _sanitizer ??= CreateSanitizer();
        var html = _sanitizer.Sanitize(markdown.ToHtml(Pipeline));
        var plainText = Markdown.ToPlainText(document.Body, Pipeline).Trim();
        return new ArticleBody(html, plainText);
    }

    /// <summary>A relative link to a .md file is a link to another article; everything else is left alone.</summary>
    private static bool TryGetArticlePath(string fromPath, string url, out string? targetPath, out string fragment)
    {
        targetPath = null;
        fragment = "";
        if (url.StartsWith('/') || url.StartsWith('#') || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash >= 0 ? url[..hash] : url;
        fragment = hash >= 0 ? url[hash..] : "";
        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var segments = new List<string>(fromPath.Split('/')[..^1]);
        foreach (var segment in Uri.UnescapeDataString(path).Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count == 0)
                    {
                        return true; // Leaves the content folder: reported as a broken link.
                    }

                    segments.RemoveAt(segments.Count - 1);
                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        targetPath = string.Join('/', segments);
        return true;
    }

    private static string Hash(string path, string rawText, IEnumerable<string> resolvedLinks)
    {
        // The path is part of it because the slug defaults to the file name.
        var input = $"{RendererVersion}\n{path}\n{rawText}\n{string.Join('\n', resolvedLinks)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
