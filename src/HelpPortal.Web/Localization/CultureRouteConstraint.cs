namespace HelpPortal.Web.Localization;

/// <summary>
/// <c>{culture:culture}</c> admits exactly "en" and "lv". The built-in regex constraint ignores case, which would let
/// /LV/ through; an unknown language must be a 404, never a silent English page.
/// </summary>
internal sealed class CultureRouteConstraint : IRouteConstraint
{
    public const string Name = "culture";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        => values.TryGetValue(routeKey, out var value) && PortalCultures.IsSupported(value as string);
}
