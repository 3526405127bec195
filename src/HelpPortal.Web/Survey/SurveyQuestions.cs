using System.Globalization;
using HelpPortal.Web.Localization;

namespace HelpPortal.Web.Survey;

public enum QuestionKind
{
    /// <summary>A number from 1 to 5, each with a label.</summary>
    Scale,

    /// <summary>One of a fixed set of codes.</summary>
    Choice,

    /// <summary>One of the catalogue's topic keys, or "other".</summary>
    Topic,

    /// <summary>Free text, at most <see cref="SurveyQuestions.MaxTextLength"/> characters.</summary>
    Text,
}

/// <summary>Text in each of the portal's languages.</summary>
public sealed record LocalizedText(string En, string Lv)
{
    public string In(string culture) => culture == PortalCultures.Latvian ? Lv : En;
}

public sealed record AnswerOption(string Code, LocalizedText Label);

public sealed record SurveyQuestion(string Code, QuestionKind Kind, bool Required, LocalizedText Text, IReadOnlyList<AnswerOption> Options, AnswerColumn Column)
{
    /// <summary>
    /// What the error summary says when a required question is left unanswered, naming the question in its own words
    /// (GOV.UK's error-summary pattern); the message beside the question itself stays short.
    /// </summary>
    public LocalizedText? Unanswered { get; init; }
}

/// <summary>
/// The five questions, in both languages, in one place: the form, the submission's rules, the reports and the CSV all
/// follow this list, and the codes q1…q5 are written nowhere else. The codes and the option codes are stored and
/// exported; change a text freely, but a change of meaning needs a new <see cref="Version"/> so reports never mix two
/// question sets. A new question is an entry here, its property on <see cref="SurveyResponse"/> and a migration.
/// </summary>
public static class SurveyQuestions
{
    public const string Version = "2026-11";
    /// <summary>In characters as a person counts them (<see cref="CharacterCount"/>), not UTF-16 units.</summary>
    public const int MaxTextLength = 1000;
    public const string OtherTopic = "other";

    /// <summary>The "No" answer to <see cref="FoundAnswer"/>: the reports' share of visitors who did not find an answer.</summary>
    public const string AnswerNotFound = "no";

    public static SurveyQuestion Satisfaction { get; } = new("q1", QuestionKind.Scale, Required: true,
        new("Overall, how satisfied are you with the help you found today?", "Cik lielā mērā jūs kopumā apmierina šodien atrastā palīdzība?"),
        [
            new("1", new("Very dissatisfied", "Ļoti neapmierina")),
            new("2", new("Dissatisfied", "Neapmierina")),
            new("3", new("Neither satisfied nor dissatisfied", "Ne apmierina, ne neapmierina")),
            new("4", new("Satisfied", "Apmierina")),
            new("5", new("Very satisfied", "Ļoti apmierina")),
        ],
        AnswerColumn.Number(r => r.Satisfaction))
    {
        Unanswered = new("Choose how satisfied you are with the help you found today", "Norādiet, cik lielā mērā jūs apmierina šodien atrastā palīdzība"),
    };

    public static SurveyQuestion FoundAnswer { get; } = new("q2", QuestionKind.Choice, Required: true,
        new("Did you find the answer you were looking for?", "Vai atradāt meklēto atbildi?"),
        [
            new("yes", new("Yes", "Jā")),
            new("partly", new("Partly", "Daļēji")),
            new(AnswerNotFound, new("No", "Nē")),
        ],
        AnswerColumn.Text(r => r.FoundAnswer))
    {
        Unanswered = new("Choose whether you found the answer you were looking for", "Norādiet, vai atradāt meklēto atbildi"),
    };

    public static SurveyQuestion Ease { get; } = new("q3", QuestionKind.Scale, Required: true,
        new("How easy was it to find the information?", "Cik viegli bija atrast informāciju?"),
        [
            new("1", new("Very difficult", "Ļoti grūti")),
            new("2", new("Difficult", "Grūti")),
            new("3", new("Neither easy nor difficult", "Ne viegli, ne grūti")),
            new("4", new("Easy", "Viegli")),
            new("5", new("Very easy", "Ļoti viegli")),
        ],
        AnswerColumn.Number(r => r.Ease))
    {
        Unanswered = new("Choose how easy it was to find the information", "Norādiet, cik viegli bija atrast informāciju"),
    };

    public static SurveyQuestion Topic { get; } = new("q4", QuestionKind.Topic, Required: false,
        new("What did you need help with today?", "Par kuru tēmu meklējāt informāciju?"),
        [new(OtherTopic, new("Something else", "Kaut kas cits"))],
        AnswerColumn.Text(r => r.Topic));

    public static SurveyQuestion Comment { get; } = new("q5", QuestionKind.Text, Required: false,
        new("What could we do better?", "Ko mēs varētu darīt labāk?"),
        [],
        AnswerColumn.Text(r => r.Comment));

    public static IReadOnlyList<SurveyQuestion> All { get; } = [Satisfaction, FoundAnswer, Ease, Topic, Comment];

    /// <summary>
    /// Characters as a person counts them: an emoji, a letter with its combining marks or a line break is one.
    /// survey.js counts the same way (Intl.Segmenter, granularity "grapheme"), so the counter and the server agree.
    /// </summary>
    public static int CharacterCount(string text) => new StringInfo(text).LengthInTextElements;
}
