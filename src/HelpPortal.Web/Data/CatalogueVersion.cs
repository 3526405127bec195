using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Data;

/// <summary>
/// The one "catalogue changed" signal of this process: the id of the latest content import that changed the catalogue,
/// as this process last learnt it. This process's import moves it once its transaction has committed; the change
/// poller moves it when another process (another instance, <c>content import</c>) has imported (docs/decisions/0004).
/// Whatever is derived from the catalogue follows it, and neither the importer nor the poller knows what that is.
/// </summary>
/// <remarks>
/// A cache read on demand stamps what it reads with <see cref="ImportId"/> as it was before the read began, and reads
/// again once the id differs: a comparison of state that no reading in flight can overtake, whichever thread is first.
/// Whatever must act on a change (evict pages, read files again) watches <see cref="Watch"/> with
/// <see cref="ChangeToken.OnChange(Func{IChangeToken?}, Action)"/>, the framework's own way to follow a source that
/// changes (as options and configuration reloads do), rather than an event that each subscriber would have to unhook.
/// </remarks>
public sealed class CatalogueVersion : IDisposable
{
    private readonly Lock _moving = new();
    private CancellationTokenSource _changes = new();
    private int _importId;

    /// <summary>The id of the latest import that changed the catalogue, or 0 before this process has learnt one.</summary>
    public int ImportId => Volatile.Read(ref _importId);

    /// <summary>A token that fires at the next change; take a new one after it has.</summary>
    public IChangeToken Watch()
    {
        lock (_moving)
        {
            return new CancellationChangeToken(_changes.Token);
        }
    }

    /// <summary>
    /// Records the latest import that changed the catalogue; when that is news, tells every watcher, after the new id is
    /// readable. Returns whether it was news. Any different id is news, not only a higher one: a database replaced under
    /// a running portal numbers its imports from 1 again.
    /// </summary>
    public bool MoveTo(int importId)
    {
        CancellationTokenSource changed;
        lock (_moving)
        {
            if (importId == _importId)
            {
                return false;
            }

            Volatile.Write(ref _importId, importId);
            changed = _changes;
            _changes = new CancellationTokenSource();
        }

        changed.Cancel();
        changed.Dispose(); // A token taken before is cancelled for good: registering on it still runs the callback at once.
        return true;
    }

    public void Dispose()
    {
        lock (_moving)
        {
            _changes.Dispose();
        }
    }
}
