using System.Globalization;

namespace HelpPortal.Web.SurveyReports;

/// <summary>One value of a <see cref="LineChart"/>: where it sits on the x axis, the value, and how the table and the description write it.</summary>
/// <param name="TooFew">Based on too few answers to mean much: drawn hollow, with dashed lines to it.</param>
public sealed record LinePoint(string Label, double Value, string Display, bool TooFew);

/// <param name="Max">The top of the y axis; the bottom is always 0.</param>
/// <param name="Gridlines">Where to draw a labelled horizontal line, in the chart's units.</param>
public sealed record LineChart(string Id, string Title, IReadOnlyList<LinePoint> Points, double Max, IReadOnlyList<(double Value, string Label)> Gridlines);

public sealed record SvgPoint(double X, double Y, bool TooFew);

public sealed record SvgSegment(double X1, double Y1, double X2, double Y2, bool Dashed);

public sealed record SvgText(double X, double Y, string Text);

/// <summary>
/// A <see cref="LineChart"/> laid out for SVG: the y axis from 0 to the chart's maximum with labelled gridlines, a
/// point per value spread evenly along x, and every few x labels so they do not overlap. The view writes these
/// numbers into attributes and computes none.
/// </summary>
/// <param name="Description">Every point's label and value, for screen readers (the SVG's desc).</param>
public sealed record SvgLineChart(
    string Id, string Title, string Description, int Width, int Height,
    IReadOnlyList<SvgSegment> Gridlines, IReadOnlyList<SvgText> YLabels, IReadOnlyList<SvgText> XLabels,
    IReadOnlyList<SvgSegment> Segments, IReadOnlyList<SvgPoint> Points)
{
    private const int ChartWidth = 680;
    private const int ChartHeight = 260;
    private const int Left = 64;
    private const int Right = 24;
    private const int Top = 16;
    private const int Bottom = 44;
    private const int XLabelWidth = 96;

    public static SvgLineChart Draw(LineChart chart)
    {
        const double plotWidth = ChartWidth - Left - Right;
        const double plotHeight = ChartHeight - Top - Bottom;
        var count = chart.Points.Count;
        double X(int i) => count == 1 ? Left + plotWidth / 2 : Left + i * plotWidth / (count - 1);
        double Y(double value) => Top + plotHeight - Math.Clamp(value / chart.Max, 0, 1) * plotHeight;

        var gridlines = chart.Gridlines.Select(g => new SvgSegment(Left, Y(g.Value), ChartWidth - Right, Y(g.Value), Dashed: false)).ToList();
        var yLabels = chart.Gridlines.Select(g => new SvgText(Left - 8, Y(g.Value) + 5, g.Label)).ToList();
        var points = chart.Points.Select((p, i) => new SvgPoint(X(i), Y(p.Value), p.TooFew)).ToList();
        var segments = points.Zip(points.Skip(1), (a, b) => new SvgSegment(a.X, a.Y, b.X, b.Y, a.TooFew || b.TooFew)).ToList();

        // Every n-th week labelled, so that the labels never overlap however many weeks the range holds.
        var every = Math.Max(1, (int)Math.Ceiling(count / (plotWidth / XLabelWidth)));
        var xLabels = chart.Points.Select((p, i) => (p, i)).Where(x => x.i % every == 0)
            .Select(x => new SvgText(X(x.i), ChartHeight - Bottom + 24, x.p.Label)).ToList();

        return new SvgLineChart(
            chart.Id, chart.Title, string.Join("; ", chart.Points.Select(p => $"{p.Label}: {p.Display}")), ChartWidth, ChartHeight,
            gridlines, yLabels, xLabels, segments, points);
    }

    /// <summary>A round top for a count axis (1, 2, 2.5 or 5 times a power of ten, at least the largest value) and 4 gridlines to it.</summary>
    public static (double Max, IReadOnlyList<(double Value, string Label)> Gridlines) CountScale(int largest)
    {
        var step = 1.0;
        var target = Math.Max(largest, 4) / 4.0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            step = factor * magnitude;
            if (step >= target)
            {
                break;
            }
        }

        step = Math.Max(1, Math.Ceiling(step));
        return (step * 4, [.. Enumerable.Range(0, 5).Select(i => (i * step, (i * step).ToString("N0", CultureInfo.CurrentCulture)))]);
    }
}
