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

        var (topics, firstImport, topicsSynced) = await SyncTopicsAsync(content.Topics, cancellationToken);
        var synced = topicsSynced
            .And(await SyncArticlesAsync(content, topics, cancellationToken))
            .And(await SyncRedirectsAsync(content, cancellationToken))
            .And(await SyncPagesAsync(content, cancellationToken));

        // topics.yml counts as one file when it changed what it decides (a topic, a topic's former slugs, the popular
        // questions): added when it fills an empty catalogue, updated otherwise, so that the change reaches every cache
        // here and, through the import's record, on every other instance. Counted once every step has said what it did.
        var (added, updated, unchanged, removed, _) = synced.TopicsChanged
            ? firstImport ? synced with { Added = synced.Added + 1 } : synced with { Updated = synced.Updated + 1 }
            : synced;

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

        // After the commit, never before: a cache that read in between reads again. Should this process stop between the
        // two, its own poller finds the import within an interval, as another instance's does.
        var report = new ImportReport(true, added, updated, unchanged, removed, content.Problems);
        if (report.Changed)
        {
            catalogue.MoveTo(record.Id);
        }

        LogImported(logger, folder, added, updated, unchanged, removed, content.ErrorCount, content.WarningCount);
        return report;
    }

    /// <summary>The topics of topics.yml; also says whether the catalogue had none before (this is its first import).</summary>
    private async Task<(Dictionary<string, Topic> Topics, bool FirstImport, SyncResult Synced)> SyncTopicsAsync(
        IReadOnlyList<TopicDefinition> definitions, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.Include(t => t.Translations).ToDictionaryAsync(t => t.Key, cancellationToken);
        var firstImport = topics.Count == 0;
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

        var changed = db.ChangeTracker.HasChanges();
        await db.SaveChangesAsync(cancellationToken);
        return (topics, firstImport, SyncResult.None with { TopicsChanged = changed });
    }

    /// <summary>The articles and their translations; a change of the popular questions is a change of topics.yml.</summary>
    private async Task<SyncResult> SyncArticlesAsync(ContentSet content, Dictionary<string, Topic> topics, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.Include(a => a.Translations).ToDictionaryAsync(a => a.Key, cancellationToken);
        var wanted = content.Articles.ToDictionary(a => (a.Document.Key, a.Document.Culture));
        var popularRanks = content.Topics!.OrderBy(t => t.Order).SelectMany(t => t.Popular)
            .Select((key, rank) => (key, rank)).ToDictionary(p => p.key, p => p.rank, StringComparer.Ordinal);
        var claimedSlugs = content.Articles.Select(a => (a.Document.Culture, a.Document.Slug)).ToHashSet();
        var claimedPaths = content.Articles.Select(a => a.Document.Path).ToHashSet(StringComparer.Ordinal);

        // Removals first, in their own save, so a renamed or re-keyed file never collides with its old row.
        var removedIds = new List<int>();
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
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var synced = SyncResult.None with { Removed = removedIds.Count };
        var popularChanged = false;
        var changed = new List<ArticleTranslation>();
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
            popularChanged |= article.Id != 0 && article.PopularRank != popularRank;
            article.PopularRank = popularRank;

            synced = synced.And(WriteByHash(
                article.Translations.FirstOrDefault(t => t.Culture == document.Culture), t => t.ContentHash, rendered.ContentHash,
                create: () =>
                {
                    var translation = new ArticleTranslation
                    {
                        Culture = document.Culture, Slug = document.Slug, Title = document.Title, Html = rendered.Html,
                        SourcePath = document.Path, ContentHash = rendered.ContentHash,
                    };
                    article.Translations.Add(translation);
                    return translation;
                },
                write: translation =>
                {
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
                }));
        }

        foreach (var orphan in articles.Values.Where(a => a.Translations.Count == 0))
        {
            db.Articles.Remove(orphan);
        }

        await db.SaveChangesAsync(cancellationToken);
        await SearchIndex.UpdateAsync(db, changed, removedIds, cancellationToken);
        return synced with { TopicsChanged = popularChanged };
    }

    /// <summary>
    /// The former slugs, rebuilt from the files that loaded and topics.yml. An article whose file failed today keeps its
    /// last good version and, with it, the former slugs it had. A topic's former slugs are part of topics.yml; an
    /// article's change only with its file, already counted.
    /// </summary>
    private async Task<SyncResult> SyncRedirectsAsync(ContentSet content, CancellationToken cancellationToken)
    {
        var wanted = content.Articles
            .SelectMany(a => a.Document.RedirectFrom.Select(old => (Kind: RedirectKind.Article, a.Document.Culture, Slug: old, a.Document.Key)))
            .Concat(content.Topics!.SelectMany(t => t.Texts.SelectMany(text => text.Value.RedirectFrom.Select(old => (Kind: RedirectKind.Topic, Culture: text.Key, Slug: old, t.Key)))))
            .ToHashSet();
        var loaded = content.Articles.Select(a => (a.Document.Culture, a.Document.Key)).ToHashSet();
        var kept = await db.ArticleTranslations.AsNoTracking().Select(t => new { t.Culture, t.Article.Key }).ToListAsync(cancellationToken);
        var keptAfterFailure = kept.Select(t => (t.Culture, t.Key)).Where(t => !loaded.Contains(t)).ToHashSet();

        var rows = await db.SlugRedirects.ToListAsync(cancellationToken);
        var topicsChanged = false;
        foreach (var row in rows)
        {
            var stays = wanted.Remove((row.Kind, row.Culture, row.Slug, row.TargetKey))
                || (row.Kind == RedirectKind.Article && keptAfterFailure.Contains((row.Culture, row.TargetKey))
                    && !wanted.Any(w => w.Kind == row.Kind && w.Culture == row.Culture && w.Slug == row.Slug));
            if (!stays)
            {
                db.SlugRedirects.Remove(row);
                topicsChanged |= row.Kind == RedirectKind.Topic;
            }
        }

        // Removals first, in their own save, so a former slug that moves to another article never meets its old row.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (kind, culture, old, key) in wanted)
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = kind, Culture = culture, Slug = old, TargetKey = key });
            topicsChanged |= kind == RedirectKind.Topic;
        }

        await db.SaveChangesAsync(cancellationToken);
        return SyncResult.None with { TopicsChanged = topicsChanged };
    }

    /// <summary>The pages, by the articles' rules: a file that failed keeps its row, a file that is gone loses it.</summary>
    private async Task<SyncResult> SyncPagesAsync(ContentSet content, CancellationToken cancellationToken)
    {
        var rows = await db.ContentPages.ToListAsync(cancellationToken);
        var wanted = content.Pages.Select(p => (p.Document.Key, p.Document.Culture)).ToHashSet();
        var claimedSlugs = content.Pages.Select(p => (p.Document.Culture, p.Document.Slug)).ToHashSet();
        var claimedPaths = content.Pages.Select(p => p.Document.Path).ToHashSet(StringComparer.Ordinal);

        // Removals first, in their own save, so a renamed or re-keyed file never collides with its old row.
        var removed = rows.Where(row => !wanted.Contains((row.Key, row.Culture)) && !KeptAfterFailure(row)).ToList();
        db.ContentPages.RemoveRange(removed);
        rows.RemoveAll(removed.Contains);
        await db.SaveChangesAsync(cancellationToken);

        var synced = SyncResult.None with { Removed = removed.Count };
        foreach (var rendered in content.Pages)
        {
            var document = rendered.Document;
            synced = synced.And(WriteByHash(
                rows.FirstOrDefault(r => r.Key == document.Key && r.Culture == document.Culture), p => p.ContentHash, rendered.ContentHash,
                create: () => db.ContentPages.Add(new ContentPage
                {
                    Key = document.Key, Culture = document.Culture, Slug = document.Slug, Title = document.Title, Html = rendered.Html,
                    SourcePath = document.Path, ContentHash = rendered.ContentHash,
                }).Entity,
                write: page =>
                {
                    page.Slug = document.Slug;
                    page.Title = document.Title;
                    page.Summary = document.Summary;
                    page.SortOrder = document.Order;
                    page.Html = rendered.Html;
                    page.UpdatedOn = document.Updated;
                    page.SourcePath = document.Path;
                    page.ContentHash = rendered.ContentHash;
                }));
        }

        await db.SaveChangesAsync(cancellationToken);
        return synced;

        bool KeptAfterFailure(ContentPage row) => content.KeepsLastGoodVersion(row.SourcePath)
            && !claimedSlugs.Contains((row.Culture, row.Slug)) && !claimedPaths.Contains(row.SourcePath);
    }

    /// <summary>
    /// One loaded file against its row, by content hash: a row with the file's hash is left as it is; otherwise the file
    /// is written over the row, which is created first when there is none. C#'s <c>required</c> makes the new row name
    /// its required members before they are written.
    /// </summary>
    private static SyncResult WriteByHash<TRow>(TRow? row, Func<TRow, string> hashOf, string contentHash, Func<TRow> create, Action<TRow> write)
        where TRow : class
    {
        if (row is not null && hashOf(row) == contentHash)
        {
            return SyncResult.None with { Unchanged = 1 };
        }

        write(row ?? create());
        return row is null ? SyncResult.None with { Added = 1 } : SyncResult.None with { Updated = 1 };
    }

    /// <summary>What one step wrote: rows added, updated, left as they were and removed, and whether it changed what topics.yml decides.</summary>
    private sealed record SyncResult(int Added, int Updated, int Unchanged, int Removed, bool TopicsChanged)
    {
        public static SyncResult None { get; } = new(0, 0, 0, 0, false);

        public SyncResult And(SyncResult other) => new(
            Added + other.Added, Updated + other.Updated, Unchanged + other.Unchanged, Removed + other.Removed, TopicsChanged || other.TopicsChanged);
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
