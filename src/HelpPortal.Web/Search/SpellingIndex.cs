using System.Collections.Frozen;

namespace HelpPortal.Web.Search;

/// <summary>
/// The index's own terms of one language, ready to correct a misspelt query term: a symmetric-delete index in the manner
/// of SymSpell. Every term is stored under every string made by deleting up to <see cref="MaxDistance"/> of its
/// letters; a query term's own deletes then find every term within that distance by a handful of dictionary look-ups,
/// whatever the size of the vocabulary, and only those few candidates are measured with <see cref="Distance"/>.
/// </summary>
public sealed class SpellingIndex
{
    public const int MaxDistance = 2;

    // A term longer than this is stored whole but not under its deletes: the deletes of a long word are many and such
    // words are rarely mistyped into something we could still recognise. Bounds memory at about 100 deletes per term.
    private const int MaxIndexedLength = 24;

    private readonly FrozenDictionary<string, int> _documents;
    private readonly FrozenDictionary<string, string[]> _byDelete;
    private readonly string[] _sorted;

    /// <param name="documents">Each term with the number of articles that hold it, which decides between equally near terms.</param>
    public SpellingIndex(IReadOnlyDictionary<string, int> documents)
    {
        _documents = documents.ToFrozenDictionary(StringComparer.Ordinal);
        _sorted = [.. documents.Keys.Order(StringComparer.Ordinal)];
        var byDelete = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Terms with digits (codes, numbers) are known but not indexed by their deletes: a query word with digits is never
        // corrected, and a misspelt word should not turn into a code.
        foreach (var term in _sorted.Where(t => t.Length <= MaxIndexedLength && !t.Any(char.IsDigit)))
        {
            foreach (var delete in Deletes(term, MaxDistance))
            {
                if (!byDelete.TryGetValue(delete, out var terms))
                {
                    byDelete[delete] = terms = [];
                }

                terms.Add(term);
            }
        }

        _byDelete = byDelete.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public static SpellingIndex Empty { get; } = new(new Dictionary<string, int>());

    public int Count => _documents.Count;

    public bool Contains(string term) => _documents.ContainsKey(term);

    /// <summary>Whether some term begins with <paramref name="prefix"/> (a word still being typed is not a typo).</summary>
    public bool HasPrefix(string prefix)
    {
        var index = Array.BinarySearch(_sorted, prefix, StringComparer.Ordinal);
        var next = index >= 0 ? index : ~index;
        return next < _sorted.Length && _sorted[next].StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// The nearest term within <paramref name="maxDistance"/> edits (a letter missing, added, changed, or two neighbours
    /// swapped), the one most articles hold among equally near ones; null when there is none.
    /// </summary>
    public (string Term, int Distance)? Nearest(string term, int maxDistance)
    {
        maxDistance = Math.Min(maxDistance, MaxDistance);
        if (maxDistance <= 0)
        {
            return null;
        }

        (string Term, int Distance)? best = null;
        var bestDocuments = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var delete in Deletes(term, maxDistance).Prepend(term))
        {
            // A delete of the query term may itself be a term ("paasword" → "password"), or a delete of terms.
            var candidates = _byDelete.GetValueOrDefault(delete, []);
            foreach (var candidate in _documents.ContainsKey(delete) ? candidates.Prepend(delete) : candidates)
            {
                if (!seen.Add(candidate) || Math.Abs(candidate.Length - term.Length) > maxDistance)
                {
                    continue;
                }

                var distance = Distance(term, candidate);
                var documents = _documents[candidate];
                if (distance <= maxDistance && (best is null || distance < best.Value.Distance
                    || (distance == best.Value.Distance && (documents > bestDocuments || (documents == bestDocuments && string.CompareOrdinal(candidate, best.Value.Term) < 0)))))
                {
                    best = (candidate, distance);
                    bestDocuments = documents;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Damerau–Levenshtein distance in its "optimal string alignment" form: insertions, deletions, substitutions and
    /// swaps of two neighbouring letters each cost 1 ("passwrod" is one edit from "password", not two).
    /// </summary>
    public static int Distance(string a, string b)
    {
        var rows = new int[3][];
        for (var i = 0; i < 3; i++)
        {
            rows[i] = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var (previous2, previous, current) = (rows[(i + 1) % 3], rows[(i + 2) % 3], rows[i % 3]);
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }
        }

        return rows[a.Length % 3][b.Length];
    }

    /// <summary>Every distinct string made by deleting 1 to <paramref name="distance"/> letters of the term.</summary>
    private static HashSet<string> Deletes(string term, int distance)
    {
        var deletes = new HashSet<string>(StringComparer.Ordinal);
        var level = new List<string> { term };
        for (var d = 0; d < distance; d++)
        {
            var next = new List<string>();
            foreach (var word in level.Where(w => w.Length > 1))
            {
                for (var i = 0; i < word.Length; i++)
                {
                    var delete = word.Remove(i, 1);
                    if (deletes.Add(delete))
                    {
                        next.Add(delete);
                    }
                }
            }

            level = next;
        }

        return deletes;
    }
}
