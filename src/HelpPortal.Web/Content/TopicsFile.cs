using System.Globalization;
using HelpPortal.Web.Localization;
using YamlDotNet.RepresentationModel;

namespace HelpPortal.Web.Content;

/// <summary>Reads <c>topics.yml</c>: the topics in their order, with a slug, name and description per culture.</summary>
internal static class TopicsFile
{
    public const string FileName = "topics.yml";

    public static IReadOnlyList<TopicDefinition>? Read(string contentFolder, List<ContentProblem> problems)
    {
        var fullPath = Path.Combine(contentFolder, FileName);
        if (!File.Exists(fullPath))
        {
            problems.Add(new(FileName, 0, null, "The topic list is missing: create topics.yml (see docs/content-authoring.md)."));
            return null;
        }

        var before = problems.Count;
        var text = ContentFolder.ReadText(contentFolder, FileName, problems);
        var root = text is null ? null : FrontMatter.Load(FileName, text, firstLine: 1, problems);
        if (root is null)
        {
            return null;
        }

        if (root is not YamlSequenceNode sequence)
        {
            problems.Add(new(FileName, FrontMatter.FileLine(root, 1), null, "topics.yml must be a list of topics, each starting with '- key:'."));
            return null;
        }

        var topics = new List<TopicDefinition>();
        foreach (var node in sequence.Children)
        {
            if (Topic(node, problems) is { } topic)
            {
                topics.Add(topic);
            }
        }

        foreach (var duplicate in topics.GroupBy(t => t.Key).Where(g => g.Count() > 1))
        {
            problems.Add(new(FileName, 0, "key", $"The topic key '{duplicate.Key}' is used more than once."));
        }

        foreach (var culture in PortalCultures.All)
        {
            foreach (var duplicate in topics.GroupBy(t => t.Texts[culture].Slug).Where(g => g.Count() > 1))
            {
                problems.Add(new(FileName, 0, $"{culture}.slug", $"The {culture} slug '{duplicate.Key}' is used by more than one topic."));
            }
        }

        foreach (var culture in PortalCultures.All)
        {
            var live = topics.Where(t => t.Texts.ContainsKey(culture)).Select(t => t.Texts[culture].Slug).ToHashSet(StringComparer.Ordinal);
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var topicText in topics.Where(t => t.Texts.ContainsKey(culture)).Select(t => t.Texts[culture]))
            {
                foreach (var old in topicText.RedirectFrom)
                {
                    if (live.Contains(old))
                    {
                        problems.Add(new(FileName, topicText.RedirectFromLine, $"{culture}.redirect_from", $"The former {culture} slug '{old}' is the slug of a topic: a live address cannot redirect."));
                    }
                    else if (!claimed.Add(old))
                    {
                        problems.Add(new(FileName, topicText.RedirectFromLine, $"{culture}.redirect_from", $"The former {culture} slug '{old}' is listed more than once: it can redirect to one topic only."));
                    }
                }
            }
        }

        return problems.Skip(before).Any(p => p.Severity == ProblemSeverity.Error) ? null : topics;
    }

    private static TopicDefinition? Topic(YamlNode node, List<ContentProblem> problems)
    {
        var line = FrontMatter.FileLine(node, 1);
        if (node is not YamlMappingNode mapping || FrontMatter.ReadFields(FileName, mapping, 1, problems) is not { } fields)
        {
            problems.Add(new(FileName, line, null, "Each topic must be a group of fields: key, order and one block per language."));
            return null;
        }

        var key = Scalar(fields, "key", line, problems);
        if (key is not null && !ArticleParser.IsValidSlug(key))
        {
            problems.Add(new(FileName, fields["key"].Line, "key", $"The topic key '{key}' may only contain lower-case letters a–z, digits and single hyphens."));
        }

        var orderText = Scalar(fields, "order", line, problems);
        var order = 0;
        if (orderText is not null && !int.TryParse(orderText, NumberStyles.None, CultureInfo.InvariantCulture, out order))
        {
            problems.Add(new(FileName, fields["order"].Line, "order", $"The order '{orderText}' is not a whole number of 0 or more."));
        }

        var texts = new Dictionary<string, TopicText>();
        foreach (var culture in PortalCultures.All)
        {
            if (!fields.TryGetValue(culture, out var block) || block.Node is not YamlMappingNode cultureMapping
                || FrontMatter.ReadFields(FileName, cultureMapping, 1, problems) is not { } cultureFields)
            {
                problems.Add(new(FileName, line, culture, $"The topic '{key}' needs a '{culture}:' block with slug, name and description."));
                continue;
            }

            var slug = Scalar(cultureFields, "slug", block.Line, problems, culture);
            var name = Scalar(cultureFields, "name", block.Line, problems, culture);
            var description = Scalar(cultureFields, "description", block.Line, problems, culture);
            if (slug is not null && !ArticleParser.IsValidSlug(slug))
            {
                problems.Add(new(FileName, cultureFields["slug"].Line, $"{culture}.slug", $"The slug '{slug}' may only contain lower-case letters a–z, digits and single hyphens."));
            }

            // Former slugs are the language's own, like the slug; clashes with live slugs are checked across topics.
            var redirectFrom = ArticleParser.KeyList(FileName, cultureFields, "redirect_from", problems);
            if (slug is not null && name is not null && description is not null)
            {
                texts[culture] = new TopicText(slug, name, description)
                {
                    RedirectFrom = redirectFrom,
                    RedirectFromLine = cultureFields.TryGetValue("redirect_from", out var redirectField) ? redirectField.Line : block.Line,
                };
            }
        }

        var popular = Popular(fields, problems);
        return key is null || orderText is null || texts.Count != PortalCultures.All.Count
            ? null
            : new TopicDefinition(key, order, texts) { Popular = popular, PopularLine = fields.TryGetValue("popular", out var field) ? field.Line : line };
    }

    /// <summary>The optional <c>popular:</c> list of article keys; whether each is an article of this topic is checked across files.</summary>
    private static List<string> Popular(IReadOnlyDictionary<string, YamlField> fields, List<ContentProblem> problems)
    {
        if (!fields.TryGetValue("popular", out var field))
        {
            return [];
        }

        if (field.Node is not YamlSequenceNode sequence || sequence.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
        {
            problems.Add(new(FileName, field.Line, "popular", "'popular' must be a list of article keys, such as [forgotten-password, create-an-account]."));
            return [];
        }

        return [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value!.Trim())];
    }

    private static string? Scalar(IReadOnlyDictionary<string, YamlField> fields, string name, int line, List<ContentProblem> problems, string? culture = null)
    {
        var label = culture is null ? name : $"{culture}.{name}";
        if (!fields.TryGetValue(name, out var field))
        {
            problems.Add(new(FileName, line, label, $"The required field '{label}' is missing."));
            return null;
        }

        if (string.IsNullOrWhiteSpace(field.Text))
        {
            problems.Add(new(FileName, field.Line, label, $"The field '{label}' must be non-empty text."));
            return null;
        }

        return field.Text.Trim();
    }
}
