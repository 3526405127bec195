namespace HelpPortal.Web.Survey;

/// <summary>
/// One anonymous answer to the survey. Deliberately nothing that identifies a person: no IP address, no user agent,
/// no cookie id. Created only by <see cref="SurveyWriter"/>; never touched by the content import.
/// </summary>
public sealed class SurveyResponse
{
    public Guid Id { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public required string Culture { get; init; }

    /// <summary>The translation key of the article the survey was started from, if any.</summary>
    public string? SourceArticle { get; init; }

    public required string QuestionSet { get; init; }

    // The answers, one property per question of SurveyQuestions, which also names their columns (q1 → Q1).
    public int Satisfaction { get; set; }

    public string FoundAnswer { get; set; } = "";

    public int Ease { get; set; }

    public string? Topic { get; set; }

    public string? Comment { get; set; }

    /// <summary>Seconds from serving the form to the submission, from a data-protected stamp in the form.</summary>
    public int CompletionSeconds { get; init; }
}
