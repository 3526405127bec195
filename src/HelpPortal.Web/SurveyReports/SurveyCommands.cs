using System.CommandLine;
using System.CommandLine.Parsing;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using HelpPortal.Web.Survey;

namespace HelpPortal.Web.SurveyReports;

/// <summary><c>survey export</c>, the admin export for scheduled jobs; <c>survey purge</c> is the survey's own (<see cref="SurveyRetention"/>).</summary>
public static partial class SurveyCommands
{
    public static Command Create(IServiceProvider services)
    {
        var export = new ExportOptions();
        var exportCommand = new Command("export", "Write the survey responses to a CSV file, as the admin download does.")
        {
            export.Out, export.From, export.To, export.Culture, export.Article, export.Topic, export.Satisfaction, export.Search, export.Headers, export.Language, export.Delimiter,
        };

        // The filter and CSV rules are read where the admin download reads them; their messages become parse errors.
        exportCommand.Validators.Add(result =>
        {
            var errors = new List<string>();
            export.Read(result, errors);
            errors.ForEach(result.AddError);
        });
        exportCommand.SetAction(parse => ExportAsync(services, parse, export));

        return new Command("survey", "The satisfaction survey's responses.") { exportCommand, SurveyRetention.PurgeCommand(services) };
    }

    private static async Task<int> ExportAsync(IServiceProvider services, ParseResult parse, ExportOptions export)
    {
        var (filter, options) = export.Read(parse.CommandResult, []);
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        // Written next to the target and moved into place, so a failed export never leaves half a file behind.
        var fullPath = Path.GetFullPath(parse.GetRequiredValue(export.Out));
        var partial = fullPath + ".partial";
        int rows;
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                rows = await SurveyCsv.WriteAsync(db, filter, file, options, CancellationToken.None);
            }

            File.Move(partial, fullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            error.WriteLine($"Cannot write {fullPath}: {ex.Message}");
            return 1;
        }

        LogExported(Logger(scope), rows, fullPath);
        output.WriteLine($"{rows} responses written to {fullPath}.");
        return 0;
    }

    private static ILogger Logger(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SurveyCommands));

    [LoggerMessage(LogLevel.Information, "Survey export from the command line: {Rows} responses to {Path}")]
    private static partial void LogExported(ILogger logger, int rows, string path);

    /// <summary><c>survey export</c>'s options: the report's filter, and how the CSV is written.</summary>
    private sealed class ExportOptions
    {
        public Option<string> Out { get; } = new("--out") { Description = "The CSV file to write.", HelpName = "FILE", Required = true };

        public Option<string> From { get; } = new("--from") { Description = "The first day (UTC) of responses to include.", HelpName = "YYYY-MM-DD" };

        public Option<string> To { get; } = new("--to") { Description = "The last day (UTC) of responses to include.", HelpName = "YYYY-MM-DD" };

        public Option<string> Culture { get; } = new("--culture") { Description = "Only the responses given in this language.", HelpName = "en|lv" };

        public Option<string> Article { get; } = new("--article") { Description = "Only the responses started from this article.", HelpName = "KEY" };

        public Option<string> Topic { get; } = new("--topic") { Description = "Only the responses started from an article of this topic.", HelpName = "KEY" };

        public Option<string> Satisfaction { get; } = new("--satisfaction") { Description = "Only the responses with this answer to q1.", HelpName = "1-5" };

        public Option<string> Search { get; } = new("--search") { Description = "Only the responses whose written answer contains this text (ignoring case).", HelpName = "TEXT" };

        public Option<string> Headers { get; } = new("--headers") { Description = "Column codes (default) or the questions' text as headers.", HelpName = "codes|localized" };

        public Option<string> Language { get; } = new("--language") { Description = "The language of localized headers (default en).", HelpName = "en|lv" };

        public Option<string> Delimiter { get; } = new("--delimiter") { Description = "comma (default), or semicolon for Excel with Latvian settings.", HelpName = "comma|semicolon" };

        public (SurveyFilter Filter, CsvOptions Csv) Read(SymbolResult result, List<string> errors)
        {
            var filter = SurveyFilter.Parse(result.GetValue(From), result.GetValue(To), result.GetValue(Culture), result.GetValue(Article), result.GetValue(Topic), errors, result.GetValue(Satisfaction), result.GetValue(Search));
            var language = result.GetValue(Language) ?? "en";
            if (!PortalCultures.IsSupported(language))
            {
                errors.Add($"--language must be en or lv, not '{language}'.");
            }

            return (filter, CsvOptions.Parse(result.GetValue(Delimiter), result.GetValue(Headers), language, errors));
        }
    }
}
