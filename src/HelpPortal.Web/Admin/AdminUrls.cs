
using HelpPortal.Web.Localization;
namespace HelpPortal.Web.Admin;

/// <summary>URLs of the admin area, beside <see cref="PortalUrls"/> for the public ones.</summary>
public static class AdminUrls
{
    public static string Page(string culture, string path, string? returnUrl)
    {
        var url = path.Length == 0 ? $"{PortalUrls.Home(culture)}admin" : $"{PortalUrls.Home(culture)}admin/{path}";
        return returnUrl is null ? url : $"{url}?returnUrl={Uri.EscapeDataString(returnUrl)}";
    }

    public static string Export(string culture, IEnumerable<KeyValuePair<string, string?>> query)
        => QueryString($"{PortalUrls.Home(culture)}admin/survey/export.csv", query);

    public static string Reports(string culture, IEnumerable<KeyValuePair<string, string?>> query)
        => QueryString($"{PortalUrls.Home(culture)}admin", query);

    public static string DeleteResponse(string culture, Guid id) => $"{PortalUrls.Home(culture)}admin/responses/{id:D}/delete";

    private static string QueryString(string path, IEnumerable<KeyValuePair<string, string?>> query)
        => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
}
