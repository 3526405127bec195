using HelpPortal.Web.Catalogue;
using HelpPortal.Web.Content;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;

namespace HelpPortal.Web.Legal;

/// <summary>Who runs the portal, as configured (Portal:Organisation), in the page's language.</summary>
public sealed record OrganisationDetails(string Name, string ContactEmail, IReadOnlyList<string> Address);

/// <summary>A page of content/{culture}/pages/ with what its placeholders are filled in with.</summary>
public sealed record LegalPage : PortalPage
{
    /// <summary>The language the page is written in; differs from <see cref="PortalPage.Culture"/> on a fallback page.</summary>
    public required string ContentCulture { get; init; }

    public bool IsFallback => ContentCulture != Culture;

    /// <summary>The stored HTML and the placeholders in it, in order.</summary>
    public required IReadOnlyList<PagePart> Body { get; init; }

    public DateOnly? Updated { get; init; }

    public required OrganisationDetails Organisation { get; init; }

    public required IReadOnlyList<PortalCookie> Cookies { get; init; }

    public required IReadOnlyList<Breadcrumb> Breadcrumbs { get; init; }
}

/// <summary>The footer's list of pages in one language (the original where a page has no translation yet).</summary>
public sealed record PageLinks(string Culture, IReadOnlyList<PageLink> Links);

public sealed record PageLink(string Title, string Url, string Culture);
