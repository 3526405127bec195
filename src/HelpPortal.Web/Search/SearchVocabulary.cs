using System.Collections.Concurrent;
using HelpPortal.Web.Data;
using HelpPortal.Web.Localization;

namespace HelpPortal.Web.Search;

/// <summary>
/// What query-time search knows beyond the index: each language's vocabulary (the index's own terms, for typo
/// correction) and synonyms (from the content folder). Both change only with an import, so they are kept in memory and
/// forgotten on the same signals as the cached pages: this process's import, and another process's import noticed by
/// the catalogue poller (docs/decisions/0004). The vocabulary is then read again from the index by the next search
/// that needs it; the synonyms are handed over by whoever read the content folder.
/// </summary>
public sealed class SearchVocabulary(IServiceScopeFactory scopes)
{
    private readonly Lock _reading = new();
    private readonly Dictionary<string, Task<SpellingIndex>> _spelling = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Synonyms> _synonyms = new(StringComparer.Ordinal);

    /// <summary>The index's terms of one language; read once after each import, by one search while the others wait for it.</summary>
    public Task<SpellingIndex> SpellingAsync(string culture)
    {
        lock (_reading)
        {
            if (!_spelling.TryGetValue(culture, out var reading) || reading.IsFaulted || reading.IsCanceled)
            {
                _spelling[culture] = reading = Task.Run(() => ReadAsync(culture));
            }

            return reading;
        }
    }

    public Synonyms SynonymsOf(string culture) => _synonyms.GetValueOrDefault(culture, Synonyms.None);

    /// <summary>After an import has committed, here or in another process: the next search reads the vocabulary again.</summary>
    public void Forget()
    {
        lock (_reading)
        {
            _spelling.Clear();
        }
    }

    /// <summary>The synonyms files of the content folder, read again at every import and every change another process made.</summary>
    public void UseSynonymsFrom(string contentFolder)
    {
        foreach (var culture in PortalCultures.All)
        {
            try
            {
                _synonyms[culture] = Synonyms.Read(contentFolder, culture).Synonyms;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An unreadable file keeps the synonyms read before; the import and content check report it.
            }
        }
    }

    private async Task<SpellingIndex> ReadAsync(string culture)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return new SpellingIndex(await SearchIndex.TermsAsync(db, culture, CancellationToken.None));
    }
}
