namespace HelpPortal.Web.Admin.Accounts;

/// <summary>
/// An authenticator code that has been accepted, kept while its time step could still be accepted, so that it is not
/// accepted again (see <see cref="SingleUseAuthenticatorTokenProvider"/>). In the database, not in memory: every
/// instance of the portal must refuse a code that any of them accepted.
/// </summary>
public sealed class UsedAuthenticatorCode
{
    public required string UserId { get; set; }

    /// <summary>The RFC 6238 time step the code belongs to (Unix seconds / 30): it names the code without storing it.</summary>
    public long TimeStep { get; set; }

    public DateTimeOffset UsedAt { get; set; }
}
