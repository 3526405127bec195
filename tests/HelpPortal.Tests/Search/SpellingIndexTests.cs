using HelpPortal.Web.Search;

namespace HelpPortal.Tests.Search;

public sealed class SpellingIndexTests
{
    private static readonly SpellingIndex Index = new(new Dictionary<string, int>
    {
        ["password"] = 12,
        ["passport"] = 2,
        ["parol"] = 7,
        ["authent"] = 9,
        ["autentifikacij"] = 5,
        ["email"] = 20,
        ["pin"] = 4,
    });

    [Theory]
    [InlineData("password", "password", 0)]
    [InlineData("pasword", "password", 1)]
    [InlineData("paasword", "password", 1)]
    [InlineData("passwrod", "password", 1)]
    [InlineData("passwxrd", "password", 1)]
    [InlineData("psasowrd", "password", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("ca", "abc", 3)]
    public void Distance_counts_a_missing_added_changed_or_swapped_letter_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, SpellingIndex.Distance(a, b));
        Assert.Equal(expected, SpellingIndex.Distance(b, a));
    }

    [Theory]
    [InlineData("pasword", 1, "password")]
    [InlineData("passwrod", 2, "password")]
    [InlineData("paasword", 2, "password")]
    [InlineData("autentifkacij", 2, "autentifikacij")]
    [InlineData("emial", 1, "email")]
    [InlineData("parl", 1, "parol")]
    public void The_nearest_term_within_the_distance_is_found(string term, int maxDistance, string expected)
        => Assert.Equal(expected, Index.Nearest(term, maxDistance)?.Term);

    [Theory]
    [InlineData("pasport", 0)]
    [InlineData("psasowrd", 1)]
    [InlineData("zzzzzz", 2)]
    public void Nothing_is_found_beyond_the_distance(string term, int maxDistance)
        => Assert.Null(Index.Nearest(term, maxDistance));

    [Fact]
    public void Between_equally_near_terms_the_one_more_articles_hold_wins()
        => Assert.Equal("password", Index.Nearest("passwort", 2)?.Term); // One edit from both; password is in 12 articles, passport in 2.

    [Theory]
    [InlineData("pass", true)]
    [InlineData("autentif", true)]
    [InlineData("pasw", false)]
    [InlineData("zzz", false)]
    public void A_prefix_is_known_when_some_term_begins_with_it(string prefix, bool expected)
        => Assert.Equal(expected, Index.HasPrefix(prefix));
}
