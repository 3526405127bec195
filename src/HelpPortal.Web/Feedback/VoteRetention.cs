using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Feedback;

/// <summary>The retention policy of "Was this helpful?" votes (<c>maintenance purge</c>), beside the votes it deletes.</summary>
public static class VoteRetention
{
    public static Task<int> DeleteCastBeforeAsync(PortalDbContext db, DateTimeOffset cutoff)
        => db.ArticleVotes.Where(v => v.VotedAt < cutoff).ExecuteDeleteAsync();
}
