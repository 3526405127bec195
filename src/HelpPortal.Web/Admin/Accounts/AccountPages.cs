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

/// <summary>
/// A page of sign-in or enrolment. Each has its own view (Login, Code, Recovery, Enrol, RecoveryCodes) inside
/// _FormLayout, which shows the heading, the intro and, after a refused attempt, the error.
/// </summary>
[method: SetsRequiredMembers]
public record AdminFormPage(AdminPageHeader Header, string Intro, string? ReturnUrl) : AdminPage(Header)
{
    public string? Error { get; init; }

    public override bool HasErrors => Error is not null;

    /// <summary>The error's element, which the form's fields name in aria-describedby while there is one.</summary>
    public string? ErrorId => Error is null ? null : "form-error";
}

/// <summary>Enrolment: the authenticator key as a QR code (an SVG data URL) and as text to type.</summary>
[method: SetsRequiredMembers]
public sealed record EnrolmentPage(AdminPageHeader Header, string Intro, string? ReturnUrl, string QrCodeDataUrl, string SharedKey)
    : AdminFormPage(Header, Intro, ReturnUrl);

/// <summary>After enrolment: the recovery codes, shown this once.</summary>
[method: SetsRequiredMembers]
public sealed record RecoveryCodesPage(AdminPageHeader Header, string Intro, IReadOnlyList<string> RecoveryCodes)
    : AdminFormPage(Header, Intro, ReturnUrl: null);

/// <summary>The one-field form of the second sign-in step and of enrolment (_CodeForm).</summary>
public sealed record CodeForm(string LabelKey, string AutoComplete, string InputMode, string ButtonKey, string? ErrorId)
{
    /// <summary>Six digits from the authenticator app, which the browser or phone may offer to fill in.</summary>
    public static CodeForm Authenticator(string buttonKey, string? errorId) => new("Admin.Code", "one-time-code", "numeric", buttonKey, errorId);

    /// <summary>A recovery code, copied by hand from where it was kept: letters and digits, nothing to fill in.</summary>
    public static CodeForm Recovery(string? errorId) => new("Admin.RecoveryCode", "off", "text", "Admin.SignIn", errorId);
}
