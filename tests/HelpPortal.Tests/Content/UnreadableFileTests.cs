using System.Diagnostics;
using System.Text;
using HelpPortal.Web.Content;

namespace HelpPortal.Tests.Content;

/// <summary>
/// Files that once made the reader throw, hang or crash the process, and the ways a file can be broken on disk: each
/// is reported with its path and best line, and every other file still loads.
/// </summary>
public sealed class UnreadableFileTests : IDisposable
{
    private const string Path = "en/set-up-2fa/broken.md";
    private readonly TestContent _content = new();

    public static TheoryData<string, byte[], int, string> Cases => new()
    {
        { "unclosed flow sequence", Text("---\nkey: broken\ntitle: [a, b\ntopic: set-up-2fa\norder: 3\n---\nBody"), 3, "A list '[' or a group '{' is not closed" },
        { "unclosed flow mapping", Text("---\nkey: broken\ntitle: T\nsummary: {x\ntopic: set-up-2fa\norder: 3\n---\nBody"), 4, "is not closed" },
        { "unclosed flow sequence at the end", Text("---\nkey: broken\ntopic: set-up-2fa\ntitle: [a, b\n---\nBody"), 5, "The YAML cannot be read" },
        { "tab indentation", Text("---\nkey: broken\ntitle: T\n\ttopic: set-up-2fa\norder: 3\n---\nBody"), 4, " tab " },
        { "alias bomb", Text(AliasBomb()), 6, "more than 10,000 values" },
        { "alias inside its own value", Text("---\nkey: broken\n? &a [*a]\n: x\n---\nBody"), 3, "does not name a value marked '&a' before it" },
        { "alias to nothing", Text("---\nkey: broken\ntitle: *nowhere\n---\nBody"), 3, "'*nowhere'" },
        { "deep nesting", Text("---\nkey: broken\ntitle: " + new string('[', 5000) + new string(']', 5000) + "\n---\nBody"), 3, "nested more than 20 levels" },
        { "binary garbage", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x0A, 0xFF, 0xFE, 0x00, 0x00, 0x9C], 2, "not valid UTF-8" },
        { "invalid UTF-8 in the body", [.. Text("---\nkey: broken\ntitle: T\ntopic: set-up-2fa\norder: 3\n---\nBody\n"), 0xC3, 0x28], 8, "not valid UTF-8" },
        { "NUL in the body", Text("---\nkey: broken\ntitle: T\ntopic: set-up-2fa\norder: 3\n---\nBody\n\nmore\0"), 9, "NUL character" },
        { "empty file", [], 1, "must begin with front matter" },
        { "only the opening line", Text("---"), 1, "front matter is not closed" },
        { "only the two lines", Text("---\n---\n"), 2, "The YAML is empty" },
        { "deeply nested Markdown", Text("---\nkey: broken\ntitle: T\ntopic: set-up-2fa\norder: 3\n---\n" + new string('>', 5000) + " deep"), 7, "could not be read: Markdown elements in the input are too deeply nested" },
        { "a file over the size limit", Text("---\nkey: broken\ntitle: T\ntopic: set-up-2fa\norder: 3\n---\n" + new string('a', ContentFolder.MaxFileBytes)), 0, "a content file may have at most 262,144" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_file_is_reported_with_its_path_and_best_line_and_the_others_load(string @case, byte[] bytes, int line, string message)
    {
        Write(Path, bytes);

        var content = new ContentReader().Read(_content.Folder);

        Assert.Contains(Path, content.FailedPaths);
        var problem = Assert.Single(content.Problems, p => p.Path == Path && p.Severity == ProblemSeverity.Error);
        Assert.True(problem.Line == line, $"{@case}: expected line {line}, got {problem}");
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(50, content.Articles.Count);
    }

    [Fact]
    public void A_file_that_cannot_be_opened_is_reported_as_unreadable()
    {
        File.CreateSymbolicLink(_content.PathOf(Path), _content.PathOf("en/set-up-2fa/nowhere"));

        var content = new ContentReader().Read(_content.Folder);

        var problem = Assert.Single(content.Problems, p => p.Path == Path);
        Assert.StartsWith("The file could not be read:", problem.Message, StringComparison.Ordinal);
        Assert.Contains("FileNotFoundException", problem.Message, StringComparison.Ordinal);
        Assert.Contains(Path, content.FailedPaths);
        Assert.Equal(50, content.Articles.Count);
    }

    [Fact]
    public void A_folder_named_like_an_article_is_not_read_as_one()
    {
        Directory.CreateDirectory(_content.PathOf("en/set-up-2fa/folder.md"));

        var content = new ContentReader().Read(_content.Folder);

        Assert.Equal((0, 50), (content.ErrorCount, content.Articles.Count));
    }

    [Fact]
    public void A_link_that_loops_back_up_the_folder_is_not_followed()
    {
        Directory.CreateSymbolicLink(_content.PathOf("en/set-up-2fa/loop"), _content.PathOf("en"));

        var content = new ContentReader().Read(_content.Folder);

        var problem = Assert.Single(content.Problems);
        Assert.Equal(("en/set-up-2fa/loop/", ProblemSeverity.Warning), (problem.Path, problem.Severity));
        Assert.Equal(50, content.Articles.Count);
    }

    [Fact]
    public async Task A_pipe_named_like_an_article_does_not_block_the_reader()
    {
        using (var mkfifo = Process.Start("mkfifo", _content.PathOf(Path)))
        {
            await mkfifo.WaitForExitAsync();
        }

        var read = Task.Run(() => new ContentReader().Read(_content.Folder));

        var content = await read.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(content.Problems, p => p.Path == Path && p.Message.Contains("must begin with front matter", StringComparison.Ordinal));
        Assert.Equal(50, content.Articles.Count);
    }

    [Fact]
    public void A_very_long_line_still_loads()
    {
        _content.WriteArticle(Path, new string('a', 200_000), ("key", "long"), ("title", "Long"), ("topic", "set-up-2fa"), ("order", "3"));

        var content = new ContentReader().Read(_content.Folder);

        Assert.Equal((0, 51), (content.ErrorCount, content.Articles.Count));
    }

    [Fact]
    public void A_utf16_file_with_a_byte_order_mark_still_loads()
    {
        Write(Path, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("---\nkey: wide\ntitle: Ļoti plaši\ntopic: set-up-2fa\norder: 3\n---\nBody")).ToArray());

        var content = new ContentReader().Read(_content.Folder);

        Assert.Contains(content.Articles, a => a.Document.Path == Path && a.Document.Title == "Ļoti plaši");
    }

    public void Dispose() => _content.Dispose();

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Nine levels of nine aliases each: 387 million values once expanded.</summary>
    private static string AliasBomb()
    {
        var lines = new List<string> { "---", "a: &a [x, x, x, x, x, x, x, x, x]" };
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            lines.Add($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 9))}]");
        }

        lines.AddRange(["---", "Body"]);
        return string.Join('\n', lines);
    }

    private void Write(string relativePath, byte[] bytes) => File.WriteAllBytes(_content.PathOf(relativePath), bytes);
}
