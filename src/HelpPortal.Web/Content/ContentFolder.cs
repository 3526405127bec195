using System.Globalization;
using System.Text;

namespace HelpPortal.Web.Content;

/// <summary>
/// Finds and reads the files of the content folder. Whatever is on disk — a folder it cannot list, a link loop, a
/// pipe, a binary or huge file, text that is not UTF-8 — becomes a problem for that path, never an exception.
/// </summary>
internal static class ContentFolder
{
    /// <summary>A hundred times the longest article today; Markdig's time grows faster than linearly on nested input.</summary>
    public const int MaxFileBytes = 256 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Every .md file under the folder (paths relative to it, forward slashes, ordinal order). A folder that cannot be
    /// listed is reported and added to <paramref name="unreadableFolders"/> (as "path/"), so the catalogue keeps what it
    /// holds from there instead of taking the articles in it as deleted.
    /// </summary>
    public static List<string> MarkdownFiles(string contentFolder, List<ContentProblem> problems, HashSet<string> unreadableFolders)
    {
        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(contentFolder)]);
        while (pending.TryPop(out var folder))
        {
            var relative = RelativePath(contentFolder, folder.FullName);
            var prefix = relative.Length == 0 ? "" : relative + "/";
            try
            {
                foreach (var entry in folder.GetFileSystemInfos())
                {
                    if (entry is DirectoryInfo directory)
                    {
                        // A link to a folder may lead back up the tree; following it would list the same files forever.
                        if (directory.LinkTarget is not null)
                        {
                            problems.Add(new(prefix + directory.Name + "/", 0, null, "This is a link to a folder; the import does not follow links to folders.", ProblemSeverity.Warning));
                        }
                        else
                        {
                            pending.Push(directory);
                        }
                    }
                    else if (entry.Name.EndsWith(".md", StringComparison.Ordinal))
                    {
                        files.Add(prefix + entry.Name);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new(prefix.Length == 0 ? contentFolder : prefix, 0, null, $"The folder could not be read: {ex.Message} Its articles keep the version imported before."));
                unreadableFolders.Add(prefix);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The text of a file, or null (with a problem for <paramref name="path"/>) when it cannot be read as UTF-8 text.</summary>
    public static string? ReadText(string contentFolder, string path, List<ContentProblem> problems)
    {
        var file = new FileInfo(Path.Combine(contentFolder, path));
        if (file.Length > MaxFileBytes)
        {
            problems.Add(new(path, 0, null, string.Create(CultureInfo.InvariantCulture, $"The file is {file.Length:N0} bytes; a content file may have at most {MaxFileBytes:N0}.")));
            return null;
        }

        // A pipe or a device reports no length, and opening a pipe waits for a writer: an empty file needs no reading.
        if (file.Length == 0)
        {
            return "";
        }

        var bytes = ReadAtMost(file, MaxFileBytes);
        var (encoding, bomLength) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding)StrictUtf8, 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            _ => (StrictUtf8, 0),
        };

        string text;
        try
        {
            text = encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException ex)
        {
            var badByte = Math.Clamp(bomLength + ex.Index, bomLength, bytes.Length);
            var line = 1 + bytes.AsSpan(bomLength, badByte - bomLength).Count((byte)'\n');
            problems.Add(new(path, line, null, "The file is not valid UTF-8 text (the first bad byte is on this line); save it as UTF-8."));
            return null;
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = 1 + text.AsSpan(0, nul).Count('\n');
            problems.Add(new(path, line, null, "The file contains a NUL character: it is not a text file, or it was saved in an encoding other than UTF-8."));
            return null;
        }

        return text;
    }

    private static byte[] ReadAtMost(FileInfo file, int limit)
    {
        using var stream = file.OpenRead();
        var buffer = new byte[Math.Min(file.Length, limit)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }

    private static string RelativePath(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
        return relative == "." ? "" : relative;
    }
}
