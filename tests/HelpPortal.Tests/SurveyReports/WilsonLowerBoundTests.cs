using HelpPortal.Web.SurveyReports;

namespace HelpPortal.Tests.SurveyReports;

/// <summary>The Wilson lower bound, against values worked out by hand.</summary>
public sealed class WilsonLowerBoundTests
{
    [Theory]
    [InlineData(1, 1, 0.2065)]
    [InlineData(8, 10, 0.4902)]
    [InlineData(2, 4, 0.1500)]
    [InlineData(0, 5, 0.0)]
    [InlineData(100, 100, 0.9630)]
    public void The_lower_bound_matches_the_formula(int successes, int trials, double expected)
        => Assert.Equal(expected, ArticleHealthRow.WilsonLowerBound(successes, trials)!.Value, 4);

    [Fact]
    public void An_article_without_votes_or_answers_has_no_score()
        => Assert.Null(ArticleHealthRow.WilsonLowerBound(0, 0));
}
