using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// The console log, written by one background thread in batches: a request only queues its event. The thread writes
/// whatever has queued with one system call, then lets the next lines gather for a moment, so under load the log costs
/// a write and a wake-up per batch rather than per line (the profile of a loaded portal put Serilog.Sinks.Async's
/// wake-up, spin and write for each request's line at ~9% of a survey submission's CPU). A lone line is written at
/// once. When the queue is full a request waits rather than lose a line; disposing the logger writes what is queued.
/// </summary>
internal sealed class BatchedConsoleSink : ILogEventSink, IDisposable
{
    /// <summary>The console sink's own layout, so the lines read as before.</summary>
    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    private static readonly TimeSpan Gathering = TimeSpan.FromMilliseconds(20);

    private readonly Channel<LogEvent> _queue = Channel.CreateBounded<LogEvent>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly MessageTemplateTextFormatter _formatter = new MessageTemplateTextFormatter(Template, CultureInfo.InvariantCulture);
    private readonly TextWriter _output;
    private readonly Thread _writer;

    public BatchedConsoleSink(Stream output)
    {
        _output = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);

        // A thread of its own, not the thread pool: requests that wait for room in a full queue must not hold up its writer.
        _writer = new Thread(Write) { IsBackground = true, Name = "Console log" };
        _writer.Start();
    }

    public void Emit(LogEvent logEvent)
    {
        if (_queue.Writer.TryWrite(logEvent))
        {
            return;
        }

        try
        {
            _queue.Writer.WriteAsync(logEvent).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            // Logged while the logger is being disposed: there is no console writer left.
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.Join();
        _output.Dispose();
    }

    private void Write()
    {
        var reader = _queue.Reader;
        while (WaitForLines(reader))
        {
            while (reader.TryRead(out var logEvent))
            {
                _formatter.Format(logEvent, _output);
            }

            _output.Flush();
            Thread.Sleep(Gathering);
        }
    }

    private static bool WaitForLines(ChannelReader<LogEvent> reader)
    {
        var ready = reader.WaitToReadAsync();
        return ready.IsCompleted ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }
}
