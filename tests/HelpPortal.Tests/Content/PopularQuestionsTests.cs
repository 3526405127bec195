using HelpPortal.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Content;

/// <summary>topics.yml's <c>popular:</c> lists: checked against the articles, imported as the home page's order.</summary>
public sealed class PopularQuestionsTests : IDisposable
{
    /// <summary>The line of the "signing-in" topic's <c>popular:</c> in the repository's topics.yml.</summary>
    private const int SigningInPopularLine = 36;

    private readonly TestContent _content = new();

    [Theory]
    [InlineData("[forgotten-password, no-such-article]", "The popular question 'no-such-article' of topic 'signing-in' is not the key of any article.")]
    [InlineData("[forgotten-password, why-use-2fa]", "The popular question 'why-use-2fa' is in topic 'why-2fa'; list it under that topic, not 'signing-in'.")]
    [InlineData("[forgotten-password, forgotten-password]", "The popular question 'forgotten-password' is listed more than once.")]
    public async Task A_popular_question_that_is_not_an_article_of_its_topic_is_an_error_at_its_line_and_is_left_out(string list, string message)
    {
        ListPopular("signing-in", list);
        using var factory = new PortalFactory { ContentFolder = _content.Folder };
        factory.CreateClient();

        var report = await factory.ImportAsync();

        var problem = Assert.Single(report.Problems, p => p.Field == "popular");
        Assert.Equal((TopicsFile.FileName, SigningInPopularLine, ProblemSeverity.Error, message), (problem.Path, problem.Line, problem.Severity, problem.Message));
        Assert.True(report.Applied);
        var popular = await factory.WithDbAsync(db => db.Articles.Where(a => a.PopularRank != null).OrderBy(a => a.PopularRank).Select(a => a.Key).ToListAsync());
        Assert.Equal("forgotten-password", popular[^1]);
        Assert.DoesNotContain("no-such-article", popular);
        Assert.DoesNotContain("why-use-2fa", popular);
    }

    [Fact]
    public async Task The_import_ranks_popular_questions_by_topic_order_then_by_their_place_in_the_list()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder };
        factory.CreateClient();

        var popular = await factory.WithDbAsync(db => db.Articles.Where(a => a.PopularRank != null).OrderBy(a => a.PopularRank).Select(a => a.Key).ToListAsync());

        Assert.Equal(["confirmation-email-not-received", "set-up-eu-login-app", "qr-code-invalid", "2fa-without-smartphone", "sign-in-with-2fa", "forgotten-password"], popular);
    }

    [Fact]
    public async Task A_question_taken_off_the_popular_list_is_no_longer_ranked()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder };
        factory.CreateClient();
        ListPopular("signing-in", "[sign-in-with-2fa]");

        await factory.ImportAsync();

        var forgotten = await factory.WithDbAsync(db => db.Articles.SingleAsync(a => a.Key == "forgotten-password"));
        Assert.Null(forgotten.PopularRank);
    }

    [Fact]
    public async Task A_change_to_topics_yml_alone_is_an_update_that_the_home_page_shows_at_once()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder };
        var client = factory.CreatePlainClient();
        var before = await client.GetStringAsync("/en/"); // Rendered and kept in the output cache.
        ListPopular("signing-in", "[sign-in-with-2fa]");
        _content.Write(TopicsFile.FileName, _content.Read(TopicsFile.FileName).Replace("name: Your EU Login account", "name: Our EU Login account", StringComparison.Ordinal));

        var report = await factory.ImportAsync();
        var after = await client.GetStringAsync("/en/");

        Assert.Equal((0, 1, 0), (report.Added, report.Updated, report.Removed));
        Assert.DoesNotContain("Our EU Login account", before, StringComparison.Ordinal);
        Assert.Contains("Our EU Login account", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_unchanged_content_again_changes_nothing()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder };
        factory.CreateClient();

        var report = await factory.ImportAsync();

        Assert.Equal((0, 0, 0), (report.Added, report.Updated, report.Removed));
    }

    private void ListPopular(string topic, string list)
    {
        var lines = _content.Read(TopicsFile.FileName).Split('\n').ToList();
        var key = lines.IndexOf($"- key: {topic}");
        var popular = lines.FindIndex(key, l => l.StartsWith("  popular:", StringComparison.Ordinal));
        lines[popular] = $"  popular: {list}";
        _content.Write(TopicsFile.FileName, string.Join('\n', lines));
    }

    public void Dispose() => _content.Dispose();
}
