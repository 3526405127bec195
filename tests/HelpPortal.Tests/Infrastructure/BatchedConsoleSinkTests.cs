using System.Globalization;
using System.Text;
using HelpPortal.Web.Infrastructure;
using Serilog;

namespace HelpPortal.Tests.Infrastructure;

/// <summary>The console log's background writer: in the console sink's layout, in order, and nothing lost.</summary>
public sealed class BatchedConsoleSinkTests
{
    [Fact]
    public void A_line_reads_as_the_console_sink_wrote_it()
    {
        var output = new MemoryStream();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new BatchedConsoleSink(output)).CreateLogger())
        {
            logger.Warning("Refused a malformed {Method} {Path} with {StatusCode}", "POST", "/en/survey", 413);
        }

        var line = Assert.Single(Lines(output));
        Assert.Matches(@"^\[\d\d:\d\d:\d\d WRN\] Refused a malformed POST /en/survey with 413$", line);
    }

    [Fact]
    public void More_lines_than_the_queue_holds_are_all_written_in_order_by_the_time_the_logger_is_disposed()
    {
        var output = new MemoryStream();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new BatchedConsoleSink(output)).CreateLogger())
        {
            for (var i = 0; i < 30_000; i++)
            {
                logger.Information("Line {Number}", i);
            }
        }

        Assert.Equal(
            Enumerable.Range(0, 30_000).Select(i => "Line " + i.ToString(CultureInfo.InvariantCulture)),
            Lines(output).Select(l => l[(l.IndexOf(']', StringComparison.Ordinal) + 2)..]));
    }

    private static string[] Lines(MemoryStream output)
        => Encoding.UTF8.GetString(output.ToArray()).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
