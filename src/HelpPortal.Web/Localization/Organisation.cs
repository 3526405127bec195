namespace HelpPortal.Web.Localization;

/// <summary>
/// Who runs this help centre: shown in the header and footer and written into the legal pages. Every deployment sets its
/// own (<c>Portal:Organisation:*</c>); the shipped values are neutral placeholders that <c>content check</c> warns about
/// in Production, so a public site cannot go live naming nobody.
/// </summary>
public sealed class OrganisationOptions
{
    /// <summary>The organisation's name per culture (<c>Name:en</c>, <c>Name:lv</c>); a culture without one uses English.</summary>
    public Dictionary<string, string> Name { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where visitors write with questions about the service, their data or accessibility.</summary>
    public string ContactEmail { get; set; } = "";

    /// <summary>The postal address, one line per entry, as a letter would carry it.</summary>
    public List<string> Address { get; set; } = [];

    /// <summary>An optional logo under wwwroot (e.g. <c>images/logo.svg</c>), shown beside the name in the header.</summary>
    public string? LogoPath { get; set; }

    /// <summary>The name in the given culture, falling back to English.</summary>
    public string NameIn(string culture)
        => Name.TryGetValue(culture, out var name) && !string.IsNullOrWhiteSpace(name) ? name
            : Name.TryGetValue(PortalCultures.Default, out var english) ? english : "";

    /// <summary>
    /// True while a shipped placeholder is still in place: appsettings.json ships an @example.org address and names and
    /// address lines in [brackets].
    /// </summary>
    public bool HasPlaceholders
        => ContactEmail.EndsWith("@example.org", StringComparison.OrdinalIgnoreCase)
            || Name.Values.Any(n => n.Contains('['))
            || Address.Any(line => line.Contains('['));

    internal bool IsValid()
        => !string.IsNullOrWhiteSpace(NameIn(PortalCultures.Default))
            && System.Net.Mail.MailAddress.TryCreate(ContactEmail, out var address) && address.Address == ContactEmail
            && (LogoPath is null || (!Path.IsPathRooted(LogoPath) && !LogoPath.Contains("..", StringComparison.Ordinal)));
}

public static class OrganisationExtensions
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddOptions<OrganisationOptions>()
            .BindConfiguration("Portal:Organisation")
            .Validate(o => o.IsValid(), "Portal:Organisation needs Name:en, a plain ContactEmail address, and a LogoPath (if any) relative to wwwroot.")
            .ValidateOnStart();
        return services;
    }
}
