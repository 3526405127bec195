using HelpPortal.Web.Localization;

namespace HelpPortal.Web.Reports.Survey;

public sealed record FilterChoice(string Value, string Label);

public sealed record ReportPage : PortalPage
{
    public required SurveyFilter Filter { get; init; }

    public required IReadOnlyList<string> FilterErrors { get; init; }

    public required SurveyReport Report { get; init; }

    /// <summary>The questions answered by choosing (all but the free text), each with its chart.</summary>
    public required IReadOnlyList<QuestionChart> QuestionCharts { get; init; }

    /// <summary>Average satisfaction week by week; null when no response matches the filter.</summary>
    public required SvgBarChart? WeeksChart { get; init; }

    public required ArticleSort Sort { get; init; }

    public required int CommentPage { get; init; }

    public required IReadOnlyList<FilterChoice> Topics { get; init; }

    public required IReadOnlyList<FilterChoice> Articles { get; init; }

    public required string SignedInAs { get; init; }
}

public sealed record DeleteResponsePage : PortalPage
{
    public required Comment Response { get; init; }

    public required int Q1 { get; init; }

    public required string Q2 { get; init; }
}
