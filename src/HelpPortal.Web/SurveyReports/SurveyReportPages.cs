using System.Diagnostics.CodeAnalysis;
using HelpPortal.Web.Admin;

namespace HelpPortal.Web.SurveyReports;

public sealed record FilterChoice(string Value, string Label);

/// <param name="QuestionCharts">The questions answered by choosing (all but the free text), each with its chart.</param>
/// <param name="CsatChart">CSAT week by week; null when no response matches the filter.</param>
/// <param name="ResponsesChart">Responses week by week; null when no response matches the filter.</param>
[method: SetsRequiredMembers]
public sealed record ReportPage(
    AdminPageHeader Header,
    SurveyFilter Filter,
    IReadOnlyList<string> FilterErrors,
    SurveyReport Report,
    IReadOnlyList<HeadlineFigure> Headline,
    IReadOnlyList<QuestionChart> QuestionCharts,
    SvgLineChart? CsatChart,
    SvgLineChart? ResponsesChart,
    ArticleSort Sort,
    int CommentPage,
    IReadOnlyList<FilterChoice> Topics,
    IReadOnlyList<FilterChoice> Articles,
    string SignedInAs) : AdminPage(Header)
{
    public override bool HasErrors => FilterErrors.Count > 0;
}

/// <param name="Answers">The coded answers (question code, answer code), in the order of the questions.</param>
[method: SetsRequiredMembers]
public sealed record DeleteResponsePage(AdminPageHeader Header, Comment Response, IReadOnlyList<(string Code, string Answer)> Answers) : AdminPage(Header);
