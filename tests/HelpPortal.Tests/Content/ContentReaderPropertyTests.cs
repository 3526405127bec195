using System.Text;
using CsCheck;
using HelpPortal.Web.Content;

namespace HelpPortal.Tests.Content;

/// <summary>
/// The content reader is total: thousands of generated and mutated files — the real articles and topics.yml with
/// YAML punctuation, newlines, stray bytes and cuts thrown in — never make it throw, and every file that does not load
/// is named by at least one error.
/// </summary>
public sealed class ContentReaderPropertyTests : IDisposable
{
    private const string YamlPunctuation = "[]{}:,&*!|>'\"#%@-?\n\n\t ";

    private static readonly string[] YamlSnippets =
        ["&a ", "*a", "&b [*a, *a, *a]", "*b", "? ", "!!binary ", "!!map ", "%YAML 1.1\n", "---\n", "...\n", "\n  ", "\n\t", "- ", "key: ", "title: ", "[a, b", "{x", "\"unclosed", "'", "|\n", ">-\n", "\r\n", "\r", "\u00a0", "\ufeff"];

    private static readonly string[] MarkdownSnippets =
        ["> ", "- ", "1. ", "* ", "**", "`", "```\n", "[x](", "](other.md)", "(../nowhere.md)", "[a](#b)", "<b>", "|a|b|\n|-|-|\n", "\n\n    ", "#", "\\", "~~", "http://", "![i](", "&amp;"];

    private readonly TestContent _content = new(copyRepositoryContent: false);
    private readonly ContentReader _reader = new();
    private readonly List<(string Path, byte[] Bytes)> _sources;

    public ContentReaderPropertyTests()
    {
        _sources = [.. Directory.EnumerateFiles(TestContent.RepositoryContentFolder, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(TestContent.RepositoryContentFolder, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .OrderBy(s => s.Item1, StringComparer.Ordinal)];
        foreach (var (path, bytes) in _sources)
        {
            WriteBytes(path, Placeholder(path, bytes));
        }
    }

    [Fact]
    public void Mutated_real_files_never_make_the_reader_throw_and_every_failing_file_is_named()
    {
        var edit = Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[1, 40], Fragment, (kind, at, length, text) => new Edit(kind, at, length, text));
        var sample = Gen.Select(Gen.Int[0, _sources.Count - 1], edit.Array[1, 6], (source, edits) => (Source: source, Edits: edits));

        sample.Sample(
            s =>
            {
                var (path, original) = _sources[s.Source];
                AssertTotal(path, Mutate(original, s.Edits));
                WriteBytes(path, Placeholder(path, original));
            },
            iter: 800,
            threads: 1,
            print: s => $"{_sources[s.Source].Path}: {string.Join(" ", s.Edits.Select(e => e.ToString()))}");
    }

    [Fact]
    public void Generated_articles_never_make_the_reader_throw_and_a_failing_one_is_named()
    {
        var value = Gen.Frequency(
            (4, Gen.String["abcdefghij-0123456789 āčē"]),
            (3, Gen.String[YamlPunctuation + "ab"]),
            (2, Gen.OneOf(YamlSnippets)),
            (1, Gen.OneOf("eid", "eu-login-account", "forgotten-password", "2026-11-20", "3", "-1", "", "~", "null", "[]", "{}")));
        var name = Gen.Frequency((6, Gen.OneOf("key", "title", "topic", "order", "summary", "slug", "updated")), (1, Gen.String["abcxyz:[&*"]));
        var indent = Gen.OneOf("", "", "", "  ", "\t", "- ");
        var line = Gen.Select(indent, name, value, (i, n, v) => $"{i}{n}: {v}");
        var body = Gen.Frequency((3, Gen.OneOf(MarkdownSnippets)), (2, Gen.String), (1, Gen.Char['a', 'z'].Array[1, 20].Select(c => new string(c))))
            .Array[0, 30].Select(parts => string.Concat(parts));
        var article = Gen.Select(line.Array[0, 9], Gen.OneOf("---", "", "---\n---", "..."), body,
            (lines, closing, text) => $"---\n{string.Join('\n', lines)}\n{closing}\n{text}");

        article.Sample(
            text =>
            {
                AssertTotal("en/set-up-2fa/generated.md", Encoding.UTF8.GetBytes(text));
                File.Delete(_content.PathOf("en/set-up-2fa/generated.md"));
            },
            iter: 1200,
            threads: 1);
    }

    public void Dispose() => _content.Dispose();

    /// <summary>
    /// The real topics.yml, and an empty file for every other article: links to it resolve (a link may point to a file
    /// that fails), and one article is rendered per sample instead of fifty, which keeps thousands of samples fast.
    /// </summary>
    private static byte[] Placeholder(string path, byte[] bytes) => path == TopicsFile.FileName ? bytes : [];

    /// <summary>What goes into a file: mostly YAML punctuation and newlines, some YAML and Markdown pieces, some anything.</summary>
    private static Gen<string> Fragment => Gen.Frequency(
        (6, Gen.Char[YamlPunctuation].Select(c => c.ToString())),
        (3, Gen.OneOf(YamlSnippets)),
        (2, Gen.OneOf(MarkdownSnippets)),
        (1, Gen.Char.Select(c => c.ToString())),
        (1, Gen.Select(Gen.Char["[{>-*`"], Gen.Int[10, 300], (c, n) => new string(c, n))));

    private void AssertTotal(string path, byte[] bytes)
    {
        WriteBytes(path, bytes);

        var content = _reader.Read(_content.Folder);

        var loaded = content.Articles.Concat(content.Pages).Select(a => a.Document.Path).ToHashSet(StringComparer.Ordinal);
        var named = content.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var article in _sources.Select(s => s.Path).Append(path).Where(p => p.EndsWith(".md", StringComparison.Ordinal)).Distinct())
        {
            var failed = content.FailedPaths.Contains(article);
            Assert.True(loaded.Contains(article) != failed, $"{article} is {(failed ? "both loaded and failed" : "neither loaded nor failed")}");
            Assert.True(!failed || named.Contains(article), $"{article} failed without an error naming it");
        }

        Assert.True(content.Topics is not null || named.Contains(TopicsFile.FileName), "topics.yml failed without an error naming it");
    }

