using System.Text.RegularExpressions;

namespace HelpPortal.Web.Content;

/// <summary>
/// The <c>{{name}}</c> placeholders a page's Markdown may contain, filled in when the page is served (never at import):
/// what they stand for — the organisation's name, address and email, the cookie list — comes from configuration and
/// code, which change without the content changing, so the stored HTML keeps the placeholders and stays valid.
/// </summary>
public static partial class PagePlaceholders
{
    public const string OrganisationName = "organisation.name";
    public const string OrganisationEmail = "organisation.email";
    public const string OrganisationAddress = "organisation.address";

    /// <summary>The page's own <c>updated:</c> date, in the reader's language (the accessibility statement's date).</summary>
    public const string Updated = "updated";

    /// <summary>The table of every cookie the portal sets: a block of its own, so it must be a paragraph alone.</summary>
    public const string Cookies = "cookies";

    public static IReadOnlyList<string> Known { get; } = [OrganisationName, OrganisationEmail, OrganisationAddress, Updated, Cookies];

    /// <summary>
    /// Checks a file's placeholders: only pages fill them in, only known ones, a block one alone on its line, none in the
    /// front matter (titles and summaries are plain text everywhere, in lists and the sitemap too).
    /// </summary>
    internal static void Check(string path, ContentKind kind, IReadOnlyDictionary<string, YamlField> fields, string body, int bodyStartLine, List<ContentProblem> problems)
    {
        foreach (var field in fields.Values.Where(f => f.Text is { } text && Placeholder().IsMatch(text)))
        {
            problems.Add(new(path, field.Line, field.Name, $"Placeholders such as '{{{{{Placeholder().Match(field.Text!).Groups["name"].Value}}}}}' are filled in only in the body of a page, not in '{field.Name}'."));
        }

        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in Placeholder().Matches(lines[i]))
            {
                var name = match.Groups["name"].Value;
                var line = bodyStartLine + i;
                if (kind != ContentKind.Page)
                {
                    problems.Add(new(path, line, "placeholder", $"The placeholder '{match.Value}' is filled in only on pages (content/<language>/pages/); an article shows it as written."));
                }
                else if (!Known.Contains(name))
                {
                    problems.Add(new(path, line, "placeholder", $"Unknown placeholder '{match.Value}' (known placeholders: {string.Join(", ", Known.Select(k => "{{" + k + "}}"))})."));
                }
                else if (name == Cookies && lines[i].Trim() != match.Value)
                {
                    problems.Add(new(path, line, "placeholder", $"The placeholder '{match.Value}' becomes a table: write it alone on a line of its own, with an empty line before and after."));
                }
            }
        }
    }

    /// <summary>
    /// Splits a page's stored HTML into its own markup and the placeholders in it, in order. A block placeholder takes
    /// its paragraph with it (a table may not stand inside a <c>&lt;p&gt;</c>).
    /// </summary>
    public static IReadOnlyList<PagePart> Split(string html)
    {
        var parts = new List<PagePart>();
        var at = 0;
        foreach (Match match in PlaceholderInHtml().Matches(html))
        {
            var name = match.Groups["block"].Success ? match.Groups["block"].Value : match.Groups["name"].Value;
            if (!Known.Contains(name))
            {
                continue; // Not ours (the check refuses such a file); shown as written.
            }

            if (match.Index > at)
            {
                parts.Add(new PagePart(html[at..match.Index], null));
            }

            parts.Add(new PagePart(null, name));
            at = match.Index + match.Length;
        }

        if (at < html.Length)
        {
            parts.Add(new PagePart(html[at..], null));
        }

        return parts;
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[^{}\s]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"<p>\{\{\s*(?<block>cookies)\s*\}\}</p>|\{\{\s*(?<name>[^{}\s<>]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderInHtml();
}

/// <summary>A piece of a page's body: either stored (sanitized) HTML, or the name of a placeholder to fill in.</summary>
public sealed record PagePart(string? Html, string? Placeholder);
