
namespace HelpPortal.Tests.Infrastructure;

/// <summary>Every setting is bound to an options class and checked at start-up: a bad one stops the portal and says which.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("ConnectionStrings:Portal", "", "ConnectionStrings:Portal")]
    [InlineData("DataProtection:KeysPath", " ", "DataProtection:KeysPath")]
    [InlineData("Content:WatchDebounce", "00:05:00", "WatchDebounce")]
    [InlineData("RateLimiting:SurveyPermitLimit", "0", "SurveyPermitLimit")]
    [InlineData("RateLimiting:SuggestionsPermitLimit", "0", "SuggestionsPermitLimit")]
    [InlineData("Portal:PublicOrigin", "https://help.example.eu/portal", "Portal:PublicOrigin")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example", "ForwardedHeaders:KnownProxies")]
    public void A_bad_setting_stops_the_portal_with_a_message_naming_it(string setting, string value, string named)
    {
        using var factory = new PortalFactory { Settings = { [setting] = value } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }
}
