using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Data;

/// <summary>
/// The keys of the catalogue's topics and articles, read once in a while rather than on every request: each survey
/// submission checks its topic and source article against them, and the survey takes thousands a second. An import in
/// this process forgets them at once; a change made by another process (another instance, <c>content import</c>) is
/// seen within <paramref name="maxAge"/>, after which they are read again. An import that changes only topics.yml
/// counts no change (it evicts no page), so the age is what brings its topics here. The pages' titles and slugs are
/// kept here too, for the footer of every page (error and admin pages included, which no cache spares a query).
/// </summary>
public sealed class CatalogueKeys(IServiceScopeFactory scopes, TimeProvider time, TimeSpan maxAge)
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

    /// <summary>After an import has committed: the next question reads the keys again.</summary>
    public void Forget() => Volatile.Write(ref _current, null);

    private Task<Keys> CurrentAsync()
    {
        if (Volatile.Read(ref _current) is { } current && IsFresh(current))
        {
            return current.Keys;
        }

        // One read for every request that asks meanwhile; a read that failed is tried again by the next question.
        lock (_reading)
        {
            if (_current is null || !IsFresh(_current))
            {
                _current = new Reading(Task.Run(ReadAsync), time.GetTimestamp());
            }

            return _current.Keys;
        }
    }

    private bool IsFresh(Reading reading)
        => reading.Keys is { IsFaulted: false, IsCanceled: false } && time.GetElapsedTime(reading.Started) < maxAge;

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

    private sealed record Reading(Task<Keys> Keys, long Started);
}

/// <summary>A page of content/{culture}/pages/ in one language, as the footer links it.</summary>
public sealed record PageEntry(string Key, string Culture, string Slug, string Title);
