using HelpPortal.Web.Infrastructure;

namespace HelpPortal.Web.Legal;

/// <summary>
/// Every cookie the portal sets, as each feature registered it (a <see cref="PortalCookie"/> singleton, named and timed
/// from the same constants and options the code that sets it uses), so the cookies page (the <c>{{cookies}}</c>
/// placeholder) cannot fall behind a changed lifetime. A cookie set anywhere without an entry fails
/// <c>CookieListTests</c>, which collect every Set-Cookie of the public and admin journeys.
/// </summary>
public sealed class CookieCatalogue(IEnumerable<PortalCookie> cookies)
{
    /// <summary>The visitors' cookies first, then the administrators'.</summary>
    public IReadOnlyList<PortalCookie> All { get; } = [.. cookies.OrderBy(c => c.AdminOnly)];
}
