using System.Globalization;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Survey;

namespace HelpPortal.Web.Reports.Survey;

/// <summary>The survey responses as CSV, for the admin download and for <c>survey export</c>: columns and header texts.</summary>
public static class SurveyCsv
{
    /// <summary>The response's own fields, then one column per question of <see cref="SurveyQuestions"/>, named by its code.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["response_id", "submitted_at_utc", "culture", "source_article", "question_set", .. SurveyQuestions.All.Select(q => q.Code), "completion_seconds"];

    public static Task<int> WriteAsync(IAsyncEnumerable<SurveyResponse> responses, Stream output, CsvOptions options, CancellationToken cancellationToken)
        => CsvExport.WriteAsync(responses, Headers(options.HeaderCulture), Cells, output, options.Delimiter, cancellationToken);

    private static IEnumerable<string> Cells(SurveyResponse response) =>
    [
        response.Id.ToString("D"),
        response.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        response.Culture,
        response.SourceArticle ?? "",
        response.QuestionSet,
        .. SurveyQuestions.All.Select(q => q.Column.Read(response) ?? ""),
        response.CompletionSeconds.ToString(CultureInfo.InvariantCulture),
    ];

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
