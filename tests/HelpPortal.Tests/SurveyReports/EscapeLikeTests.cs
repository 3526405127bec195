using HelpPortal.Web.SurveyReports;

namespace HelpPortal.Tests.SurveyReports;

/// <summary>How the text search's LIKE pattern escapes.</summary>
public sealed class EscapeLikeTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("50%", "50\\%")]
    [InlineData("a_b", "a\\_b")]
    [InlineData("c\\d", "c\\\\d")]
    public void LIKE_wildcards_and_the_escape_character_are_escaped(string text, string expected)
        => Assert.Equal(expected, SurveyFilter.EscapeLike(text));
}
