using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HelpPortal.Web.Content;

/// <summary>
/// One hash over everything an import reads — every file under the content folder, by relative path, length and bytes —
/// and the build that reads it. An import records it; a start whose folder and build hash to the value of the last
/// recorded import has nothing to import, and skips reading, parsing and comparing the catalogue (about a third of a cold
/// start, docs/performance.md#cold-start). A changed, added, removed or renamed file, or a new build (whose reader or
/// renderer may differ), changes it, so such a start imports as before.
/// </summary>
internal static class ContentFingerprint
{
    /// <summary>
    /// The build's module version id: a deterministic build of the same sources keeps it, any change of code gives a new
    /// one, so a deployment imports once with its own reader and renderer.
    /// </summary>
    private static readonly byte[] Build = typeof(ContentFingerprint).Assembly.ManifestModule.ModuleVersionId.ToByteArray();

    /// <summary>
    /// The folder's fingerprint, or null when anything in it is out of the ordinary (a link to a folder, a file too large
    /// to import, a folder or file that cannot be read): the full import then runs and reports it.
    /// </summary>
    public static string? Compute(string contentFolder)
    {
        try
        {
            var root = new DirectoryInfo(contentFolder);
            if (!root.Exists)
            {
                return null;
            }

            var files = new List<(string Path, FileInfo File)>();
            var pending = new Stack<(string Prefix, DirectoryInfo Folder)>([("", root)]);
            while (pending.TryPop(out var current))
            {
                foreach (var entry in current.Folder.EnumerateFileSystemInfos())
                {
                    if (entry.LinkTarget is not null && entry is DirectoryInfo)
                    {
                        return null;
                    }

                    if (entry is DirectoryInfo directory)
                    {
                        pending.Push((current.Prefix + directory.Name + "/", directory));
                    }
                    else if (entry is FileInfo file)
                    {
                        files.Add((current.Prefix + file.Name, file));
                    }
                }
            }

            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Build);
            Span<byte> length = stackalloc byte[sizeof(long)];
            foreach (var (path, file) in files)
            {
                // The import reads an empty-looking entry (an empty file, a pipe) as empty text without opening it.
                var size = file.Length;
                if (size > ContentFolder.MaxFileBytes)
                {
                    return null;
                }

                hash.AppendData(Encoding.UTF8.GetBytes(path));
                BinaryPrimitives.WriteInt64LittleEndian(length, size);
                hash.AppendData(length);
                if (size > 0)
                {
                    hash.AppendData(File.ReadAllBytes(file.FullName));
                }
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
