using Microsoft.AspNetCore.Mvc;

namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// Where a returnUrl from a form or a query string may send the browser: a page of this site within the part the action
/// belongs to, never another host (IsLocalUrl turns away "https://…", "//host" and "/\host"), so no link can make the
/// portal an open redirect.
/// </summary>
public static class ReturnUrls
{
    /// <summary><paramref name="returnUrl"/> when it is local and starts with <paramref name="root"/>; otherwise <paramref name="root"/>.</summary>
    public static string SafeReturnUrl(this IUrlHelper url, string? returnUrl, string root)
        => url.SafeReturnUrl(returnUrl, r => r.StartsWith(root, StringComparison.Ordinal), root);

    /// <summary><paramref name="returnUrl"/> when it is local and <paramref name="allowed"/>; otherwise <paramref name="fallback"/>.</summary>
    public static string SafeReturnUrl(this IUrlHelper url, string? returnUrl, Func<string, bool> allowed, string fallback)
        => returnUrl is not null && url.IsLocalUrl(returnUrl) && allowed(returnUrl) ? returnUrl : fallback;
}
