using HelpPortal.Web.Content;

namespace HelpPortal.Tests.Content;

/// <summary><c>content check</c> on front matter <c>related:</c> and <c>redirect_from:</c>, and on topics.yml's <c>redirect_from:</c>.</summary>
public sealed class RelatedAndRedirectCheckTests : IDisposable
{
    private const string English = "en/signing-in/forgotten-password.md";
    private const string Latvian = "lv/signing-in/aizmirsta-parole.md";
    private readonly TestContent _content = new();

    [Fact]
    public void The_repository_content_has_related_questions_and_redirects_without_a_problem()
    {
        var content = new ContentReader().Read(TestContent.RepositoryContentFolder);

        Assert.Empty(content.Problems);
        Assert.All(content.Articles, a => Assert.True(a.Document.Related.Count >= 2, a.Document.Path));
    }

    [Theory]
    [InlineData("[change-app-pin, no-such-article]", "The related question 'no-such-article' is not the key of any article.")]
    [InlineData("[change-app-pin, forgotten-password]", "The related question 'forgotten-password' is this article itself.")]
    [InlineData("[change-app-pin, email-already-registered, change-app-pin]", "The related question 'change-app-pin' is listed more than once.")]
    public void A_related_key_that_is_unknown_the_article_itself_or_repeated_is_an_error_and_is_left_out(string list, string message)
    {
        SetField(English, "related", list);

        var content = new ContentReader().Read(_content.Folder);

        var problem = Assert.Single(content.Problems, p => p is { Field: "related", Severity: ProblemSeverity.Error });
        Assert.Equal((English, message), (problem.Path, problem.Message));
        var article = Assert.Single(content.Articles, a => a.Document.Path == English);
        Assert.Contains("change-app-pin", article.Document.Related);
        Assert.Equal(article.Document.Related.Distinct(), article.Document.Related);
        Assert.DoesNotContain("no-such-article", article.Document.Related);
        Assert.DoesNotContain("forgotten-password", article.Document.Related);
    }

    [Fact]
    public void Fewer_than_two_related_questions_is_a_warning()
    {
        SetField(English, "related", "[change-app-pin]");
        SetField(Latvian, "related", "[change-app-pin]");

        var content = new ContentReader().Read(_content.Folder);

        Assert.Equal(0, content.ErrorCount);
        Assert.Contains(content.Problems, p => p is { Path: English, Field: "related", Severity: ProblemSeverity.Warning }
            && p.Message.StartsWith("List at least two related questions", StringComparison.Ordinal));
        Assert.Contains(content.Articles, a => a.Document.Path == English);
    }

    [Fact]
    public void Related_questions_that_differ_between_the_languages_are_a_warning_on_the_translation()
    {
        SetField(Latvian, "related", "[email-already-registered, change-app-pin]");

        var content = new ContentReader().Read(_content.Folder);

        var problem = Assert.Single(content.Problems);
        Assert.Equal((Latvian, "related", ProblemSeverity.Warning), (problem.Path, problem.Field, problem.Severity));
        Assert.Contains($"differ from [change-app-pin, email-already-registered] in {English}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_former_slug_that_is_a_live_slug_in_the_language_is_an_error_and_does_not_redirect()
    {
        SetField(English, "redirect_from", "[sign-in-with-2fa]");

        var content = new ContentReader().Read(_content.Folder);

        var problem = Assert.Single(content.Problems);
        Assert.Equal((English, "redirect_from", ProblemSeverity.Error), (problem.Path, problem.Field, problem.Severity));
        Assert.Contains("'sign-in-with-2fa' is the slug of a file in this language", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Assert.Single(content.Articles, a => a.Document.Path == English).Document.RedirectFrom);
    }

    [Fact]
    public void A_former_slug_claimed_by_two_articles_is_an_error_in_both()
    {
        SetField(English, "redirect_from", "[old-question]");
        SetField("en/signing-in/sign-in-with-2fa.md", "redirect_from", "[old-question]");

        var content = new ContentReader().Read(_content.Folder);

        Assert.Equal(2, content.ErrorCount);
        Assert.All(content.Problems, p => Assert.Equal(("redirect_from", ProblemSeverity.Error), (p.Field, p.Severity)));
        Assert.Contains(content.Problems, p => p.Path == English && p.Message.Contains("en/signing-in/sign-in-with-2fa.md", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_former_slug_may_redirect_in_each_language_to_its_own_translation()
    {
        SetField(English, "redirect_from", "[password]");
        SetField(Latvian, "redirect_from", "[password]");

        var content = new ContentReader().Read(_content.Folder);

        Assert.Empty(content.Problems);
    }

    [Theory]
    [InlineData("redirect_from: [europass-templates, signing-in]", "The former en slug 'signing-in' is the slug of a topic: a live address cannot redirect.")]
    [InlineData("redirect_from: [europass-templates, eid]", "The former en slug 'eid' is listed more than once: it can redirect to one topic only.")]
    public void A_topic_redirect_that_clashes_is_an_error_of_topics_yml(string replacement, string message)
    {
        _content.Write(TopicsFile.FileName, _content.Read(TopicsFile.FileName)
            .Replace("redirect_from: [europass-templates, support-and-information]", replacement, StringComparison.Ordinal));

        var content = new ContentReader().Read(_content.Folder);

        var problem = Assert.Single(content.Problems, p => p.Path == TopicsFile.FileName);
        Assert.Equal(("en.redirect_from", ProblemSeverity.Error, message), (problem.Field, problem.Severity, problem.Message));
        Assert.Null(content.Topics);
    }

    /// <summary>Replaces a front-matter field of a file, or adds it after the <c>key:</c> line.</summary>
    private void SetField(string path, string field, string value)
    {
        var lines = _content.Read(path).Split('\n').ToList();
        var existing = lines.FindIndex(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        if (existing >= 0)
        {
            lines[existing] = $"{field}: {value}";
        }
        else
        {
            lines.Insert(2, $"{field}: {value}");
        }

        _content.Write(path, string.Join('\n', lines));
    }

    public void Dispose() => _content.Dispose();
}
