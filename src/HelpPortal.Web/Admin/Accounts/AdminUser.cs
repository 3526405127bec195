using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Web.Admin.Accounts;

/// <summary>An administrator. Accounts are created only from the command line; there is no sign-up page.</summary>
public sealed class AdminUser : IdentityUser
{
    /// <summary><c>admin disable</c> locks the account out for ever; a lockout that ends is only a pause.</summary>
    public bool IsDisabled => LockoutEnd == DateTimeOffset.MaxValue;
}
