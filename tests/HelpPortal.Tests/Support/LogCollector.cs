using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace HelpPortal.Tests.Support;

/// <summary>A Serilog sink that keeps every event, so tests can check the level and text an operator would see.</summary>
public sealed class LogCollector : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IEnumerable<string> MessagesAtOrAbove(LogEventLevel level)
        => Events.Where(e => e.Level >= level).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
}
