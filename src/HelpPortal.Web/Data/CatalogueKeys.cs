using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Data;

/// <summary>
/// The keys of the catalogue's topics and articles, read once per catalogue version rather than on every request: each
/// survey submission checks its topic and source article against them, and the survey takes thousands a second. The
/// pages' titles and slugs are kept here too, for the footer of every page (error and admin pages included, which no
/// cache spares a query). They are read again after any import that changed the catalogue, here or in another process
/// (<see cref="CatalogueVersion"/>); an import that changes only topics.yml counts topics.yml as changed, so it does too.
/// </summary>
public sealed class CatalogueKeys(IServiceScopeFactory scopes, CatalogueVersion catalogue)
{
    private readonly Lock _reading = new();
    private Reading? _current;

    public async Task<IReadOnlySet<string>> TopicsAsync(CancellationToken cancellationToken)
        => (await CurrentAsync().WaitAsync(cancellationToken)).Topics;

    public async Task<bool> IsArticleAsync(string key, CancellationToken cancellationToken)
        => (await CurrentAsync().WaitAsync(cancellationToken)).Articles.Contains(key);

    /// <summary>Every page of content/{culture}/pages/ in every language, in the footer's order.</summary>
    public async Task<IReadOnlyList<PageEntry>> PagesAsync(CancellationToken cancellationToken)
        => (await CurrentAsync().WaitAsync(cancellationToken)).Pages;

    private Task<Keys> CurrentAsync()
    {
        // The version is taken before the reading begins: a reading that overlaps a change carries the version before
        // it, and the next question reads again.
        var version = catalogue.ImportId;
        if (Volatile.Read(ref _current) is { } current && current.IsOf(version))
        {
            return current.Keys;
        }

        // One read for every request that asks meanwhile; a read that failed is tried again by the next question.
        lock (_reading)
        {
            if (_current is null || !_current.IsOf(version))
            {
                _current = new Reading(Task.Run(ReadAsync), version);
            }

            return _current.Keys;
        }
    }

    private async Task<Keys> ReadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var topics = await db.Topics.Select(t => t.Key).ToListAsync();
        var articles = await db.Articles.Select(a => a.Key).ToListAsync();
        var pages = await db.ContentPages.OrderBy(p => p.SortOrder).ThenBy(p => p.Key)
            .Select(p => new PageEntry(p.Key, p.Culture, p.Slug, p.Title)).ToListAsync();
        return new Keys(topics.ToFrozenSet(StringComparer.Ordinal), articles.ToFrozenSet(StringComparer.Ordinal), pages);
    }

    private sealed record Keys(FrozenSet<string> Topics, FrozenSet<string> Articles, IReadOnlyList<PageEntry> Pages);

    private sealed record Reading(Task<Keys> Keys, int Version)
    {
        public bool IsOf(int version) => Version == version && Keys is { IsFaulted: false, IsCanceled: false };
    }
}

/// <summary>A page of content/{culture}/pages/ in one language, as the footer links it.</summary>
public sealed record PageEntry(string Key, string Culture, string Slug, string Title);
