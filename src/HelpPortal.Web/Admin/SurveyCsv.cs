using System.Globalization;
using CsvHelper;
using HelpPortal.Web.Survey;

namespace HelpPortal.Web.Admin;

/// <param name="Delimiter">',' by default; ';' for Excel with Latvian (and most European) regional settings.</param>
/// <param name="HeaderCulture">Null for the column codes; a culture for the question texts in that language.</param>
public sealed record SurveyCsvOptions(char Delimiter = ',', string? HeaderCulture = null)
{
    public static SurveyCsvOptions Parse(string? delimiter, string? headers, string culture, List<string> errors)
    {
        var separator = delimiter switch
        {
            null or "" or "comma" => ',',
            "semicolon" => ';',
            _ => Fail(errors, $"'delimiter' must be comma or semicolon, not '{delimiter}'.", ','),
        };
        var headerCulture = headers switch
        {
            null or "" or "codes" => null,
            "localized" => culture,
            _ => Fail<string?>(errors, $"'headers' must be codes or localized, not '{headers}'.", null),
        };
        return new SurveyCsvOptions(separator, headerCulture);
    }

    private static T Fail<T>(List<string> errors, string message, T value)
    {
        errors.Add(message);
        return value;
    }
}

/// <summary>
/// The one CSV writer of survey responses, used by the admin download and by <c>survey export</c>. RFC 4180 through
/// CsvHelper (CRLF, quoting only where needed, doubled quotes), UTF-8 with a byte-order mark so Excel shows Latvian
/// letters, and formula-like cells neutralised. Rows are written as they are read: memory stays flat however many.
/// </summary>
public static class SurveyCsv
{
    public static IReadOnlyList<string> Columns { get; } =
        ["response_id", "submitted_at_utc", "culture", "source_article", "question_set", "q1", "q2", "q3", "q4", "q5", "completion_seconds"];

    private const int FlushEvery = 500;

    public static async Task<int> WriteAsync(IAsyncEnumerable<SurveyResponse> responses, Stream output, SurveyCsvOptions options, CancellationToken cancellationToken)
    {
        // CsvHelper's defaults are RFC 4180: CRLF, quotes only where a field holds the separator, a quote, CR or LF,
        // inner quotes doubled. Its own injection handling is off: Neutralize applies our rule (leading spaces included).
        var csvOptions = CsvWriterOptions.Default with
        {
            Separator = options.Delimiter,
            WriteByteOrderMark = true,
            Injection = CsvInjection.None,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        await using var csv = CsvWriter.Create(output, csvOptions, leaveOpen: true);

        foreach (var header in Headers(options.HeaderCulture))
        {
            csv.WriteField(Neutralize(header));
        }

        await csv.EndRecordAsync(cancellationToken);
        var count = 0;
        await foreach (var response in responses.WithCancellation(cancellationToken))
        {
            csv.WriteField(response.Id.ToString("D"));
            csv.WriteField(response.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(Neutralize(response.Culture));
            csv.WriteField(Neutralize(response.SourceArticle ?? ""));
            csv.WriteField(Neutralize(response.QuestionSet));
            csv.WriteField(response.Q1.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Neutralize(response.Q2));
            csv.WriteField(response.Q3.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Neutralize(response.Q4 ?? ""));
            csv.WriteField(Neutralize(response.Q5 ?? ""));
            csv.WriteField(response.CompletionSeconds.ToString(CultureInfo.InvariantCulture));
            await csv.EndRecordAsync(cancellationToken);
            if (++count % FlushEvery == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// A spreadsheet runs a cell that starts with = + - @ (or a tab, CR or LF), even after leading spaces, as a formula.
    /// Such a cell gets a leading apostrophe; nothing else about the text changes.
    /// </summary>
    public static string Neutralize(string value)
    {
        var first = 0;
        while (first < value.Length && value[first] == ' ')
        {
            first++;
        }

        return first < value.Length && value[first] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' ? "'" + value : value;
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
