using System.Collections.Concurrent;
using HelpPortal.Web.Data;
using HelpPortal.Web.Localization;
using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Search;

/// <summary>
/// What query-time search knows beyond the index: each language's vocabulary (the index's own terms, for typo
/// correction) and synonyms (from the content folder). Both change only with an import, so they are kept in memory and
/// follow <see cref="CatalogueVersion"/>: the vocabulary is read again from the index by the next search after a change,
/// and the synonyms are read again from the content folder the importer last read them from, so that an import by
/// another process brings this instance its own folder's synonyms too.
/// </summary>
public sealed class SearchVocabulary : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly CatalogueVersion _catalogue;
    private readonly IDisposable _readingSynonymsOnChange;
    private readonly Lock _reading = new();
    private readonly Dictionary<string, SpellingReading> _spelling = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Synonyms> _synonyms = new(StringComparer.Ordinal);
    private string? _contentFolder;

    public SearchVocabulary(IServiceScopeFactory scopes, CatalogueVersion catalogue)
    {
        _scopes = scopes;
        _catalogue = catalogue;
        _readingSynonymsOnChange = ChangeToken.OnChange(catalogue.Watch, () =>
        {
            if (Volatile.Read(ref _contentFolder) is { } folder)
            {
                UseSynonymsFrom(folder);
            }
        });
    }

    /// <summary>The index's terms of one language; read once per catalogue version, by one search while the others wait for it.</summary>
    public Task<SpellingIndex> SpellingAsync(string culture)
    {
        // Taken before the reading begins: a reading that overlaps a change carries the version before it and is read again.
        var version = _catalogue.ImportId;
        lock (_reading)
        {
            if (!_spelling.TryGetValue(culture, out var reading) || reading.Version != version || reading.Terms.IsFaulted || reading.Terms.IsCanceled)
            {
                _spelling[culture] = reading = new SpellingReading(Task.Run(() => ReadAsync(culture)), version);
            }

            return reading.Terms;
        }
    }

    public Synonyms SynonymsOf(string culture) => _synonyms.GetValueOrDefault(culture, Synonyms.None);

    /// <summary>The synonyms files of the content folder, read at every import here and again at every catalogue change.</summary>
    public void UseSynonymsFrom(string contentFolder)
    {
        Volatile.Write(ref _contentFolder, contentFolder);
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

    public void Dispose() => _readingSynonymsOnChange.Dispose();

    private async Task<SpellingIndex> ReadAsync(string culture)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return new SpellingIndex(await SearchIndex.TermsAsync(db, culture, CancellationToken.None));
    }

    private sealed record SpellingReading(Task<SpellingIndex> Terms, int Version);
}
