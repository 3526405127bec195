using System.Text.RegularExpressions;

namespace HelpPortal.Tests.SurveyReports;

/// <summary>The print stylesheet the survey report relies on, as the portal serves it.</summary>
public sealed partial class PrintStylesheetTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_stylesheet_prints_on_A4_and_hides_navigation_search_footer_filters_and_buttons()
    {
        var css = await _factory.CreateClient().GetStringAsync("/css/site.css");

        Assert.Matches(@"@page\s*\{[^}]*size:\s*A4", css);
        var print = PrintBlock().Match(css);
        Assert.True(print.Success, "site.css has no @media print block");
        var hidden = HiddenRule().Match(print.Value);
        Assert.True(hidden.Success, "the print block hides nothing");
        var selectors = hidden.Groups["selectors"].Value.Split(',', StringSplitOptions.TrimEntries);
        Assert.Subset(selectors.ToHashSet(), new HashSet<string> { ".skip-link", ".header-tools", ".site-footer", ".admin-nav", ".report-filter", "button", ".button" });
    }

    // The block runs from "@media print {" to the first line that is a lone "}" at the start (the block's own end).
    [GeneratedRegex(@"@media print \{.*?\n\}", RegexOptions.Singleline)]
    private static partial Regex PrintBlock();

    [GeneratedRegex(@"(?<selectors>[^{}]+)\{\s*display:\s*none", RegexOptions.Singleline)]
    private static partial Regex HiddenRule();
}
