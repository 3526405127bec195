namespace HelpPortal.Web.Feedback;

/// <summary>
/// One browser's answer to "Was this helpful?" on one article. The browser is known only by the hash of a random
/// cookie value, so a later vote replaces the earlier one without the portal knowing who voted.
/// </summary>
public sealed class ArticleVote
{
    public int Id { get; set; }

    public required string ArticleKey { get; set; }

    /// <summary>The language of the page the vote was cast on.</summary>
    public required string Culture { get; set; }

    public required string VoterHash { get; set; }

    public bool Helpful { get; set; }

    /// <summary>After "No": unclear, outdated, not-answered or other.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset VotedAt { get; set; }
}
