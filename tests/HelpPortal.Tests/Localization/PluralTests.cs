using HelpPortal.Web.Localization;

namespace HelpPortal.Tests.Localization;

/// <summary>CLDR's plural categories: English has one and other; Latvian zero (0, 10–20, 30…), one (1, 21, 31…, not 11) and other.</summary>
public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "Other")]
    [InlineData(1, "One")]
    [InlineData(2, "Other")]
    [InlineData(11, "Other")]
    [InlineData(21, "Other")]
    [InlineData(-1, "One")]
    public void English_has_a_singular_for_one_only(int n, string category)
        => Assert.Equal(category, Plural.Category("en", n));

    [Theory]
    [InlineData(0, "Zero")]
    [InlineData(1, "One")]
    [InlineData(2, "Other")]
    [InlineData(9, "Other")]
    [InlineData(10, "Zero")]
    [InlineData(11, "Zero")]
    [InlineData(19, "Zero")]
    [InlineData(20, "Zero")]
    [InlineData(21, "One")]
    [InlineData(22, "Other")]
    [InlineData(31, "One")]
    [InlineData(100, "Zero")]
    [InlineData(101, "One")]
    [InlineData(111, "Zero")]
    [InlineData(1000, "Zero")]
    [InlineData(-21, "One")]
    public void Latvian_has_a_singular_for_numbers_ending_in_one_but_not_eleven_and_a_zero_form_for_tens_and_teens(int n, string category)
        => Assert.Equal(category, Plural.Category("lv", n));

    [Fact]
    public void The_resource_key_ends_in_the_category()
        => Assert.Equal("Survey.CharactersLeft.One", Plural.Key("Survey.CharactersLeft", "lv", 21));
}
