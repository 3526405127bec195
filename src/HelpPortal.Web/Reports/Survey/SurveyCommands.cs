using HelpPortal.Web.Commands;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Reports.Survey;

/// <summary><c>survey export</c> and <c>survey purge</c>: the admin export for scheduled jobs, and the retention policy.</summary>
public static partial class SurveyCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine command, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<CommandLine>>();
        switch (command.Verbs)
        {
            case ["survey", "export"]:
            {
                command.AllowOnly("out", "from", "to", "culture", "article", "topic", "headers", "delimiter", "language");
                var path = command.Required("out");
                var filter = SurveyFilter.Parse(command.Option("from"), command.Option("to"), command.Option("culture"), command.Option("article"), command.Option("topic"), command.Errors);
                var language = command.Option("language") ?? "en";
                if (!Localization.PortalCultures.IsSupported(language))
                {
                    command.Errors.Add($"--language must be en or lv, not '{language}'.");
                }

                var options = CsvOptions.Parse(command.Option("delimiter"), command.Option("headers"), language, command.Errors);
                if (command.HasErrors(error))
                {
                    return 1;
                }

                // Written next to the target and moved into place, so a failed export never leaves half a file behind.
                var fullPath = Path.GetFullPath(path!);
                var partial = fullPath + ".partial";
                int rows;
                try
                {
                    await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                    {
                        var responses = filter.Apply(db).AsNoTracking().OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).AsAsyncEnumerable();
                        rows = await SurveyCsv.WriteAsync(responses, file, options, CancellationToken.None);
                    }

                    File.Move(partial, fullPath, overwrite: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    File.Delete(partial);
                    error.WriteLine($"Cannot write {fullPath}: {ex.Message}");
                    return 1;
                }

                LogExported(logger, rows, fullPath);
                output.WriteLine($"{rows} responses written to {fullPath}.");
                return 0;
            }

            case ["survey", "purge"]:
            {
                command.AllowOnly("older-than");
                var days = command.RequiredDays("older-than");
                if (command.HasErrors(error))
                {
                    return 1;
                }

                var cutoff = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-days);
                var deleted = await db.SurveyResponses.Where(r => r.SubmittedAt < cutoff).ExecuteDeleteAsync();
                LogPurged(logger, deleted, cutoff);
                output.WriteLine($"{deleted} responses submitted before {cutoff:yyyy-MM-dd HH:mm} UTC deleted.");
                return 0;
            }

            default:
                return -1;
        }
    }

    [LoggerMessage(LogLevel.Information, "Survey export from the command line: {Rows} responses to {Path}")]
    private static partial void LogExported(ILogger logger, int rows, string path);

    [LoggerMessage(LogLevel.Information, "Survey purge: {Deleted} responses submitted before {Cutoff} deleted")]
    private static partial void LogPurged(ILogger logger, int deleted, DateTimeOffset cutoff);
}
