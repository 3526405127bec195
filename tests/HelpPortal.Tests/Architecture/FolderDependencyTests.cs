using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HelpPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HelpPortal.Tests.Architecture;

/// <summary>
/// The folder dependency graph of the web project, read from its sources: <c>using</c> directives, <c>@model</c> and
/// <c>@using</c> lines and qualified names. The rule it enforces is recorded in docs/decisions/0003.
/// </summary>
public sealed partial class FolderDependencyTests(ITestOutputHelper output)
{
    /// <summary>The foundations every feature may use; they use no feature.</summary>
    private static readonly string[] Foundations = ["Infrastructure", "Localization"];

    /// <summary>The one DbContext knows every feature's entities: the accepted exception to the two-way rule.</summary>
    private const string DataFolder = "Data";

    private static readonly string WebProject = Path.Combine(TestContent.RepositoryRoot, "src", "HelpPortal.Web");

    [Fact]
    public void The_foundations_depend_on_no_feature_folder()
    {
        var graph = FolderGraph();
        Print(graph);

        var violations = Foundations
            .SelectMany(f => graph.GetValueOrDefault(f, []).Where(t => !Foundations.Contains(t)).Select(t => $"{f} -> {t}"))
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void No_two_feature_folders_depend_on_each_other_both_ways()
    {
        var graph = FolderGraph();
        Print(graph);

        var pairs = graph
            .SelectMany(from => from.Value.Where(to => string.CompareOrdinal(from.Key, to) < 0
                && graph.GetValueOrDefault(to, []).Contains(from.Key)
                && from.Key != DataFolder && to != DataFolder)
                .Select(to => $"{from.Key} <-> {to}"))
            .ToList();

        Assert.Empty(pairs);
    }

    /// <summary>Top-level folder → the other top-level folders its files name.</summary>
    internal static SortedDictionary<string, SortedSet<string>> FolderGraph()
    {
        var folders = Directory.GetDirectories(WebProject)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj" or "wwwroot" or "Properties"))
            .Select(name => name!)
            .ToHashSet(StringComparer.Ordinal);

        var graph = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var targets = new SortedSet<string>(StringComparer.Ordinal);
            var files = Directory.EnumerateFiles(Path.Combine(WebProject, folder), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal));
            foreach (var file in files)
            {
                foreach (Match reference in Reference().Matches(File.ReadAllText(file)))
                {
                    var target = reference.Groups[1].Value;
                    if (target != folder && folders.Contains(target))
                    {
                        targets.Add(target);
                    }
                }
            }

            graph[folder] = targets;
        }

        return graph;
    }

    private void Print(SortedDictionary<string, SortedSet<string>> graph)
    {
        var text = new StringBuilder();
        foreach (var (from, to) in graph)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{from,-15} -> {string.Join(", ", to)}");
        }

        output.WriteLine(text.ToString());
    }

    [GeneratedRegex(@"\bHelpPortal\.Web\.([A-Za-z]+)")]
    private static partial Regex Reference();
}
