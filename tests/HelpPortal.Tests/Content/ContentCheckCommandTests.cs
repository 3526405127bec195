
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
        Assert.Contains("8 topics, 50 article files and 6 page files load; 0 errors, 0 warnings.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_content_check_warns_while_the_organisation_is_still_the_shipped_placeholder()
    {
        using var factory = new PortalFactory { ContentFolder = TestContent.RepositoryContentFolder };

        var (exitCode, output, _) = await factory.RunCommandAsync(null, "content", "check");

        Assert.Equal(0, exitCode);
        Assert.Contains("Portal:Organisation: warning: The organisation's name, contact email or address is still a placeholder", output, StringComparison.Ordinal);
        Assert.Contains("0 errors, 1 warnings.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_production_the_placeholder_organisation_is_not_reported()
    {
        using var factory = new PortalFactory { ContentFolder = TestContent.RepositoryContentFolder, EnvironmentName = "Staging" };

        var (_, output, _) = await factory.RunCommandAsync(null, "content", "check");

        Assert.DoesNotContain("Portal:Organisation", output, StringComparison.Ordinal);
        Assert.Contains("0 errors, 0 warnings.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en/pages/privacy.md", "Write to {{organisation.phone}}.", "Unknown placeholder '{{organisation.phone}}'")]
    [InlineData("en/pages/cookies.md", "The cookies: {{cookies}}", "write it alone on a line of its own")]
    [InlineData("en/set-up-2fa/placeholder.md", "Ask {{organisation.name}}.", "is filled in only on pages")]
    public async Task Content_check_refuses_a_placeholder_it_cannot_fill_in(string path, string body, string message)
    {
        var fields = path.Contains("/pages/", StringComparison.Ordinal)
            ? new[] { ("key", Path.GetFileNameWithoutExtension(path)), ("title", "A page"), ("order", "1") }
            : [("key", "placeholder"), ("title", "A question"), ("topic", "set-up-2fa"), ("order", "9")];
        _content.WriteArticle(path, body, fields.Select(f => (f.Item1, (string?)f.Item2)).ToArray());

        var (exitCode, output) = await RunAsync(_content.Folder, "content", "check");

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}:{fields.Length + 4}: error [placeholder]: ", output, StringComparison.Ordinal);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_check_prints_every_problem_and_fails()
    {
        _content.WriteArticle("en/set-up-2fa/one.md", "Body", ("key", "one"), ("topic", "set-up-2fa"), ("order", "1"));
        _content.WriteArticle("lv/set-up-2fa/divi.md", "Skat. [šeit](nav.md).", ("key", "divi"), ("title", "Divi"), ("topic", "set-up-2fa"), ("order", "1"));

        var (exitCode, output, error) = await PortalProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["Content__Path"] = _content.Folder,
                ["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(Path.GetTempPath(), "helpportal-check-unused.db")}",
            },
            standardInput: null,
            "content", "check");

        Assert.True(exitCode == 1, error);
        Assert.Contains("en/set-up-2fa/one.md:1: error [title]: The required field 'title' is missing.", output, StringComparison.Ordinal);
        Assert.Contains("lv/set-up-2fa/divi.md:8: error [link]:", output, StringComparison.Ordinal);
        Assert.Contains("2 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_check_reports_a_file_the_yaml_reader_chokes_on_with_its_line_and_fails()
    {
        _content.Write("en/set-up-2fa/broken.md", "---\nkey: broken\ntitle: [a, b\ntopic: set-up-2fa\norder: 3\n---\nBody");

        var (exitCode, output) = await RunAsync(_content.Folder, "content", "check");

        Assert.Equal(1, exitCode);
        Assert.Contains("en/set-up-2fa/broken.md:3: error: The YAML cannot be read:", output, StringComparison.Ordinal);
        Assert.Contains("8 topics, 50 article files and 6 page files load; 1 errors, 0 warnings.", output, StringComparison.Ordinal);
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

    /// <summary>A deployment that has set who runs it: no placeholder warning.</summary>
    private static Dictionary<string, string?> ConfiguredOrganisation => new()
    {
        ["Portal:Organisation:Name:en"] = "Example Agency",
        ["Portal:Organisation:Name:lv"] = "Piemēra aģentūra",
        ["Portal:Organisation:ContactEmail"] = "help@agency.example.lv",
        ["Portal:Organisation:Address:0"] = "Brīvības iela 1",
        ["Portal:Organisation:Address:1"] = "Rīga",
        ["Portal:Organisation:Address:2"] = "Latvija",
    };

    private static async Task<(int ExitCode, string Output)> RunAsync(string contentFolder, params string[] args)
    {
        using var factory = new PortalFactory { ContentFolder = contentFolder, Settings = ConfiguredOrganisation };
        var (exitCode, output, error) = await factory.RunCommandAsync(null, args);
        return (exitCode, output + error);
    }
}
