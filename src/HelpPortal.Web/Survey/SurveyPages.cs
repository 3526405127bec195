using HelpPortal.Web.Localization;

namespace HelpPortal.Web.Survey;

public sealed record OptionView(string Code, string Label, bool Selected);

public sealed record QuestionView(
    SurveyQuestion Question, int Number, string Text, IReadOnlyList<OptionView> Options, string? Value, string? Error)
{
    public string Code => Question.Code;

    /// <summary>The id of the first control, which the error summary links to.</summary>
    public string FirstControlId => Question.Kind is QuestionKind.Scale or QuestionKind.Choice ? $"{Code}-{Options[0].Code}" : Code;

    public string ErrorId => $"{Code}-error";
}

/// <summary>An error of the form: <paramref name="Inline"/> beside its question, <paramref name="Summary"/> in the summary.</summary>
public sealed record FormError(string Field, string Inline, string Summary);

public sealed record ErrorLink(string Message, string Anchor);

public sealed record SurveyFormPage : PortalPage
{
    public required IReadOnlyList<QuestionView> Questions { get; init; }

    public required IReadOnlyList<ErrorLink> Errors { get; init; }

    public override bool HasErrors => Errors.Count > 0;

    public string? From { get; init; }

    public required string Started { get; init; }
}

public sealed record SurveyThanksPage : PortalPage
{
    public required string BackUrl { get; init; }

    public required string BackText { get; init; }
}
