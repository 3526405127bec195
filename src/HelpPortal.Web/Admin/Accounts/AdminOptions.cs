namespace HelpPortal.Web.Admin.Accounts;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Admins must enrol an authenticator app before they can see any data.</summary>
    public bool RequireTwoFactor { get; set; } = true;
}
