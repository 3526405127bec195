using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HelpPortal.Tests.Browser;

public static class Accessibility
{
    /// <summary>Runs axe on the page as it is now and fails with every violation, whatever its impact.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // Every rule runs; only the violations are detailed, which spares axe a selector for each node that passed.
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        Assert.True(result.Violations.Length == 0, page.Url + "\n" + string.Join("\n", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }
}
