using System.ComponentModel.DataAnnotations;

namespace HelpPortal.Web.Survey;

public sealed class SurveyOptions
{
    public const string Section = "Survey";

    /// <summary>How many answers the writer commits in one transaction at most.</summary>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>How long "Not now" hides the survey prompt.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan PromptDismissal { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A form older than this is refused as expired (the answers are shown again to resubmit).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00")]
    public TimeSpan FormLifetime { get; set; } = TimeSpan.FromDays(1);
}
