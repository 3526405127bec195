namespace HelpPortal.Tests.Support;

/// <summary>A private copy of the portal's content folder that a test may change freely; deleted on dispose.</summary>
public sealed class TestContent : IDisposable
{
    public TestContent(bool copyRepositoryContent = true)
    {
        Folder = Path.Combine(Path.GetTempPath(), "helpportal-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        if (copyRepositoryContent)
        {
            CopyDirectory(RepositoryContentFolder, Folder);
        }
    }

    public string Folder { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string RepositoryContentFolder => Path.Combine(RepositoryRoot, "content");

    public string PathOf(string relativePath) => Path.Combine(Folder, relativePath);

    public void Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public void Delete(string relativePath) => File.Delete(PathOf(relativePath));

    /// <summary>Writes an article with the given front matter fields (null values are left out) and body.</summary>
    public void WriteArticle(string relativePath, string body = "An answer.", params (string Field, string? Value)[] fields)
    {
        var lines = fields.Where(f => f.Value is not null).Select(f => $"{f.Field}: {f.Value}");
        Write(relativePath, $"---\n{string.Join('\n', lines)}\n---\n\n{body}\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A watcher or an antivirus may still hold a file; the temp folder is cleaned by the OS.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelpPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HelpPortal.sln not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
