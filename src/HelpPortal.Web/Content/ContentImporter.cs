using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Content;

public sealed record ImportReport(bool Applied, int Added, int Updated, int Unchanged, int Removed, IReadOnlyList<ContentProblem> Problems)
{
    public bool Changed => Added + Updated + Removed > 0;
}

/// <summary>
/// Serialises imports in this process: the start-up import and the file watcher must never write the catalogue at the
/// same time. Across processes the database does it (see <see cref="ContentImporter"/>).
/// </summary>
public sealed class ContentImportGate
{
    internal SemaphoreSlim Semaphore { get; } = new(1, 1);
}

/// <summary>
/// Brings the catalogue tables in line with the content folder. Only the catalogue tables are written; a file that
/// fails to load keeps the version imported before it, so a typo never takes an answer offline. One import at a time
/// across instances: on PostgreSQL the transaction first takes an advisory lock, on SQLite the file's write lock does
/// it. The catalogue is read only after the lock is held, so an instance that waited for another's import compares
/// against it, finds every file unchanged and writes nothing. An import that changed something moves
/// <see cref="CatalogueVersion"/> once committed, which every cache of catalogue state follows; other instances learn of
/// it through <see cref="CatalogueChangePoller"/>.
/// </summary>
public sealed partial class ContentImporter(
    PortalDbContext db,
    IOptions<ContentOptions> options,
    PortalPaths paths,
    CatalogueVersion catalogue,
    SearchVocabulary searchVocabulary,
    ContentImportGate gate,
    TimeProvider time,
    ILogger<ContentImporter> logger)
{
    /// <summary>Advisory-lock key of the import, held until its transaction ends: "HPimport" in ASCII.</summary>
    internal const long ImportLock = 0x4850_696D_706F_7274;

    /// <summary>Whether this import changed what topics.yml decides: a topic's texts or order, or the popular questions.</summary>
    private bool _topicsFileChanged;

    /// <summary>Whether this import fills an empty catalogue: nothing it adds is then an update of what was shown.</summary>
    private bool _firstImport;

    public Task<ImportReport> ImportAsync(CancellationToken cancellationToken) => ImportAsync(skipUnchanged: false, cancellationToken);

    /// <summary>
    /// With <paramref name="skipUnchanged"/> (the start-up's import), nothing is read or compared when the last recorded
    /// import read this same folder with this same build (<see cref="ContentFingerprint"/>): the catalogue already holds
    /// what a full import would leave, and the report says so with <see cref="ImportReport.Applied"/> false and no problems.
    /// </summary>
    public async Task<ImportReport> ImportAsync(bool skipUnchanged, CancellationToken cancellationToken)
    {
        await gate.Semaphore.WaitAsync(cancellationToken);
        try
        {
            var folder = paths.Resolve(options.Value.Path);
            searchVocabulary.UseSynonymsFrom(folder); // Not stored in the database: every instance reads its own folder's.
            var fingerprint = ContentFingerprint.Compute(folder);
            if (skipUnchanged && fingerprint is not null && await LastImportOfAsync(fingerprint, cancellationToken) is { } last)
            {
                if (last.Errors + last.Warnings > 0)
                {
                    LogUnchangedWithProblems(logger, folder, last.Id, last.Errors, last.Warnings);
                }
                else
                {
                    LogUnchanged(logger, folder, last.Id);
                }

                return new ImportReport(false, 0, 0, 0, 0, []);
            }

            return await ImportLockedAsync(folder, fingerprint, cancellationToken);
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    /// <summary>
    /// The last recorded import, when it read the content this fingerprint stands for. A plain command, not a LINQ query,
    /// which would cost a query compilation at every start.
    /// </summary>
    private async Task<(int Id, int Errors, int Warnings)?> LastImportOfAsync(string fingerprint, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT "Id", "Fingerprint", "Errors", "Warnings" FROM "ContentImports" ORDER BY "Id" DESC LIMIT 1""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(1) && reader.GetString(1) == fingerprint
                ? (reader.GetInt32(0), reader.GetInt32(2), reader.GetInt32(3))
                : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<ImportReport> ImportLockedAsync(string folder, string? fingerprint, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        _topicsFileChanged = false;
        // The hashes the catalogue holds, read before the import's lock, which must not be held while files render: a file
        // with one of them renders to the HTML already stored, so only new and changed files are rendered. Should another
        // instance change a row before this import holds the lock, that file is rendered when it is written.
        var imported = await db.ArticleTranslations.AsNoTracking().Select(t => t.ContentHash)
            .Concat(db.ContentPages.AsNoTracking().Select(p => p.ContentHash))
            .ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var content = new ContentReader().Read(folder, imported.Contains);
        foreach (var problem in content.Problems)
        {
            LogProblem(logger, problem.Severity == ProblemSeverity.Error ? LogLevel.Error : LogLevel.Warning, problem);
        }

        if (content.Topics is null)
        {
            LogSkipped(logger, folder);
            return new ImportReport(false, 0, 0, 0, 0, content.Problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLock})", cancellationToken);
        }

        var topics = await SyncTopicsAsync(content.Topics, cancellationToken);
        var (added, updated, unchanged, removed) = await SyncArticlesAsync(content, topics, cancellationToken);

        // topics.yml counts as one updated file when it changed a topic or the popular questions, so that the pages
        // showing them are evicted here and, through the import's record, on every other instance.
        if (_topicsFileChanged)
        {
            updated++;
        }

        _topicsFileChanged |= await SyncRedirectsAsync(content, cancellationToken);
        var pages = await SyncPagesAsync(content, cancellationToken);
        (added, updated, unchanged, removed) = (added + pages.Added, updated + pages.Updated, unchanged + pages.Unchanged, removed + pages.Removed);

        var record = new ContentImport
        {
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            Added = added,
            Updated = updated,
            Unchanged = unchanged,
            Removed = removed,
            Errors = content.ErrorCount,
            Warnings = content.WarningCount,
            Fingerprint = fingerprint,
        };
        db.ContentImports.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var report = new ImportReport(true, added, updated, unchanged, removed, content.Problems);
        if (report.Changed)
        {
            catalogue.MoveTo(record.Id);
        }

        LogImported(logger, folder, added, updated, unchanged, removed, content.ErrorCount, content.WarningCount);
        return report;
    }

    private async Task<Dictionary<string, Topic>> SyncTopicsAsync(IReadOnlyList<TopicDefinition> definitions, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.Include(t => t.Translations).ToDictionaryAsync(t => t.Key, cancellationToken);
        var firstImport = topics.Count == 0;
        _firstImport = firstImport;
        foreach (var gone in topics.Values.Where(t => definitions.All(d => d.Key != t.Key)).ToList())
        {
            db.Topics.Remove(gone);
            topics.Remove(gone.Key);
        }

        foreach (var definition in definitions)
        {
            if (!topics.TryGetValue(definition.Key, out var topic))
            {
                topic = new Topic { Key = definition.Key };
                db.Topics.Add(topic);
                topics[definition.Key] = topic;
            }

            topic.SortOrder = definition.Order;
            foreach (var (culture, text) in definition.Texts)
            {
                var translation = topic.Translations.FirstOrDefault(t => t.Culture == culture);
                if (translation is null)
                {
                    topic.Translations.Add(new TopicTranslation { Culture = culture, Slug = text.Slug, Name = text.Name, Description = text.Description });
                    continue;
                }

                translation.Slug = text.Slug;
                translation.Name = text.Name;
                translation.Description = text.Description;
            }
        }

        _topicsFileChanged |= !firstImport && db.ChangeTracker.HasChanges();
        await db.SaveChangesAsync(cancellationToken);
        return topics;
    }

    private async Task<(int Added, int Updated, int Unchanged, int Removed)> SyncArticlesAsync(
        ContentSet content, Dictionary<string, Topic> topics, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.Include(a => a.Translations).ToDictionaryAsync(a => a.Key, cancellationToken);
        var wanted = content.Articles.ToDictionary(a => (a.Document.Key, a.Document.Culture));
        var popularRanks = content.Topics!.OrderBy(t => t.Order).SelectMany(t => t.Popular)
            .Select((key, rank) => (key, rank)).ToDictionary(p => p.key, p => p.rank, StringComparer.Ordinal);
        var claimedSlugs = content.Articles.Select(a => (a.Document.Culture, a.Document.Slug)).ToHashSet();
        var claimedPaths = content.Articles.Select(a => a.Document.Path).ToHashSet(StringComparer.Ordinal);

        // Removals first, in their own save, so a renamed or re-keyed file never collides with its old row.
        var removed = 0;
        var removedIds = new List<int>();
        var changed = new List<ArticleTranslation>();
        foreach (var article in articles.Values)
        {
            foreach (var translation in article.Translations.ToList())
            {
                var updatedInPlace = wanted.ContainsKey((article.Key, translation.Culture));
                var keptAfterFailure = content.KeepsLastGoodVersion(translation.SourcePath)
                    && !claimedSlugs.Contains((translation.Culture, translation.Slug))
                    && !claimedPaths.Contains(translation.SourcePath);
                if (!updatedInPlace && !keptAfterFailure)
                {
                    article.Translations.Remove(translation);
                    db.ArticleTranslations.Remove(translation);
                    removedIds.Add(translation.Id);
                    removed++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        int added = 0, updated = 0, unchanged = 0;
        foreach (var rendered in content.Articles)
        {
            var document = rendered.Document;
            if (!articles.TryGetValue(document.Key, out var article))
            {
                article = new Article { Key = document.Key };
                db.Articles.Add(article);
                articles[document.Key] = article;
            }

            article.Topic = topics[document.Topic];
            article.SortOrder = document.Order;
            int? popularRank = popularRanks.TryGetValue(document.Key, out var rank) ? rank : null;
            _topicsFileChanged |= article.Id != 0 && article.PopularRank != popularRank;
            article.PopularRank = popularRank;

            var translation = article.Translations.FirstOrDefault(t => t.Culture == document.Culture);
            if (translation?.ContentHash == rendered.ContentHash)
            {
                unchanged++;
                continue;
            }

            if (translation is null)
            {
                translation = new ArticleTranslation
                {
                    Culture = document.Culture, Slug = document.Slug, Title = document.Title, Html = rendered.Html, PlainText = rendered.PlainText,
                    SourcePath = document.Path, ContentHash = rendered.ContentHash,
                };
                article.Translations.Add(translation);
                added++;
            }
            else
            {
                updated++;
            }

            translation.Slug = document.Slug;
            translation.Title = document.Title;
            translation.Summary = document.Summary;
            translation.Html = rendered.Html;
            translation.PlainText = rendered.PlainText;
            translation.UpdatedOn = document.Updated;
            translation.SourcePath = document.Path;
            translation.ContentHash = rendered.ContentHash;
            translation.RelatedKeys = string.Join(' ', document.Related);
            translation.ReviewNote = document.ReviewNote;
            changed.Add(translation);
        }

        foreach (var orphan in articles.Values.Where(a => a.Translations.Count == 0))
        {
            db.Articles.Remove(orphan);
        }

        await db.SaveChangesAsync(cancellationToken);
        await SearchIndex.UpdateAsync(db, changed, removedIds, cancellationToken);
        return (added, updated, unchanged, removed);
    }

    /// <summary>
    /// The former slugs, rebuilt from the files that loaded and topics.yml. An article whose file failed today keeps its
    /// last good version and, with it, the former slugs it had. Returns whether a topic's changed, which makes topics.yml
    /// count as updated (pages are evicted); an article's former slugs change only with its file, already counted.
    /// </summary>
    private async Task<bool> SyncRedirectsAsync(ContentSet content, CancellationToken cancellationToken)
    {
        var wanted = content.Articles
            .SelectMany(a => a.Document.RedirectFrom.Select(old => (Kind: RedirectKind.Article, a.Document.Culture, Slug: old, a.Document.Key)))
            .Concat(content.Topics!.SelectMany(t => t.Texts.SelectMany(text => text.Value.RedirectFrom.Select(old => (Kind: RedirectKind.Topic, Culture: text.Key, Slug: old, t.Key)))))
            .ToHashSet();
        var loaded = content.Articles.Select(a => (a.Document.Culture, a.Document.Key)).ToHashSet();
        var kept = await db.ArticleTranslations.AsNoTracking().Select(t => new { t.Culture, t.Article.Key }).ToListAsync(cancellationToken);
        var keptAfterFailure = kept.Select(t => (t.Culture, t.Key)).Where(t => !loaded.Contains(t)).ToHashSet();

        var rows = await db.SlugRedirects.ToListAsync(cancellationToken);
        var changed = false;
        foreach (var row in rows)
        {
            var stays = wanted.Remove((row.Kind, row.Culture, row.Slug, row.TargetKey))
                || (row.Kind == RedirectKind.Article && keptAfterFailure.Contains((row.Culture, row.TargetKey))
                    && !wanted.Any(w => w.Kind == row.Kind && w.Culture == row.Culture && w.Slug == row.Slug));
            if (!stays)
            {
                db.SlugRedirects.Remove(row);
                changed |= row.Kind == RedirectKind.Topic;
            }
        }

        // Removals first, in their own save, so a former slug that moves to another article never meets its old row.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (kind, culture, old, key) in wanted)
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = kind, Culture = culture, Slug = old, TargetKey = key });
            changed |= kind == RedirectKind.Topic;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed && !_firstImport;
    }

    /// <summary>The pages, by the articles' rules: a file that failed keeps its row, a file that is gone loses it.</summary>
    private async Task<(int Added, int Updated, int Unchanged, int Removed)> SyncPagesAsync(ContentSet content, CancellationToken cancellationToken)
    {
        var rows = await db.ContentPages.ToListAsync(cancellationToken);
        var wanted = content.Pages.Select(p => (p.Document.Key, p.Document.Culture)).ToHashSet();
        var claimedSlugs = content.Pages.Select(p => (p.Document.Culture, p.Document.Slug)).ToHashSet();
        var claimedPaths = content.Pages.Select(p => p.Document.Path).ToHashSet(StringComparer.Ordinal);

        // Removals first, in their own save, so a renamed or re-keyed file never collides with its old row.
        var removed = 0;
        foreach (var row in rows.ToList())
        {
            var keptAfterFailure = content.KeepsLastGoodVersion(row.SourcePath)
                && !claimedSlugs.Contains((row.Culture, row.Slug))
                && !claimedPaths.Contains(row.SourcePath);
            if (!wanted.Contains((row.Key, row.Culture)) && !keptAfterFailure)
            {
                db.ContentPages.Remove(row);
                rows.Remove(row);
                removed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        int added = 0, updated = 0, unchanged = 0;
        foreach (var rendered in content.Pages)
        {
            var document = rendered.Document;
            var row = rows.FirstOrDefault(r => r.Key == document.Key && r.Culture == document.Culture);
            if (row?.ContentHash == rendered.ContentHash)
            {
                unchanged++;
                continue;
            }

            if (row is null)
            {
                row = new ContentPage
                {
                    Key = document.Key, Culture = document.Culture, Slug = document.Slug, Title = document.Title, Html = rendered.Html,
                    SourcePath = document.Path, ContentHash = rendered.ContentHash,
                };
                db.ContentPages.Add(row);
                added++;
            }
            else
            {
                updated++;
            }

            row.Slug = document.Slug;
            row.Title = document.Title;
            row.Summary = document.Summary;
            row.SortOrder = document.Order;
            row.Html = rendered.Html;
            row.UpdatedOn = document.Updated;
            row.SourcePath = document.Path;
            row.ContentHash = rendered.ContentHash;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (added, updated, unchanged, removed);
    }

    [LoggerMessage("Content problem: {Problem}")]
    private static partial void LogProblem(ILogger logger, LogLevel level, ContentProblem problem);

    [LoggerMessage(LogLevel.Error, "Content import skipped: topics.yml could not be read from {Folder}; the catalogue is unchanged")]
    private static partial void LogSkipped(ILogger logger, string folder);

    [LoggerMessage(LogLevel.Information, "Content in {Folder} is as content import {ImportId} read it, with this build: nothing to import")]
    private static partial void LogUnchanged(ILogger logger, string folder, int importId);

    [LoggerMessage(LogLevel.Warning, "Content in {Folder} is as content import {ImportId} read it, with this build: nothing to import; that import found {Errors} errors and {Warnings} warnings, which `content check` lists")]
    private static partial void LogUnchangedWithProblems(ILogger logger, string folder, int importId, int errors, int warnings);

    [LoggerMessage(LogLevel.Information, "Content imported from {Folder}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Errors} errors, {Warnings} warnings")]
    private static partial void LogImported(ILogger logger, string folder, int added, int updated, int unchanged, int removed, int errors, int warnings);
}
