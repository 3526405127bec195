using System.Runtime.CompilerServices;

namespace HelpPortal.Tests.Support;

internal static class TestEnvironment
{
    /// <summary>
    /// Dozens of portal hosts run side by side in this process. Each would hold inotify watchers (configuration reload,
    /// static files), and Linux allows 128 inotify instances per user: the hosts poll instead, and do not watch their
    /// configuration at all.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
