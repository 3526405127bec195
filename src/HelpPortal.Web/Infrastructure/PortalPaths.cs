namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// Resolves the relative paths in configuration (content folder, database file) against one base folder, so the
/// portal finds the same files whether it is started from the repository root, the project folder or a publish folder.
/// </summary>
public sealed class PortalPaths
{
    private PortalPaths(string root) => Root = root;

    /// <summary>The folder relative paths are resolved against: the nearest ancestor of the content root holding the content folder.</summary>
    public string Root { get; }

    public string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));

    public static PortalPaths Discover(string contentRootPath, string contentFolder)
    {
        if (Path.IsPathRooted(contentFolder))
        {
            return new PortalPaths(contentRootPath);
        }

        // `dotnet run` starts in the project folder, the repository keeps content/ two levels up, and a publish folder
        // carries its own copy: walking up finds the right one in each case.
        for (var dir = new DirectoryInfo(contentRootPath); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, contentFolder)))
            {
                return new PortalPaths(dir.FullName);
            }
        }

        return new PortalPaths(contentRootPath);
    }
}
