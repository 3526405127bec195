using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace HelpPortal.Web.Admin.Accounts;

public sealed class SignInInput
{
    [Required(ErrorMessage = "Admin.Error.EmailRequired")]
    [EmailAddress(ErrorMessage = "Admin.Error.EmailInvalid")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Admin.Error.PasswordRequired")]
    [StringLength(PasswordRules.MaximumLength)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}

public sealed class CodeInput
{
    [Required(ErrorMessage = "Admin.Error.CodeRequired")]
    [StringLength(20)]
    public string Code { get; set; } = "";
}

/// <summary>The sign-in, code, recovery-code and enrolment pages share one layout model.</summary>
/// <param name="Kind">login, code, recovery, enrol or recovery-codes.</param>
[method: SetsRequiredMembers]
public sealed record AdminFormPage(AdminPageHeader Header, string Kind, string Intro, string? ReturnUrl) : AdminPage(Header)
{
    public string? Error { get; init; }

    /// <summary>Enrolment only: the QR code as an SVG data URL and the key as text.</summary>
    public string? QrCodeDataUrl { get; init; }

    public string? SharedKey { get; init; }

    public IReadOnlyList<string> RecoveryCodes { get; init; } = [];
}
