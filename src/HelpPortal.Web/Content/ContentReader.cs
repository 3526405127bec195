using HelpPortal.Web.Localization;
using HelpPortal.Web.Search;

namespace HelpPortal.Web.Content;

/// <summary>
/// Reads and checks the whole content folder without touching the database: used by the importer and by
/// <c>content check</c>, so both report exactly the same problems.
/// </summary>
internal sealed class ContentReader
{
    private readonly MarkdownRenderer _renderer = new();

    /// <param name="isImported">
    /// Whether the catalogue holds an article with a given content hash; such articles are rendered only when their HTML
    /// is asked for. Without it (content check) every article is rendered.
    /// </param>
    public ContentSet Read(string contentFolder, Func<string, bool>? isImported = null)
    {
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(contentFolder))
        {
            problems.Add(new(contentFolder, 0, null, "The content folder does not exist (set Content:Path)."));
            return new ContentSet { Problems = problems };
        }

        var topics = ForFile(TopicsFile.FileName, 0, problems, () => TopicsFile.Read(contentFolder, problems));
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var unreadableFolders = new HashSet<string>(StringComparer.Ordinal);
        var documents = new List<ArticleDocument>();
        var slugsByPath = new Dictionary<string, (string Culture, string Slug, ContentKind Kind)>(StringComparer.Ordinal);

        foreach (var (path, culture, kind) in ArticleFiles(contentFolder, problems, unreadableFolders))
        {
            var document = ForFile(path, 0, problems,
                () => ContentFolder.ReadText(contentFolder, path, problems) is { } text ? ArticleParser.Parse(path, culture, text, problems, kind) : null);
            slugsByPath[path] = (culture, document?.Slug ?? Path.GetFileNameWithoutExtension(path), kind);
            if (document is null)
            {
                failed.Add(path);
            }
            else
            {
                documents.Add(document);
            }
        }

        var consistent = CheckAcrossFiles(documents, topics, problems);
        topics = CheckPopular(topics, documents, problems);
        failed.UnionWith(documents.Except(consistent).Select(d => d.Path));

        // These leave out what is wrong in a list and keep the file: they come after the files that fail are known.
        consistent = CheckRelated(consistent, documents, problems);
        consistent = CheckRedirects(consistent, slugsByPath, problems);

        // A link resolves to any article or page file that exists, even one that failed today: its last good version is still served.
        string? ArticleUrl(string path) => slugsByPath.TryGetValue(path, out var target)
            ? target.Kind == ContentKind.Page ? PortalUrls.Page(target.Culture, target.Slug) : PortalUrls.Article(target.Culture, target.Slug)
            : null;

        var articles = new List<RenderedArticle>();
        foreach (var document in consistent)
        {
            if (ForFile(document.Path, document.BodyStartLine, problems, () => _renderer.Render(document, ArticleUrl, problems, isImported)) is { } rendered)
            {
                articles.Add(rendered);
            }
            else
            {
                failed.Add(document.Path);
            }
        }

