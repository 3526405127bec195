namespace HelpPortal.Web.SurveyReports;

/// <summary>A link to an article in one language.</summary>
public sealed record ArticleLink(string Culture, string Url);

/// <summary>
/// What the portal knows about one article over the filter: the survey answers started from it and its "Was this
/// helpful?" votes, joined by the article's key. Nothing about the visitors beyond what both already store.
/// </summary>
/// <param name="Links">The article in each language it is published in.</param>
/// <param name="Satisfied">Survey answers of 4 or 5 to q1.</param>
/// <param name="Reasons">The reasons given after "No", by code, most given first.</param>
public sealed record ArticleHealthRow(
    string Key, string Title, IReadOnlyList<ArticleLink> Links,
    int Responses, int Satisfied, double? AverageSatisfaction, int AnsweredNo,
    int Yes, int No, IReadOnlyList<KeyValuePair<string, int>> Reasons)
{
    public string? Url => Links.Count == 0 ? null : Links[0].Url;

    public double? Csat => Responses == 0 ? null : Satisfied / (double)Responses;

    public double? ShareNo => Responses == 0 ? null : AnsweredNo / (double)Responses;

    public int Votes => Yes + No;

    public double? YesRate => Votes == 0 ? null : Yes / (double)Votes;

    /// <summary>
    /// The health score: the Wilson lower bound (95 %) of the share of good outcomes, counting a "yes" vote and a
    /// survey answer of 4 or 5 as good, a "no" vote and an answer of 1 to 3 as not. One good answer scores 21 %,
    /// eight of ten 49 %: an article needs many good outcomes, not one, to rank as healthy.
    /// </summary>
    public double? Score => WilsonLowerBound(Yes + Satisfied, Votes + Responses);

    /// <summary>The lower end of the Wilson score interval at 95 % (z = 1.96); null without any trials.</summary>
    public static double? WilsonLowerBound(int successes, int trials)
    {
        if (trials == 0)
        {
            return null;
        }

        const double z = 1.96;
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        return (p + z2 / (2 * n) - z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n))) / (1 + z2 / n);
    }
}
