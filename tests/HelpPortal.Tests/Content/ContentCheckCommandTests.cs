using HelpPortal.Tests.Infrastructure;

namespace HelpPortal.Tests.Content;

/// <summary>
/// `content check` as CI and authors run it: in-process on a test portal reading the folder under test, and once
/// through the portal's own executable, for the real exit code.
/// </summary>
public sealed class ContentCheckCommandTests : IDisposable
{
    private readonly TestContent _content = new();

    [Fact]
    public async Task Content_check_passes_on_the_repository_content()
    {
        var (exitCode, output) = await RunAsync(TestContent.RepositoryContentFolder, "content", "check");

        Assert.Equal(0, exitCode);
        Assert.Contains("6 topics, 50 article files load; 0 errors, 0 warnings.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_check_prints_every_problem_and_fails()
    {
        _content.WriteArticle("en/eid/one.md", "Body", ("key", "one"), ("topic", "eid"), ("order", "1"));
        _content.WriteArticle("lv/eid/divi.md", "Skat. [šeit](nav.md).", ("key", "divi"), ("title", "Divi"), ("topic", "eid"), ("order", "1"));

        var (exitCode, output, error) = await PortalProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["Content__Path"] = _content.Folder,
                ["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(Path.GetTempPath(), "helpportal-check-unused.db")}",
            },
            standardInput: null,
            "content", "check");

        Assert.True(exitCode == 1, error);
        Assert.Contains("en/eid/one.md:1: error [title]: The required field 'title' is missing.", output, StringComparison.Ordinal);
        Assert.Contains("lv/eid/divi.md:8: error [link]:", output, StringComparison.Ordinal);
        Assert.Contains("2 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_check_reports_a_file_the_yaml_reader_chokes_on_with_its_line_and_fails()
    {
        _content.Write("en/eid/broken.md", "---\nkey: broken\ntitle: [a, b\ntopic: eid\norder: 3\n---\nBody");

        var (exitCode, output) = await RunAsync(_content.Folder, "content", "check");

        Assert.Equal(1, exitCode);
        Assert.Contains("en/eid/broken.md:3: error: The YAML cannot be read:", output, StringComparison.Ordinal);
        Assert.Contains("6 topics, 50 article files load; 1 errors, 0 warnings.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_refused_with_usage()
    {
        var (exitCode, output) = await RunAsync(_content.Folder, "content", "chek");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown command 'content chek'", output, StringComparison.Ordinal);
        Assert.Contains("HelpPortal.Web content [command] [options]", output, StringComparison.Ordinal);
        Assert.Contains("check", output, StringComparison.Ordinal);
    }

    public void Dispose() => _content.Dispose();

    private static async Task<(int ExitCode, string Output)> RunAsync(string contentFolder, params string[] args)
    {
        using var factory = new PortalFactory { ContentFolder = contentFolder };
        var (exitCode, output, error) = await factory.RunCommandAsync(null, args);
        return (exitCode, output + error);
    }
}
