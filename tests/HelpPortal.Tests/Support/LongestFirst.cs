using Xunit.Abstractions;

[assembly: TestCollectionOrderer("HelpPortal.Tests.Support.LongestFirst", "HelpPortal.Tests")]

namespace HelpPortal.Tests.Support;

/// <summary>
/// Starts the browser tests first. They are one collection (one Chromium, one portal), so they run one after another:
/// the suite's longest chain. Started late, they ran alone at the end while the rest had finished.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
        => testCollections.OrderBy(c => c.DisplayName.Contains(Browser.BrowserTestGroup.Name, StringComparison.Ordinal) ? 0 : 1);
}
