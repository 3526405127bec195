using System.Globalization;
using System.Text;

namespace HelpPortal.Tests.Architecture;

/// <summary>
/// Folder → the folders its types use, and the one question ADR 0003 asks of it: which folders reach each other both
/// ways, however long the way round (its strongly connected components larger than one folder).
/// </summary>
public sealed class FolderGraph
{
    private readonly SortedDictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);

    public FolderGraph(IEnumerable<(string From, string To)> edges)
    {
        foreach (var (from, to) in edges)
        {
            Add(from);
            Add(to);
            if (from != to)
            {
                _edges[from].Add(to);
            }
        }
    }

    public IReadOnlyCollection<string> Folders => _edges.Keys;

    public IReadOnlySet<string> From(string folder) => _edges.TryGetValue(folder, out var to) ? to : new SortedSet<string>();

    /// <summary>Every group of folders that can reach each other (Tarjan's algorithm); one line per group, sorted.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLink = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<string>();

        void Visit(string folder)
        {
            index[folder] = lowLink[folder] = index.Count;
            stack.Push(folder);
            foreach (var next in _edges[folder])
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    lowLink[folder] = Math.Min(lowLink[folder], lowLink[next]);
                }
                else if (stack.Contains(next))
                {
                    lowLink[folder] = Math.Min(lowLink[folder], nextIndex);
                }
            }

            if (lowLink[folder] == index[folder])
            {
                var component = new SortedSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != folder);

                if (component.Count > 1)
                {
                    cycles.Add(string.Join(" <-> ", component));
                }
            }
        }

        foreach (var folder in _edges.Keys.Where(f => !index.ContainsKey(f)))
        {
            Visit(folder);
        }

        cycles.Sort(StringComparer.Ordinal);
        return cycles;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (from, to) in _edges)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{from,-16} -> {(to.Count == 0 ? "(none)" : string.Join(", ", to))}");
        }

        return text.ToString();
    }

    private void Add(string folder)
    {
        if (!_edges.ContainsKey(folder))
        {
            _edges[folder] = new SortedSet<string>(StringComparer.Ordinal);
        }
    }
}
