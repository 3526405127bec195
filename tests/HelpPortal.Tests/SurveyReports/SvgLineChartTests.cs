using HelpPortal.Web.SurveyReports;

namespace HelpPortal.Tests.SurveyReports;

/// <summary>The layout of the line charts, without a portal.</summary>
public sealed class SvgLineChartTests
{
    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(12, 20)]
    [InlineData(95, 100)]
    [InlineData(230, 400)]
    public void The_count_axis_ends_at_a_round_number_no_lower_than_the_largest_count(int largest, double top)
        => Assert.Equal(top, SvgLineChart.CountScale(largest).Max);
}
