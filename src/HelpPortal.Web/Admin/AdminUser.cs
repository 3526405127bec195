using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Web.Admin;

/// <summary>An administrator. Accounts are created only from the command line; there is no sign-up page.</summary>
public sealed class AdminUser : IdentityUser;