        CheckTranslations([.. articles.Select(a => a.Document)], problems);
        CheckSynonyms(contentFolder, problems);
        return new ContentSet
        {
            Topics = topics,
            Articles = [.. articles.Where(a => a.Document.Kind == ContentKind.Article)],
            Pages = [.. articles.Where(a => a.Document.Kind == ContentKind.Page)],
            FailedPaths = failed,
            UnreadableFolders = unreadableFolders,
            Problems = [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line)],
        };
    }

    /// <summary>
    /// Runs one step of reading one file. The problems we foresee are reported where they arise, with their line; anything
    /// else a file makes a library throw becomes a problem of that file here, so that no file can stop the portal from
    /// starting or keep the other files from loading (docs/decisions/0002).
    /// </summary>
    private static T? ForFile<T>(string path, int line, List<ContentProblem> problems, Func<T?> step)
        where T : class
    {
        try
        {
            return step();
        }
        catch (Exception ex)
        {
            problems.Add(new(path, line, null, $"The file could not be read: {ex.Message} ({ex.GetType().Name})"));
            return null;
        }
    }

    /// <summary>Missing and stale translations are warnings: the portal serves a fallback, but the content team should know.</summary>
    private static void CheckTranslations(List<ArticleDocument> loaded, List<ContentProblem> problems)
    {
        foreach (var versions in loaded.GroupBy(d => (d.Kind, d.Key)))
        {
            foreach (var document in versions)
            {
                var others = versions.Where(d => d != document).ToList();
                var newest = others.Max(d => d.Updated);
                if (Translations.State(exists: true, document.Updated, newest) == TranslationState.Stale)
                {
                    var newer = others.First(d => d.Updated == newest);
                    problems.Add(new(document.Path, document.LineOf("updated"), "updated",
                        $"This translation was last updated on {document.Updated:yyyy-MM-dd}, the {newer.Culture} version on {newest:yyyy-MM-dd} ({newer.Path}): it may be out of date.",
                        ProblemSeverity.Warning));
                }
            }

            foreach (var culture in PortalCultures.All.Where(c => versions.All(d => d.Culture != c)))
            {
                var source = versions.First();
                problems.Add(new(source.Path, source.LineOf("key"), "key",
                    $"No {culture} translation of '{source.Key}' is loaded (expected under {culture}/{(source.Kind == ContentKind.Page ? PagesFolder : source.Topic)}/); visitors see this version with a notice.",
                    ProblemSeverity.Warning));
            }
        }
    }

    /// <summary>The synonyms files' own problems: words in two groups or twice, phrases, stop words, empty entries.</summary>
    private static void CheckSynonyms(string contentFolder, List<ContentProblem> problems)
    {
        foreach (var culture in PortalCultures.All)
        {
            var path = $"{culture}/{Synonyms.FileName}";
            try
            {
                foreach (var finding in Synonyms.Read(contentFolder, culture).Findings)
                {
                    problems.Add(new(path, finding.Line, null, finding.Message, finding.IsError ? ProblemSeverity.Error : ProblemSeverity.Warning));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new(path, 0, null, $"The file cannot be read: {ex.Message}"));
            }
        }
    }

    /// <summary>
    /// A synonyms group none of whose words any article of its language uses finds nothing: most likely a misspelt
    /// word, or a group for a language it was not meant for. Only <c>content check</c> asks, as it renders every article.
    /// </summary>
    public static IEnumerable<ContentProblem> UnusedSynonymGroups(string contentFolder, IReadOnlyList<RenderedArticle> articles)
    {
        foreach (var culture in PortalCultures.All)
        {
            var path = Path.Combine(contentFolder, culture, Synonyms.FileName);
            if (!File.Exists(path))
            {
                continue;
            }

            var used = articles.Where(a => a.Document.Culture == culture)
                .SelectMany(a => SearchAnalyzer.Words(culture, $"{a.Document.Title} {a.Document.Summary} {a.PlainText}"))
                .SelectMany(w => w.Terms)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var group in Synonyms.Read(contentFolder, culture).Groups.Where(g => !g.Terms.Any(used.Contains)))
            {
                yield return new($"{culture}/{Synonyms.FileName}", group.Line, null,
                    "No article in this language uses any word of this group, so it finds nothing; check the spelling.", ProblemSeverity.Warning);
            }
        }
    }

    /// <summary>The folder, under each language's, of the pages (<see cref="ContentKind.Page"/>): no topic may use its name.</summary>
    public const string PagesFolder = "pages";

    /// <summary>Every .md file under a culture folder, in a stable order, with its kind; files anywhere else are reported.</summary>
    private static IEnumerable<(string Path, string Culture, ContentKind Kind)> ArticleFiles(string contentFolder, List<ContentProblem> problems, HashSet<string> unreadableFolders)
    {
        foreach (var path in ContentFolder.MarkdownFiles(contentFolder, problems, unreadableFolders))
        {
            var segments = path.Split('/');
            if (segments.Length == 1)
            {
                continue; // A README or notes at the top of the folder are not articles.
            }

            if (!PortalCultures.IsSupported(segments[0]))
            {
                problems.Add(new(path, 0, null, $"Articles belong under a language folder ({string.Join("/ or ", PortalCultures.All)}/); '{segments[0]}/' is not one."));
                continue;
            }

            if (segments.Length > 1 && segments[1] == PagesFolder)
            {
                if (segments.Length != 3)
                {
                    problems.Add(new(path, 0, null, $"Pages are files directly in {segments[0]}/{PagesFolder}/, not in a folder inside it."));
                    continue;
                }

                yield return (path, segments[0], ContentKind.Page);
                continue;
            }

            yield return (path, segments[0], ContentKind.Article);
        }
    }

    /// <summary>Checks what one file cannot check alone; returns the documents that pass.</summary>
    private static List<ArticleDocument> CheckAcrossFiles(List<ArticleDocument> documents, IReadOnlyList<TopicDefinition>? topics, List<ContentProblem> problems)
    {
        var rejected = new HashSet<ArticleDocument>();
        var topicKeys = topics?.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        if (topicKeys is not null)
        {
            foreach (var document in documents.Where(d => d.Kind == ContentKind.Article && !topicKeys.Contains(d.Topic)))
            {
                problems.Add(new(document.Path, document.LineOf("topic"), "topic", $"The topic '{document.Topic}' is not in topics.yml (known topics: {string.Join(", ", topicKeys)})."));
                rejected.Add(document);
            }
        }

        // A clash rejects every file in it: whichever came first alphabetically is not more right, and the catalogue
        // keeps the version it already has until an author settles it.
        // Articles and pages have URLs of their own (/articles/…, /pages/…): each kind's keys and slugs are its own.
        RejectClashes(documents, d => (d.Kind, d.Culture, d.Key), "key", d => $"The key '{d.Key}'", "each article or page has one file per language", rejected, problems);
        RejectClashes(documents, d => (d.Kind, d.Culture, d.Slug), "slug", d => $"The slug '{d.Slug}'", "slugs must be unique within a language", rejected, problems);

        // Translations share one place in the catalogue; the English file is the reference when they disagree.
        var cultureOrder = PortalCultures.All.ToList();
        foreach (var translations in documents.Except(rejected).GroupBy(d => (d.Kind, d.Key)))
        {
            var ordered = translations.OrderBy(d => cultureOrder.IndexOf(d.Culture)).ToList();
            var reference = ordered[0];
            foreach (var document in ordered.Skip(1))
            {
                if (reference.Topic != document.Topic)
                {
                    problems.Add(new(document.Path, document.LineOf("topic"), "topic", $"The topic '{document.Topic}' differs from '{reference.Topic}' in {reference.Path}; translations share one topic."));
                    rejected.Add(document);
                }

                if (reference.Order != document.Order)
                {
                    problems.Add(new(document.Path, document.LineOf("order"), "order", $"The order {document.Order} differs from {reference.Order} in {reference.Path}; translations share one order."));
                    rejected.Add(document);
                }
            }
        }

        return [.. documents.Except(rejected)];
    }

    /// <summary>
    /// "Related questions" must name other articles, each once; a key that does not is reported and left out, and the
    /// file still loads. Fewer than two, or a list that differs from the other language's, is a warning: the page still
    /// works, but a visitor should never reach a dead end, whichever language they read.
    /// </summary>
    private static List<ArticleDocument> CheckRelated(List<ArticleDocument> consistent, List<ArticleDocument> parsed, List<ContentProblem> problems)
    {
        var articleKeys = parsed.Where(d => d.Kind == ContentKind.Article).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var checkedDocuments = consistent.Select(document =>
        {
            if (document.Kind != ContentKind.Article)
            {
                return document;
            }

            var kept = new List<string>();
            foreach (var key in document.Related)
            {
                var message = key == document.Key ? $"The related question '{key}' is this article itself."
                    : kept.Contains(key) ? $"The related question '{key}' is listed more than once."
                    : !articleKeys.Contains(key) ? $"The related question '{key}' is not the key of any article."
                    : null;
                if (message is null)
                {
                    kept.Add(key);
                }
                else
                {
                    problems.Add(new(document.Path, document.LineOf("related"), "related", message));
                }
            }

            if (kept.Count < 2)
            {
                problems.Add(new(document.Path, document.LineOf(document.FieldLines.ContainsKey("related") ? "related" : "key"), "related",
                    $"List at least two related questions in 'related:' ({kept.Count} now), so that the page is no dead end.", ProblemSeverity.Warning));
            }

            return document with { Related = kept };
        }).ToList();

        var cultureOrder = PortalCultures.All.ToList();
        foreach (var translations in checkedDocuments.Where(d => d.Kind == ContentKind.Article).GroupBy(d => d.Key))
        {
            var ordered = translations.OrderBy(d => cultureOrder.IndexOf(d.Culture)).ToList();
            foreach (var document in ordered.Skip(1).Where(d => !d.Related.SequenceEqual(ordered[0].Related, StringComparer.Ordinal)))
            {
                problems.Add(new(document.Path, document.LineOf("related"), "related",
                    $"The related questions [{string.Join(", ", document.Related)}] differ from [{string.Join(", ", ordered[0].Related)}] in {ordered[0].Path}; keep the languages the same.",
                    ProblemSeverity.Warning));
            }
        }

        return checkedDocuments;
    }

    /// <summary>
    /// A former slug (<c>redirect_from:</c>) must not be a slug in use in that language (a live address never redirects)
    /// nor another file's former slug (it can lead to one place only): either is reported and that former slug left out.
    /// </summary>
    private static List<ArticleDocument> CheckRedirects(
        List<ArticleDocument> consistent, Dictionary<string, (string Culture, string Slug, ContentKind Kind)> slugsByPath, List<ContentProblem> problems)
    {
        var live = slugsByPath.Values.Select(v => (v.Kind, v.Culture, v.Slug)).ToHashSet();
        var claims = consistent.SelectMany(d => d.RedirectFrom.Distinct(StringComparer.Ordinal).Select(old => (d.Kind, d.Culture, Old: old, Document: d)))
            .ToLookup(c => (c.Kind, c.Culture, c.Old), c => c.Document);
        return [.. consistent.Select(document =>
        {
            var kept = new List<string>();
            foreach (var old in document.RedirectFrom.Distinct(StringComparer.Ordinal))
            {
                var others = claims[(document.Kind, document.Culture, old)].Where(d => d != document).Select(d => d.Path).ToList();
                var message = live.Contains((document.Kind, document.Culture, old))
                    ? $"The former slug '{old}' is the slug of a file in this language: a live address cannot redirect."
                    : others.Count > 0 ? $"The former slug '{old}' is also listed by {string.Join(", ", others)}; it can redirect to one place only."
                    : null;
                if (message is null)
                {
                    kept.Add(old);
                }
                else
                {
                    problems.Add(new(document.Path, document.LineOf("redirect_from"), "redirect_from", message));
                }
            }

            return document with { RedirectFrom = kept };
        })];
    }

    /// <summary>
    /// Each topic's popular questions must be articles of that topic, each listed once; a key that is not is reported
    /// at its line in topics.yml and left out, and the rest of the list and of topics.yml still count.
    /// </summary>
    private static IReadOnlyList<TopicDefinition>? CheckPopular(IReadOnlyList<TopicDefinition>? topics, List<ArticleDocument> documents, List<ContentProblem> problems)
    {
        if (topics is null)
        {
            return null;
        }

        var topicOf = documents.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.First().Topic, StringComparer.Ordinal);
        return [.. topics.Select(topic => topic with
        {
            Popular = [.. topic.Popular.Where((key, index) =>
            {
                if (topic.Popular.Take(index).Contains(key))
                {
                    problems.Add(new(TopicsFile.FileName, topic.PopularLine, "popular", $"The popular question '{key}' is listed more than once."));
                    return false;
                }

                if (!topicOf.TryGetValue(key, out var articleTopic))
                {
                    problems.Add(new(TopicsFile.FileName, topic.PopularLine, "popular", $"The popular question '{key}' of topic '{topic.Key}' is not the key of any article."));
                    return false;
                }

                if (articleTopic != topic.Key)
                {
                    problems.Add(new(TopicsFile.FileName, topic.PopularLine, "popular", $"The popular question '{key}' is in topic '{articleTopic}'; list it under that topic, not '{topic.Key}'."));
                    return false;
                }

                return true;
            })],
        })];
    }

    private static void RejectClashes<TKey>(
        List<ArticleDocument> documents, Func<ArticleDocument, TKey> key, string field, Func<ArticleDocument, string> subject, string rule,
        HashSet<ArticleDocument> rejected, List<ContentProblem> problems)
    {
        foreach (var clash in documents.GroupBy(key).Where(g => g.Count() > 1))
        {
            foreach (var document in clash)
            {
                var others = string.Join(", ", clash.Where(d => d != document).Select(d => d.Path));
                problems.Add(new(document.Path, document.LineOf(field), field, $"{subject(document)} is also used by {others}; {rule}."));
                rejected.Add(document);
            }
        }
    }
}
