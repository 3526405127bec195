using HelpPortal.Web.Data;
using HelpPortal.Web.Survey;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.SurveyReports;

/// <summary>One period's headline numbers, from one aggregate query and the one or two middle completion times.</summary>
public sealed record PeriodFigures(int Responses, int Satisfied, int FoundAnswer, double? MedianSeconds)
{
    public static PeriodFigures None { get; } = new(0, 0, 0, null);

    /// <summary>CSAT: the share answering 4 or 5 to q1; null without responses.</summary>
    public double? Csat => Responses == 0 ? null : Satisfied / (double)Responses;

    /// <summary>The share answering "yes" to q2 ("partly" is not counted as found).</summary>
    public double? FoundAnswerRate => Responses == 0 ? null : FoundAnswer / (double)Responses;
}

/// <param name="Previous">The period of the same length just before; null when the filter has no start date.</param>
public sealed record SurveyHeadline(PeriodFigures Current, PeriodFigures? Previous, int PeriodDays)
{
    /// <summary>What the survey invitation promises ("takes 3 minutes"), which the median time is held against.</summary>
    public const int PromisedSeconds = 180;

    /// <summary>The q1 answers that count as satisfied for CSAT (the usual "top two boxes" of a five-point scale).</summary>
    public const int SatisfiedFrom = 4;

    public const string FoundCode = "yes";

    public static async Task<SurveyHeadline> BuildAsync(PortalDbContext db, SurveyFilter filter, CancellationToken cancellationToken)
    {
        var current = await FiguresAsync(filter.Apply(db), cancellationToken);
        if (filter.PreviousPeriod() is not { } previous)
        {
            return new SurveyHeadline(current, null, 0);
        }

        return new SurveyHeadline(current, await FiguresAsync(previous.Apply(db), cancellationToken), filter.Days!.Value);
    }

    /// <summary>Counts in the database (one GROUP BY over a constant); the median reads only the middle one or two rows.</summary>
    public static async Task<PeriodFigures> FiguresAsync(IQueryable<SurveyResponse> responses, CancellationToken cancellationToken)
    {
        var counts = await responses.AsNoTracking().GroupBy(r => 1)
            .Select(g => new { Count = g.Count(), Satisfied = g.Count(r => r.Satisfaction >= SatisfiedFrom), Found = g.Count(r => r.FoundAnswer == FoundCode) })
            .SingleOrDefaultAsync(cancellationToken);
        if (counts is null || counts.Count == 0)
        {
            return PeriodFigures.None;
        }

        return new PeriodFigures(counts.Count, counts.Satisfied, counts.Found, await MedianSecondsAsync(responses, counts.Count, cancellationToken));
    }

    public static async Task<double?> MedianSecondsAsync(IQueryable<SurveyResponse> responses, int total, CancellationToken cancellationToken)
    {
        if (total == 0)
        {
            return null;
        }

        var middle = await responses.AsNoTracking().OrderBy(r => r.CompletionSeconds).Select(r => r.CompletionSeconds)
            .Skip((total - 1) / 2).Take(total % 2 == 0 ? 2 : 1).ToListAsync(cancellationToken);
        return middle.Average();
    }
}
