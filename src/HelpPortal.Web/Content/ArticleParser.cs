using System.Globalization;
using System.Text.RegularExpressions;

namespace HelpPortal.Web.Content;

/// <summary>Reads one article or page file: its front matter fields, each checked with the line it is on.</summary>
internal static partial class ArticleParser
{
    private static readonly string[] KnownFields = ["key", "title", "topic", "order", "summary", "slug", "updated", "related", "redirect_from", "review_note"];

    // A page is in no topic; everything else is read and checked as an article's.
    private static readonly string[] KnownPageFields = ["key", "title", "order", "summary", "slug", "updated"];

    public static ArticleDocument? Parse(string path, string culture, string text, List<ContentProblem> problems, ContentKind kind = ContentKind.Article)
    {
        var before = problems.Count;
        var frontMatter = FrontMatter.Parse(path, text, problems);
        if (frontMatter is null)
        {
            return null;
        }

        var fields = frontMatter.Fields;
        var known = kind == ContentKind.Page ? KnownPageFields : KnownFields;
        foreach (var unknown in fields.Keys.Except(known))
        {
            problems.Add(new(path, fields[unknown].Line, unknown, $"Unknown field '{unknown}' is ignored (known fields: {string.Join(", ", known)}).", ProblemSeverity.Warning));
        }

        var key = Required(path, fields, "key", problems);
        if (key is not null && !SlugPattern().IsMatch(key))
        {
            problems.Add(new(path, fields["key"].Line, "key", $"The key '{key}' may only contain lower-case letters a–z, digits and single hyphens."));
        }

        var title = Required(path, fields, "title", problems);
        if (title?.Length > 300)
        {
            problems.Add(new(path, fields["title"].Line, "title", "The title is longer than 300 characters."));
        }

        var topic = kind == ContentKind.Page ? "" : Required(path, fields, "topic", problems);
        var orderText = Required(path, fields, "order", problems);
        var order = 0;
        if (orderText is not null && (!int.TryParse(orderText, NumberStyles.None, CultureInfo.InvariantCulture, out order)))
        {
            problems.Add(new(path, fields["order"].Line, "order", $"The order '{orderText}' is not a whole number of 0 or more."));
        }

        var summary = Optional(path, fields, "summary", problems);
        if (summary?.Length > 1000)
        {
            problems.Add(new(path, fields["summary"].Line, "summary", "The summary is longer than 1,000 characters."));
        }

        var slug = Optional(path, fields, "slug", problems) ?? System.IO.Path.GetFileNameWithoutExtension(path);
        if (!SlugPattern().IsMatch(slug))
        {
            var line = fields.TryGetValue("slug", out var slugField) ? slugField.Line : 1;
            problems.Add(new(path, line, "slug", $"The slug '{slug}' may only contain lower-case letters a–z, digits and single hyphens (Latvian slugs drop diacritics: 'paroles-atiestatisana')."));
        }

        DateOnly? updated = null;
        var updatedText = Optional(path, fields, "updated", problems);
        if (updatedText is not null)
        {
            if (DateOnly.TryParseExact(updatedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                updated = date;
            }
            else
            {
                problems.Add(new(path, fields["updated"].Line, "updated", $"The date '{updatedText}' is not a date written as YYYY-MM-DD."));
            }
        }

        var related = kind == ContentKind.Page ? [] : KeyList(path, fields, "related", problems);
        var redirectFrom = kind == ContentKind.Page ? [] : KeyList(path, fields, "redirect_from", problems);
        var reviewNote = kind == ContentKind.Page ? null : Optional(path, fields, "review_note", problems);
        if (reviewNote?.Length > 2000)
        {
            problems.Add(new(path, fields["review_note"].Line, "review_note", "The review note is longer than 2,000 characters."));
        }

        PagePlaceholders.Check(path, kind, fields, frontMatter.Body, frontMatter.BodyStartLine, problems);
        if (problems.Skip(before).Any(p => p.Severity == ProblemSeverity.Error))
        {
            return null;
        }

        return new ArticleDocument(
            path, culture, key!, title!, topic!, order, summary, slug, updated,
            frontMatter.Body, frontMatter.BodyStartLine, text,
            fields.ToDictionary(f => f.Key, f => f.Value.Line, StringComparer.Ordinal), kind)
        {
            Related = related,
            RedirectFrom = redirectFrom,
            ReviewNote = reviewNote,
        };
    }

    /// <summary>
    /// An optional list of keys or slugs (<c>related:</c>, <c>redirect_from:</c>): each must look like a slug. Whether
    /// each names something real, or clashes with another file, is checked across files.
    /// </summary>
    internal static List<string> KeyList(string path, IReadOnlyDictionary<string, YamlField> fields, string name, List<ContentProblem> problems)
    {
        if (!fields.TryGetValue(name, out var field))
        {
            return [];
        }

        if (field.Node is not YamlDotNet.RepresentationModel.YamlSequenceNode sequence
            || sequence.Children.Any(c => c is not YamlDotNet.RepresentationModel.YamlScalarNode { Value.Length: > 0 }))
        {
            problems.Add(new(path, field.Line, name, $"'{name}' must be a list, such as [forgotten-password, set-up-eu-login-app]."));
            return [];
        }

        var values = sequence.Children.Select(c => ((YamlDotNet.RepresentationModel.YamlScalarNode)c).Value!.Trim()).ToList();
        foreach (var value in values.Where(v => !SlugPattern().IsMatch(v)))
        {
            problems.Add(new(path, field.Line, name, $"'{value}' in '{name}' may only contain lower-case letters a–z, digits and single hyphens."));
        }

        return [.. values.Where(v => SlugPattern().IsMatch(v))];
    }

    internal static bool IsValidSlug(string value) => SlugPattern().IsMatch(value);

    private static string? Required(string path, IReadOnlyDictionary<string, YamlField> fields, string name, List<ContentProblem> problems)
    {
        if (!fields.TryGetValue(name, out var field))
        {
            problems.Add(new(path, 1, name, $"The required field '{name}' is missing."));
            return null;
        }

        var value = Text(path, field, problems);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(path, field.Line, name, $"The required field '{name}' is empty."));
            return null;
        }

        return value?.Trim();
    }

    private static string? Optional(string path, IReadOnlyDictionary<string, YamlField> fields, string name, List<ContentProblem> problems)
        => fields.TryGetValue(name, out var field) && Text(path, field, problems) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    private static string? Text(string path, YamlField field, List<ContentProblem> problems)
    {
        if (field.Text is null)
        {
            problems.Add(new(path, field.Line, field.Name, $"The field '{field.Name}' must be plain text, not a list or a group of fields."));
        }

        return field.Text;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
