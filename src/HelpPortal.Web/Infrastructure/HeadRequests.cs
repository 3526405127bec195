using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// Every action that answers GET also answers HEAD, as HTTP expects: link checkers and uptime monitors use HEAD, and a
/// 405 already advertised <c>Allow: GET, HEAD</c>. MVC's [HttpGet] matches GET only. The action runs as for GET and
/// Kestrel sends the headers without the body.
/// </summary>
internal sealed class HeadLikeGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            var constraint = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault();
            if (constraint is null || !constraint.HttpMethods.Contains(HttpMethods.Get) || constraint.HttpMethods.Contains(HttpMethods.Head))
            {
                continue;
            }

            string[] methods = [.. constraint.HttpMethods, HttpMethods.Head];
            selector.ActionConstraints[selector.ActionConstraints.IndexOf(constraint)] = new HttpMethodActionConstraint(methods);

            // Endpoint routing matches on the metadata, MVC's action selection on the constraint: both must agree.
            for (var i = 0; i < selector.EndpointMetadata.Count; i++)
            {
                if (selector.EndpointMetadata[i] is HttpMethodMetadata)
                {
                    selector.EndpointMetadata[i] = new HttpMethodMetadata(methods);
                }
            }
        }
    }
}
