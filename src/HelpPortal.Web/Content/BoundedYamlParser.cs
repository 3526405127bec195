using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HelpPortal.Web.Content;

/// <summary>
/// Hands YamlDotNet's events to its representation model, refusing with a <see cref="YamlException"/> (so with a line)
/// what the model cannot survive: nesting deeper than front matter or topics.yml ever needs (the model recurses per
/// level), an alias inside the value it names (a cycle that overflows the stack as soon as the value is hashed), and
/// aliases that multiply a few lines into millions of values (the "billion laughs").
/// </summary>
internal sealed class BoundedYamlParser(IParser inner) : IParser
{
    public const int MaxDepth = 20;

    /// <summary>Values in a document counted with every alias expanded; a front matter has about ten.</summary>
    public const long MaxExpandedValues = 10_000;

    private readonly Dictionary<AnchorName, long> _completeAnchors = [];
    private readonly Stack<(AnchorName Anchor, long Values)> _open = new();
    private Mark _lastStart = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = inner.MoveNext();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException when an unclosed [ or { runs into the next
            // lines; the last event it did read is the best line there is.
            throw new YamlException(_lastStart, _lastStart, "A list '[' or a group '{' is not closed here, or a value containing : [ ] { } or , needs quotes.");
        }

        if (!moved || inner.Current is not { } current)
        {
            return moved;
        }

        _lastStart = current.Start;
        switch (current)
        {
            case DocumentStart:
                _completeAnchors.Clear();
                break;
            case MappingStart or SequenceStart:
                if (_open.Count == MaxDepth)
                {
                    throw new YamlException(current.Start, current.End, $"The YAML is nested more than {MaxDepth} levels deep.");
                }

                var anchor = ((NodeEvent)current).Anchor;
                _completeAnchors.Remove(anchor); // An alias inside this value must not reach it, nor an older value of the same name.
                _open.Push((anchor, 1));
                break;
            case MappingEnd or SequenceEnd:
                var (name, values) = _open.Pop();
                Complete(name, values, current);
                break;
            case Scalar scalar:
                Complete(scalar.Anchor, 1, current);
                break;
            case AnchorAlias alias:
                if (!_completeAnchors.TryGetValue(alias.Value, out var aliased))
                {
                    throw new YamlException(current.Start, current.End, $"The alias '*{alias.Value}' does not name a value marked '&{alias.Value}' before it (and outside it).");
                }

                Count(aliased, current);
                break;
        }

        return true;
    }

    private void Complete(AnchorName anchor, long values, ParsingEvent current)
    {
        if (!anchor.IsEmpty)
        {
            _completeAnchors[anchor] = values;
        }

        Count(values, current);
    }

    private void Count(long values, ParsingEvent current)
    {
        if (_open.TryPop(out var parent))
        {
            values += parent.Values;
            _open.Push((parent.Anchor, values));
        }

        if (values > MaxExpandedValues)
        {
            throw new YamlException(current.Start, current.End, string.Create(CultureInfo.InvariantCulture, $"With its aliases expanded the YAML has more than {MaxExpandedValues:N0} values."));
        }
    }
}
