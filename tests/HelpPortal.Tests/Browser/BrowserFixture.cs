using Microsoft.Playwright;

namespace HelpPortal.Tests.Browser;

/// <summary>
/// The portal on Kestrel (a real port, so a real browser can reach it) and Debian's headless Chromium driven by
/// Playwright. The browser is never downloaded: a machine without /usr/bin/chromium-headless-shell fails these tests.
/// It is Chromium's own headless shell (Blink and V8 without the desktop browser around them), the build Playwright
/// itself runs headless; the full browser in headless mode rendered the same pages for three times the CPU.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium-headless-shell";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public PortalFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium headless shell at {ChromiumPath}: apt-get install -y chromium-headless-shell (.ci/run does this).");
        }

        BaseAddress = Factory.StartOnKestrel();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true, bool acceptDownloads = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            AcceptDownloads = acceptDownloads,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Factory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
