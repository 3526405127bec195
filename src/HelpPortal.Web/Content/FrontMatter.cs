using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HelpPortal.Web.Content;

/// <summary>One field of a YAML mapping with the file line it was written on.</summary>
internal sealed record YamlField(string Name, YamlNode Node, int Line)
{
    /// <summary>The field's text, or null when the value is a list or a mapping rather than plain text.</summary>
    public string? Text => Node is YamlScalarNode scalar ? scalar.Value : null;
}

/// <summary>The YAML block between the two <c>---</c> lines at the top of an article, and the Markdown body after it.</summary>
internal sealed class FrontMatter
{
    private FrontMatter(IReadOnlyDictionary<string, YamlField> fields, string body, int bodyStartLine)
    {
        Fields = fields;
        Body = body;
        BodyStartLine = bodyStartLine;
    }

    public IReadOnlyDictionary<string, YamlField> Fields { get; }

    public string Body { get; }

    /// <summary>The file line (1-based) on which the Markdown body begins.</summary>
    public int BodyStartLine { get; }

    public static FrontMatter? Parse(string path, string text, List<ContentProblem> problems)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            problems.Add(new(path, 1, null, "The file must begin with front matter: a line '---', the YAML fields, then another '---'."));
            return null;
        }

        var closing = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (closing < 0)
        {
            problems.Add(new(path, 1, null, "The front matter is not closed: add a line '---' after the last field."));
            return null;
        }

        var yaml = string.Join('\n', lines[1..closing]);
        var mapping = LoadMapping(path, yaml, firstLine: 2, problems);
        if (mapping is null)
        {
            return null;
        }

        var body = string.Join('\n', lines[(closing + 1)..]);
        return new FrontMatter(mapping, body, bodyStartLine: closing + 2);
    }

    /// <summary>Loads a YAML document that must be a mapping; <paramref name="firstLine"/> is the file line of the YAML's first line.</summary>
    public static IReadOnlyDictionary<string, YamlField>? LoadMapping(string path, string yaml, int firstLine, List<ContentProblem> problems)
    {
        var root = Load(path, yaml, firstLine, problems);
        if (root is null)
        {
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            problems.Add(new(path, FileLine(root, firstLine), null, "The front matter must be a list of 'field: value' lines."));
            return null;
        }

        return ReadFields(path, mapping, firstLine, problems);
    }

    public static YamlNode? Load(string path, string yaml, int firstLine, List<ContentProblem> problems)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new BoundedYamlParser(new Parser(new StringReader(yaml))));
            if (stream.Documents.Count == 0)
            {
                problems.Add(new(path, firstLine, null, "The YAML is empty."));
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line;
            var message = ex.InnerException?.Message ?? ex.Message;

            // YamlDotNet points a tab used as indentation at the mapping it interrupts; the author needs the line with the tab.
            if (message.Contains(" tab ", StringComparison.Ordinal))
            {
                line = TabIndentedLine(yaml, fromLine: line) ?? line;
            }

            problems.Add(new(path, line + firstLine - 1, null, $"The YAML cannot be read: {Simplify(message)}"));
            return null;
        }
    }

    private static int? TabIndentedLine(string yaml, int fromLine)
    {
        var lines = yaml.Split('\n');
        for (var i = Math.Max(fromLine - 1, 0); i < lines.Length; i++)
        {
            if (lines[i].TrimStart(' ').StartsWith('\t'))
            {
                return i + 1;
            }
        }

        return null;
    }

    public static IReadOnlyDictionary<string, YamlField>? ReadFields(string path, YamlMappingNode mapping, int firstLine, List<ContentProblem> problems)
    {
        var fields = new Dictionary<string, YamlField>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var line = FileLine(keyNode, firstLine);
            if (!fields.TryAdd(name, new YamlField(name, valueNode, line)))
            {
                problems.Add(new(path, line, name, $"The field '{name}' is given twice."));
                ok = false;
            }
        }

        return ok ? fields : null;
    }

    public static int FileLine(YamlNode node, int firstLine) => (int)node.Start.Line + firstLine - 1;

    // YamlDotNet prefixes messages with the position, which the problem already carries.
    private static string Simplify(string message)
    {
        var closing = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && closing > 0 ? message[(closing + 3)..] : message;
    }
}
