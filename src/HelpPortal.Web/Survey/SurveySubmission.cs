using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Survey;

/// <summary>An answer that failed a rule: the field it belongs to and the resource key of its message.</summary>
public sealed record SurveyError(string Field, string MessageKey, object? Argument = null);

/// <summary>
/// Reads the posted form against <see cref="SurveyQuestions"/>: every rule the survey promises (required answers,
/// allowed values, length, no repeated or unknown fields) in one place. The raw values are kept so that a refused
/// form comes back exactly as the visitor left it.
/// </summary>
public sealed class SurveySubmission
{
    /// <summary>The key of errors about the whole form rather than one answer.</summary>
    public const string FormErrors = "form";

    /// <summary>The message key of a required question left unanswered.</summary>
    public const string RequiredMessage = "Survey.Error.Required";

    public const string FromField = "from";
    public const string StartedField = "started";

    /// <summary>The honeypot: hidden from people, tempting for bots. A form with it filled in is not stored.</summary>
    public const string HoneypotField = "website";

    private static readonly HashSet<string> KnownFields =
        [.. SurveyQuestions.All.Select(q => q.Code), FromField, StartedField, HoneypotField, "__RequestVerificationToken"];

    private SurveySubmission(IReadOnlyDictionary<string, string> values, IReadOnlyList<SurveyError> errors)
    {
        Values = values;
        Errors = errors;
    }

    /// <summary>The first value of each field as posted (for showing the form again).</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    public IReadOnlyList<SurveyError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    public bool IsHoneypotFilled => !string.IsNullOrEmpty(Value(HoneypotField));

    public string? Value(string field) => Values.TryGetValue(field, out var value) && value.Length > 0 ? value : null;

    public static SurveySubmission Read(IEnumerable<KeyValuePair<string, StringValues>> form, IReadOnlySet<string> topicKeys)
    {
        var fields = form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var errors = new List<SurveyError>();

        var unknown = fields.Keys.Where(k => !KnownFields.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new SurveyError(FormErrors, "Survey.Error.UnknownFields", string.Join(", ", unknown)));
        }

        foreach (var repeated in fields.Where(f => KnownFields.Contains(f.Key) && f.Value.Count > 1))
        {
            errors.Add(new SurveyError(repeated.Key, "Survey.Error.Repeated"));
        }

        var values = fields.Where(f => KnownFields.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value.FirstOrDefault() ?? "", StringComparer.Ordinal);
        foreach (var question in SurveyQuestions.All.Where(q => !errors.Any(e => e.Field == q.Code)))
        {
            var value = values.GetValueOrDefault(question.Code, "");
            if (Check(question, value, topicKeys) is { } error)
            {
                errors.Add(error);
            }
        }

        return new SurveySubmission(values, errors);
    }

    /// <summary>The answer to store; only valid submissions are turned into one.</summary>
    public SurveyResponse ToResponse(Guid id, DateTimeOffset submittedAt, string culture, string? sourceArticle, int completionSeconds)
    {
        if (!IsValid)
        {
            throw new InvalidOperationException("An invalid survey submission cannot be stored.");
        }

        var response = new SurveyResponse
        {
            Id = id,
            SubmittedAt = submittedAt,
            Culture = culture,
            SourceArticle = sourceArticle,
            QuestionSet = SurveyQuestions.Version,
            CompletionSeconds = completionSeconds,
        };
        foreach (var question in SurveyQuestions.All)
        {
            question.Column.Write(response, Value(question.Code));
        }

        return response;
    }

    private static SurveyError? Check(SurveyQuestion question, string value, IReadOnlySet<string> topicKeys)
    {
        if (value.Length == 0)
        {
            return question.Required ? new SurveyError(question.Code, RequiredMessage) : null;
        }

        return question.Kind switch
        {
            QuestionKind.Scale or QuestionKind.Choice when question.Options.All(o => o.Code != value)
                => new SurveyError(question.Code, "Survey.Error.NotAnOption"),
            QuestionKind.Topic when value != SurveyQuestions.OtherTopic && !topicKeys.Contains(value)
                => new SurveyError(question.Code, "Survey.Error.NotAnOption"),
            QuestionKind.Text when SurveyQuestions.CharacterCount(value) is var length && length > SurveyQuestions.MaxTextLength
                => new SurveyError(question.Code, "Survey.Error.TooLong", length),
            _ => null,
        };
    }
}
