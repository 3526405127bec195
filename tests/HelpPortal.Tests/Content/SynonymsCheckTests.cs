
namespace HelpPortal.Tests.Content;

/// <summary>`content check` on the synonyms files: what breaks search is an error, what finds nothing a warning, each with file and line.</summary>
public sealed class SynonymsCheckTests : IDisposable
{
    private readonly TestContent _content = new();

    [Theory]
    [InlineData("phone, smartphone\nmobile, phone\n", "en/synonyms.txt:2: error: 'phone' is already in the group on line 1 (as 'phone'); a word belongs to one group.")]
    [InlineData("phone, smartphone, phones\n", "en/synonyms.txt:1: error: 'phones' is in this group twice (as 'phone').")]
    [InlineData("phone, lost phone\n", "en/synonyms.txt:1: error: 'lost phone' is several words; a synonym is one word (phrases are not supported).")]
    [InlineData("phone, , smartphone\n", "en/synonyms.txt:1: error: An empty entry: two commas in a row, or a comma at the end.")]
    [InlineData("# a comment\nsmartphone\n", "en/synonyms.txt:2: error: A group needs at least two words, separated by commas.")]
    [InlineData("phone, the\n", "en/synonyms.txt:1: error: 'the' is only a stop word or punctuation; search ignores it, so it can be no synonym.")]
    public async Task A_synonyms_file_that_would_mislead_search_is_an_error(string text, string expected)
    {
        _content.Write("en/synonyms.txt", text);

        var (exitCode, output) = await CheckAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_no_article_uses_any_word_of_is_a_warning()
    {
        _content.Write("lv/synonyms.txt", "telefons, viedtālrunis\nzebra, žirafe\n");

        var (exitCode, output) = await CheckAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("lv/synonyms.txt:2: warning: No article in this language uses any word of this group", output, StringComparison.Ordinal);
        Assert.DoesNotContain("lv/synonyms.txt:1:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_synonyms_files_the_check_passes()
    {
        _content.Delete("en/synonyms.txt");
        _content.Delete("lv/synonyms.txt");

        var (exitCode, output) = await CheckAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("0 errors, 0 warnings.", output, StringComparison.Ordinal);
    }

    public void Dispose() => _content.Dispose();

    private async Task<(int ExitCode, string Output)> CheckAsync()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder, EnvironmentName = "Staging" };
        var (exitCode, output, error) = await factory.RunCommandAsync(null, "content", "check");
        return (exitCode, output + error);
    }
}
