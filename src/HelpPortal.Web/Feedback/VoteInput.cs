using System.ComponentModel.DataAnnotations;

namespace HelpPortal.Web.Feedback;

/// <summary>The "Was this helpful?" form: which article, yes or no, and after "No" an optional reason.</summary>
public sealed class VoteInput : IValidatableObject
{
    [Required]
    [StringLength(100)]
    public string? Article { get; set; }

    [Required]
    [RegularExpression("^(yes|no)$")]
    public string? Helpful { get; set; }

    public string? Reason { get; set; }

    public bool IsHelpful => Helpful == "yes";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Reason is not null && (IsHelpful || !FeedbackController.Reasons.Contains(Reason)))
        {
            yield return new ValidationResult("A reason is one of the offered ones, given after \"No\".", [nameof(Reason)]);
        }
    }
}
