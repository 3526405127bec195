using System.Globalization;

namespace HelpPortal.Web.SurveyReports;

/// <summary>One bar of an <see cref="SvgBarChart"/>, in the chart's own units: its label, the bar, and its value after it.</summary>
public sealed record SvgBar(string Label, string Value, int TextY, int BarX, int BarY, double BarWidth, int BarHeight, double ValueX);

/// <summary>
/// A <see cref="BarChart"/> laid out for SVG: a row per bar, the label on the left, the bar as long as its share of
/// <see cref="BarSpace"/>, and its value just after it. The view writes these numbers into attributes and computes none.
/// </summary>
/// <param name="Description">Every bar's label and value, for screen readers (the SVG's desc).</param>
public sealed record SvgBarChart(string Id, string Title, string Description, int Width, int Height, IReadOnlyList<SvgBar> Bars)
{
    private const int ChartWidth = 680;
    private const int RowHeight = 34;
    private const int LabelWidth = 260;
    private const int BarSpace = 300;
    private const int BarHeight = 24;

    public static SvgBarChart Draw(BarChart chart)
    {
        var bars = chart.Bars.Select((bar, i) =>
        {
            var top = i * RowHeight + 4;

            // A bar that any answer chose stays visible, however small its share.
            var width = Math.Max(bar.Share * BarSpace, bar.Count > 0 ? 2 : 0);
            return new SvgBar(bar.Label, Value(bar), top + 21, LabelWidth, top + 4, width, BarHeight, LabelWidth + width + 8);
        }).ToList();
        return new SvgBarChart(
            chart.Id, chart.Title, string.Join("; ", bars.Select(b => $"{b.Label}: {b.Value}")), ChartWidth, chart.Bars.Count * RowHeight + 8, bars);
    }

    private static string Value(Bar bar)
        => bar.Display ?? string.Create(CultureInfo.CurrentCulture, $"{bar.Count} ({bar.Share.ToString("P0", CultureInfo.CurrentCulture)})");
}

/// <summary>A question's answers on the dashboard: its summary and its chart.</summary>
public sealed record QuestionChart(QuestionSummary Question, SvgBarChart Chart);
