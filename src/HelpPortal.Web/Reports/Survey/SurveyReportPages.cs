using HelpPortal.Web.Localization;

namespace HelpPortal.Web.Reports.Survey;

public sealed record FilterChoice(string Value, string Label);

public sealed record ReportPage : PortalPage
{
    public required SurveyFilter Filter { get; init; }

    public required IReadOnlyList<string> FilterErrors { get; init; }

    public required SurveyReport Report { get; init; }

    public required ArticleSort Sort { get; init; }

    public required int CommentPage { get; init; }

    public required IReadOnlyList<FilterChoice> Topics { get; init; }

    public required IReadOnlyList<FilterChoice> Articles { get; init; }

    public required string SignedInAs { get; init; }
}

public sealed record DeleteResponsePage : PortalPage
{
    public required Comment Response { get; init; }

    /// <summary>The coded answers (question code, answer code), in the order of the questions.</summary>
    public required IReadOnlyList<(string Code, string Answer)> Answers { get; init; }
}
