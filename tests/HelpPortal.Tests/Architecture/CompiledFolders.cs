using System.Reflection;
using ArchUnitNET.Loader;
using Microsoft.AspNetCore.Razor.Hosting;

namespace HelpPortal.Tests.Architecture;

/// <summary>
/// Reads the folder graph from a compiled assembly, so it sees every name the compiler resolved — partially qualified
/// ones, global usings, <c>nameof</c> and Razor views alike — where a text search saw only what was spelled out. A
/// folder is a namespace under the root and one level below it (<c>Admin</c>, <c>Admin.Accounts</c>); a Razor view
/// belongs to the folder its .cshtml file lives in, less a trailing <c>Views</c> (<c>/Survey/Views/Form.cshtml</c> is
/// <c>Survey</c>, <c>/Views/Shared/_Layout.cshtml</c> is <c>Views</c>).
/// </summary>
public static class CompiledFolders
{
    /// <summary>The namespace the Razor SDK compiles every view into, whatever its folder.</summary>
    private const string RazorNamespace = "AspNetCoreGeneratedDocument";

    /// <param name="assembly">The assembly to read.</param>
    /// <param name="rootNamespace">Folders are the namespaces under this one; types in it (the composition root) belong to no folder.</param>
    /// <param name="skipped">Folders left out entirely, e.g. generated code.</param>
    /// <param name="allowed">An arrow from one type (full name) to another that the rule accepts; it is not drawn.</param>
    public static FolderGraph Read(Assembly assembly, string rootNamespace, IReadOnlyCollection<string> skipped, Func<string, string, bool> allowed)
    {
        var views = assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .ToDictionary(item => item.Type.FullName!, item => ViewFolder(item.Identifier), StringComparer.Ordinal);

        string? FolderOf(string typeNamespace, string typeName)
        {
            var folder = typeNamespace == RazorNamespace ? views.GetValueOrDefault(typeName)
                : typeNamespace.StartsWith(rootNamespace + ".", StringComparison.Ordinal)
                    ? string.Join('.', typeNamespace[(rootNamespace.Length + 1)..].Split('.').Take(2))
                    : null;
            return folder is null || skipped.Any(s => folder == s || folder.StartsWith(s + ".", StringComparison.Ordinal)) ? null : folder;
        }

        var architecture = new ArchLoader().LoadNamespacesWithinAssembly(assembly, rootNamespace, RazorNamespace).Build();
        var edges = new List<(string, string)>();
        foreach (var type in architecture.Types)
        {
            var origin = OutermostName(type.FullName);
            var from = FolderOf(type.Namespace?.FullName ?? "", origin);
            if (from is null)
            {
                continue;
            }

            edges.Add((from, from));
            foreach (var dependency in type.Dependencies)
            {
                var target = OutermostName(dependency.Target.FullName);
                var to = FolderOf(dependency.Target.Namespace?.FullName ?? "", target);
                if (to is not null && to != from && !allowed(origin, target))
                {
                    edges.Add((from, to));
                }
            }
        }

        return new FolderGraph(edges);
    }

    /// <summary>A nested type (a lambda's closure, an async state machine) speaks for the type it is declared in.</summary>
    private static string OutermostName(string fullName)
    {
        var end = fullName.IndexOfAny(['+', '/', '<', '`']);
        return end < 0 ? fullName : fullName[..end];
    }

    private static string? ViewFolder(string identifier)
    {
        var directories = identifier.Trim('/').Split('/')[..^1].ToList();
        if (directories is ["Views", ..])
        {
            return "Views";
        }

        if (directories.Count > 1 && directories[^1] == "Views")
        {
            directories.RemoveAt(directories.Count - 1);
        }

        return directories.Count == 0 ? null : string.Join('.', directories.Take(2));
    }
}
