using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Web.Admin;

/// <summary>
/// Identity's authenticator (TOTP) check, plus one rule: a code is accepted once. Identity accepts a code for its whole
/// validity window (a few 30-second steps), so a code seen over someone's shoulder could be replayed; remembering the
/// last accepted code for longer than that window closes the gap.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider time) : AuthenticatorTokenProvider<AdminUser>
{
    // Identity accepts codes from two steps before to two steps after now: 5 × 30 s.
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(3);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AdminUser> manager, AdminUser user)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Id}:{token}")));
        var now = time.GetUtcNow();
        if (user.LastAuthenticatorCodeHash == hash && user.LastAuthenticatorCodeAt > now - ReplayWindow)
        {
            return false;
        }

        if (!await base.ValidateAsync(purpose, token, manager, user))
        {
            return false;
        }

        user.LastAuthenticatorCodeHash = hash;
        user.LastAuthenticatorCodeAt = now;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
