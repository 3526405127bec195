using System.Globalization;
using HelpPortal.Web.Admin.Accounts;
using HelpPortal.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpPortal.Tests.Admin.Accounts;

/// <summary>The portal's own password rules, in process, with the portal's resource files.</summary>
public sealed class PasswordRulesTests
{
    private const string ContainsEmail = "This password contains your email address or the part of it before the @; choose one that does not.";

    private readonly PasswordRules _rules = new(new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    [Theory]
    [InlineData("ops@example.eu", "ops@example.eu is me")]
    [InlineData("ops@example.eu", "the OPS team and its long passphrase")]
    [InlineData("jānis@example.lv", "jānis likes long passphrases")]
    [InlineData("jo@example.eu", "mail jo@example.eu for a new passphrase")]
    public async Task A_password_built_on_the_email_address_is_refused_for_that_reason_not_as_too_common(string email, string password)
    {
        var errors = await ErrorsAsync(email, password);

        Assert.Equal([ContainsEmail], errors);
    }

    [Theory]
    [InlineData("jo@example.eu", "enjoy a long quiet journey")]
    [InlineData("ab@example.eu", "a cab, a crab and a long slab")]
    public async Task A_local_part_shorter_than_three_characters_does_not_forbid_passwords_that_contain_it(string email, string password)
    {
        Assert.Empty(await ErrorsAsync(email, password));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    public async Task A_common_password_is_still_refused_as_too_common(string password)
    {
        Assert.Equal(["This password is too common or too easy to guess; choose another."], await ErrorsAsync("ops@example.eu", password));
    }

    [Fact]
    public async Task The_reason_is_given_in_latvian_to_a_latvian_admin()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("lv");
        try
        {
            Assert.Equal(["Parolē ir jūsu e-pasta adrese vai tās daļa pirms @ zīmes; izvēlieties paroli bez tās."], await ErrorsAsync("ops@example.eu", "ops and a long passphrase"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private async Task<List<string>> ErrorsAsync(string email, string password)
    {
        var result = await _rules.ValidateAsync(null!, new AdminUser { Email = email, UserName = email }, password);
        return [.. result.Errors.Select(e => e.Description)];
    }
}
