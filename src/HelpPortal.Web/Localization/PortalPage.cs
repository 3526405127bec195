namespace HelpPortal.Web.Localization;

/// <summary>A link to the current page in one of the portal's languages.</summary>
/// <param name="Exists">False when the page in that language shows the original text in a fallback (no translation yet).</param>
public sealed record LanguageLink(string Culture, string Url, bool Exists);

/// <summary>What the layout needs from every page: its title, its canonical URL and the page in each language.</summary>
public abstract record PortalPage
{
    public required string Culture { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string CanonicalUrl { get; init; }

    public required IReadOnlyList<LanguageLink> Languages { get; init; }

    /// <summary>True on a form shown again with errors: the title then starts with "Error:", so it is heard first.</summary>
    public virtual bool HasErrors => false;

    /// <summary>True when the page leads with its own search form (home, search): the header's is then left out.</summary>
    public virtual bool HasOwnSearch => false;

    /// <summary>The same page in every language, for pages that exist everywhere (home, error pages).</summary>
    public static IReadOnlyList<LanguageLink> Everywhere(Func<string, string> url)
        => [.. PortalCultures.All.Select(c => new LanguageLink(c, url(c), Exists: true))];
}
