using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Web.Admin;

/// <summary>An administrator. Accounts are created only from the command line; there is no sign-up page.</summary>
public sealed class AdminUser : IdentityUser
{
    /// <summary>Hash of the last authenticator code accepted, so the same code cannot be used twice.</summary>
    public string? LastAuthenticatorCodeHash { get; set; }

    public DateTimeOffset? LastAuthenticatorCodeAt { get; set; }
}
