using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace HelpPortal.Web.Localization;

/// <summary>
/// Takes the culture from the first URL segment. It reads the original path when an error page is re-executed,
/// so the 404 for /lv/articles/unknown is Latvian even though the error page's own route has no culture.
/// </summary>
internal sealed class PathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? httpContext.Request.Path.Value
            ?? "";
        var segment = path.TrimStart('/').Split('/', 2)[0];
        return Task.FromResult(PortalCultures.IsSupported(segment) ? new ProviderCultureResult(segment) : null);
    }
}
