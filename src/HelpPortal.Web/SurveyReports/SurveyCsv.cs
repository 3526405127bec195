using System.Globalization;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Survey;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.SurveyReports;

/// <summary>The survey responses as CSV, for the admin download and for <c>survey export</c>: columns and header texts.</summary>
public static class SurveyCsv
{
    /// <summary>The response's own fields, then one column per question of <see cref="SurveyQuestions"/>, named by its code.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["response_id", "submitted_at_utc", "culture", "source_article", "question_set", .. SurveyQuestions.All.Select(q => q.Code), "completion_seconds"];

    /// <summary>
    /// Writes the responses <paramref name="filter"/> selects, oldest first, as they are read: one SQL query, whose rows
    /// are formatted straight into the CSV writer's buffer, so time and memory go to the rows and not to objects per row.
    /// </summary>
    public static async Task<int> WriteAsync(PortalDbContext db, SurveyFilter filter, Stream output, CsvOptions options, CancellationToken cancellationToken)
    {
        var responses = filter.Apply(db).AsNoTracking().OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id);
        await using var rows = await QueryRows.OpenAsync(db, responses, cancellationToken);
        var fields = Fields(db, rows);
        await using var csv = CsvExportWriter.Create(output, options.Delimiter);
        await csv.WriteRecordAsync(Headers(options.HeaderCulture), cancellationToken);
        var count = 0;
        while (await rows.ReadAsync(cancellationToken))
        {
            foreach (var (ordinal, kind) in fields)
            {
                switch (kind)
                {
                    case FieldKind.Id:
                        csv.Write(rows.GetGuid(ordinal), "D");
                        break;
                    case FieldKind.UtcTicks:
                        csv.Write(new DateTime(rows.GetInt64(ordinal), DateTimeKind.Utc), "yyyy-MM-dd'T'HH:mm:ss'Z'");
                        break;
                    case FieldKind.Number:
                        csv.Write(rows.GetInt32(ordinal));
                        break;
                    default:
                        csv.WriteText(rows.GetUtf8Text(ordinal));
                        break;
                }
            }

            await csv.EndRecordAsync(cancellationToken);
            count++;
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }

    private enum FieldKind
    {
        Id,
        UtcTicks,
        Number,
        Text,
    }

    /// <summary>Where each of <see cref="Columns"/> is in the rows, and how it is stored, from the EF Core model.</summary>
    private static (int Ordinal, FieldKind Kind)[] Fields(PortalDbContext db, QueryRows rows)
    {
        var entity = db.Model.FindEntityType(typeof(SurveyResponse))!;
        string[] properties =
        [
            nameof(SurveyResponse.Id), nameof(SurveyResponse.SubmittedAt), nameof(SurveyResponse.Culture), nameof(SurveyResponse.SourceArticle),
            nameof(SurveyResponse.QuestionSet), .. SurveyQuestions.All.Select(q => q.Column.Property.Name), nameof(SurveyResponse.CompletionSeconds),
        ];
        return [.. properties.Select(name =>
        {
            var property = entity.FindProperty(name)!;
            var kind = property.ClrType switch
            {
                var t when t == typeof(Guid) => FieldKind.Id,
                var t when t == typeof(DateTimeOffset) && property.GetTypeMapping().Converter is DateTimeOffsetToUtcTicksConverter => FieldKind.UtcTicks,
                var t when t == typeof(int) => FieldKind.Number,
                var t when t == typeof(string) => FieldKind.Text,
                var t => throw new NotSupportedException($"The CSV export does not write {name} ({t.Name}) yet."),
            };
            return (rows.Ordinal(property.GetColumnName()), kind);
        })];
    }

    public static string FileName(DateOnly today) => $"survey-responses-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";

    private static IEnumerable<string> Headers(string? culture)
    {
        if (culture is null)
        {
            return Columns;
        }

        var questions = SurveyQuestions.All.ToDictionary(q => q.Code, q => q.Text.In(culture));
        return Columns.Select(c => questions.TryGetValue(c, out var text) ? text : ColumnLabels[c].In(culture));
    }

    private static readonly Dictionary<string, LocalizedText> ColumnLabels = new()
    {
        ["response_id"] = new("Response ID", "Atbildes ID"),
        ["submitted_at_utc"] = new("Submitted (UTC)", "Iesniegts (UTC)"),
        ["culture"] = new("Language", "Valoda"),
        ["source_article"] = new("Source article", "Avota raksts"),
        ["question_set"] = new("Question set", "Jautājumu kopa"),
        ["completion_seconds"] = new("Completion time (seconds)", "Aizpildīšanas laiks (sekundes)"),
    };
}
