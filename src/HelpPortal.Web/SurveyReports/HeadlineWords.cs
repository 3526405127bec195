using System.Globalization;
using HelpPortal.Web.Localization;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.SurveyReports;

/// <param name="Value">The figure itself, as the big number shows it.</param>
/// <param name="Change">The comparison, read after the figure ("up 4 points on the previous 30 days"); null when there is none.</param>
/// <param name="Note">A further line, such as the median time against the promised 3 minutes.</param>
public sealed record HeadlineFigure(string Id, string Label, string Value, string? Change, string? Note = null);

/// <summary>
/// The headline numbers in words: each value followed by its change as a phrase a screen reader reads as a sentence,
/// with the plural forms each language needs (Latvian: 1, 21 take the singular, 10–20 the "zero" form).
/// </summary>
public sealed class HeadlineWords(IStringLocalizer text, string culture)
{
    public IReadOnlyList<HeadlineFigure> Describe(SurveyHeadline headline)
    {
        var (current, previous) = (headline.Current, headline.Previous);
        var period = previous is null ? null : Period(headline.PeriodDays);
        return
        [
            new("headline-csat", text["Admin.Headline.Csat"], Percent(current.Csat), ShareChange(current.Csat, previous?.Csat, previous, period)),
            new("headline-found", text["Admin.Headline.Found"], Percent(current.FoundAnswerRate), ShareChange(current.FoundAnswerRate, previous?.FoundAnswerRate, previous, period)),
            new("headline-median", text["Admin.Headline.Median"], Duration(current.MedianSeconds), TimeChange(current.MedianSeconds, previous, period), Promise(current.MedianSeconds)),
            new("total-responses", text["Admin.Totals.Responses"], current.Responses.ToString("N0", CultureInfo.CurrentCulture), CountChange(current.Responses, previous, period)),
        ];
    }

    public string Duration(double? seconds)
    {
        if (seconds is not { } value)
        {
            return "—";
        }

        var whole = (int)Math.Round(value, MidpointRounding.AwayFromZero);
        return whole < 60 ? string.Format(CultureInfo.CurrentCulture, text["Admin.Headline.Seconds"], whole) : string.Format(CultureInfo.CurrentCulture, text["Admin.Totals.Duration"], whole / 60, whole % 60);
    }

    /// <summary>Whole percentage points between the two rounded percentages, so the words agree with the numbers shown.</summary>
    public static int Points(double current, double previous) => Rounded(current) - Rounded(previous);

    private static int Rounded(double share) => (int)Math.Round(share * 100, MidpointRounding.AwayFromZero);

    private static string Percent(double? share) => share is { } value ? (Rounded(value) / 100.0).ToString("P0", CultureInfo.CurrentCulture) : "—";

    private string Period(int days) => days == 1 ? text["Admin.Change.PreviousDay"] : Format(Plural.Key("Admin.Change.PreviousDays", culture, days), days);

    private string? Empty(PeriodFigures? previous, string? period)
        => previous is null || period is null ? null : previous.Responses == 0 ? Format("Admin.Change.NoPrevious", period) : null;

    private string? ShareChange(double? current, double? before, PeriodFigures? previous, string? period)
    {
        if (current is null || period is null || previous is null)
        {
            return null;
        }

        if (before is null)
        {
            return Empty(previous, period);
        }

        var points = Points(current.Value, before.Value);
        return points switch
        {
            0 => Format("Admin.Change.Same", period),
            > 0 => Format(Plural.Key("Admin.Change.PointsUp", culture, points), points, period),
            _ => Format(Plural.Key("Admin.Change.PointsDown", culture, -points), -points, period),
        };
    }

    private string? CountChange(int current, PeriodFigures? previous, string? period)
    {
        if (previous is null || period is null)
        {
            return null;
        }

        var difference = current - previous.Responses;
        return difference switch
        {
            0 => Format("Admin.Change.Same", period),
            > 0 => Format("Admin.Change.CountUp", difference.ToString("N0", CultureInfo.CurrentCulture), period),
            _ => Format("Admin.Change.CountDown", (-difference).ToString("N0", CultureInfo.CurrentCulture), period),
        };
    }

    private string? TimeChange(double? current, PeriodFigures? previous, string? period)
    {
        if (current is null || previous is null || period is null)
        {
            return null;
        }

        if (previous.MedianSeconds is not { } before)
        {
            return Empty(previous, period);
        }

        var difference = (int)Math.Round(current.Value, MidpointRounding.AwayFromZero) - (int)Math.Round(before, MidpointRounding.AwayFromZero);
        return difference switch
        {
            0 => Format("Admin.Change.Same", period),
            > 0 => Format("Admin.Change.Longer", Duration(difference), period),
            _ => Format("Admin.Change.Shorter", Duration(-difference), period),
        };
    }

    private string? Promise(double? median) => median is not { } value
        ? null
        : value <= SurveyHeadline.PromisedSeconds
            ? text["Admin.Headline.WithinPromise"]
            : Format("Admin.Headline.OverPromise", Duration(value - SurveyHeadline.PromisedSeconds));

    private string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, text[key], values);
}
