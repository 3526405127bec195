using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpPortal.Tests.Support;

/// <summary>Test portals side by side in one process keep to themselves, so tests can run in parallel.</summary>
public sealed partial class PortalFactoryTests : IDisposable
{
    private readonly PortalFactory _first = new();
    private readonly PortalFactory _second = new();

    [Fact]
    public void A_portal_started_before_another_still_writes_its_log_to_its_own_collector()
    {
        _ = _first.Services;
        _ = _second.Services;

        LogMarker(_first.Services.GetRequiredService<ILogger<PortalFactoryTests>>());

        Assert.Contains("Written by the first portal", _first.Logs.MessagesAtOrAbove(Serilog.Events.LogEventLevel.Warning));
        Assert.DoesNotContain("Written by the first portal", _second.Logs.MessagesAtOrAbove(Serilog.Events.LogEventLevel.Warning));
    }

    [Fact]
    public async Task A_portal_started_before_another_still_logs_its_own_requests()
    {
        _ = _first.Services;
        _ = _second.Services;

        await _first.CreateClient().GetAsync("/en/first-portal-only");

        Assert.Contains(_first.Logs.Events, e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString("l", CultureInfo.InvariantCulture) == "/en/first-portal-only");
    }

    [LoggerMessage(LogLevel.Warning, "Written by the first portal")]
    private static partial void LogMarker(ILogger logger);

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }
}
