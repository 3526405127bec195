using Microsoft.AspNetCore.Mvc;

namespace HelpPortal.Tests.Support;

/// <summary>Added to the portal only in tests: a page that always fails, to see what visitors get from an error.</summary>
public sealed class FailingController : Controller
{
    [HttpGet("/{culture:culture}/test-failure")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "MVC actions are instance methods.")]
    public IActionResult Fail() => throw new InvalidOperationException("Deliberate failure with secret detail SECRET-STACK-MARKER");
}
