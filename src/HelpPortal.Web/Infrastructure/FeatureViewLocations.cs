using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// Finds a controller's views in its feature folder: a controller in the namespace of Admin/Accounts/ finds them in
/// /Admin/Accounts/Views/.
/// A feature can then hold several controllers, and a feature stays one folder to read.
/// </summary>
internal sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            context.Values[FeatureKey] = action.ControllerTypeInfo.Namespace?.Split('.')[2..] is { Length: > 0 } folders
                ? string.Join('/', folders)
                : null;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
        => context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null
            ? viewLocations.Prepend($"/{feature}/Views/{{0}}{RazorViewEngine.ViewExtension}")
            : viewLocations;
}
