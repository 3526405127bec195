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

    public int Q1 { get; init; }

    public required string Q2 { get; init; }

    public int Q3 { get; init; }

    public string? Q4 { get; init; }

    public string? Q5 { get; init; }

    /// <summary>Seconds from serving the form to the submission, from a data-protected stamp in the form.</summary>
    public int CompletionSeconds { get; init; }
}
