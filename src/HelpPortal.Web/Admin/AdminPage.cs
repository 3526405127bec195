using System.Diagnostics.CodeAnalysis;
using HelpPortal.Web.Localization;

namespace HelpPortal.Web.Admin;

/// <summary>What the layout shows of an admin page: its title and its address here and in each language.</summary>
public sealed record AdminPageHeader(string Culture, string Title, string CanonicalUrl, IReadOnlyList<LanguageLink> Languages)
{
    /// <summary>The page at <paramref name="url"/> of each language; <paramref name="languageUrl"/> when the links to the
    /// other languages keep more than the canonical address (a filter, a return URL).</summary>
    public static AdminPageHeader For(string culture, string title, Func<string, string> url, Func<string, string>? languageUrl = null)
        => new(culture, title, url(culture), PortalPage.Everywhere(languageUrl ?? url));
}

/// <summary>
/// A page of the admin area: the layout's part comes from its <see cref="AdminPageHeader"/>. Admin pages are positional
/// records whose constructor sets every member, which is what [SetsRequiredMembers] on them promises.
/// </summary>
public abstract record AdminPage : PortalPage
{
    [SetsRequiredMembers]
    protected AdminPage(AdminPageHeader header)
    {
        Header = header;
        Culture = header.Culture;
        Title = header.Title;
        CanonicalUrl = header.CanonicalUrl;
        Languages = header.Languages;
    }

    public AdminPageHeader Header { get; }
}