    private void WriteBytes(string path, byte[] bytes)
    {
        var full = _content.PathOf(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>Applies the edits to the text; kind 5 works on the bytes, to make text that is not UTF-8.</summary>
    private static byte[] Mutate(byte[] original, Edit[] edits)
    {
        var text = Encoding.UTF8.GetString(original);
        var rawBytes = new List<(int At, string Text)>();
        foreach (var edit in edits)
        {
            var at = text.Length == 0 ? 0 : edit.At % (text.Length + 1);
            var length = Math.Min(edit.Length, text.Length - at);
            text = edit.Kind switch
            {
                0 or 1 => text.Insert(at, edit.Text),
                2 => text.Remove(at, length),
                3 => text.Remove(at, length).Insert(at, edit.Text),
                4 => text[..at],
                _ => text,
            };
            if (edit.Kind == 5)
            {
                rawBytes.Add((edit.At, edit.Text));
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        foreach (var (at, fragment) in rawBytes)
        {
            // A lone lead byte, a stray continuation byte, an invalid byte or NUL.
            byte[] stray = [0xC3, 0x80, 0xFF, 0x00];
            bytes.Insert(bytes.Count == 0 ? 0 : at % (bytes.Count + 1), stray[fragment.Length % stray.Length]);
        }

        return [.. bytes];
    }

    /// <summary>Kind: 0–1 insert, 2 delete, 3 replace, 4 cut the file here, 5 insert a byte that is not UTF-8.</summary>
    private sealed record Edit(int Kind, int At, int Length, string Text)
    {
        public override string ToString() => $"[{Kind}@{At}/{Length} {System.Text.Json.JsonSerializer.Serialize(Text)}]";
    }
}
