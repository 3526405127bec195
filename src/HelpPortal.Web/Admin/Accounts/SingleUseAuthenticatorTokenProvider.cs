using HelpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace HelpPortal.Web.Admin.Accounts;

/// <summary>
/// Authenticator (TOTP) codes, each accepted once.
/// <para>
/// Which codes are valid is Identity's rule — RFC 6238, 30-second steps, six digits, HMAC-SHA1, and the codes of two
/// steps either side of the current one — but the check runs here, for two reasons: Identity 10 reads the system
/// clock (as <see cref="PortalUserManager"/> notes for lockouts), and it does not say which step matched, which is
/// what must be recorded to refuse the code again.
/// </para>
/// <para>
/// At step N (Unix seconds / 30) the codes of steps N−2 … N+2 are accepted, so the code of step S is accepted from
/// 60 s before its own 30 seconds begin until 60 s after they end: 150 s in all, never more than 90 s away from the
/// moment the app showed it. Once accepted, its step is stored in <c>UsedAuthenticatorCodes</c> and the code is refused
/// for the rest of that time; so is any code of an earlier step than the last one accepted (RFC 6238 §5.2: a code
/// seen over a shoulder is no use after the admin has signed in with a later one). The key (admin, step) makes the
/// insert decide a race: of two instances accepting the same code at once, one insert fails and that one refuses.
/// </para>
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(PortalDbContext db, TimeProvider time) : AuthenticatorTokenProvider<AdminUser>
{
    private const int StepSeconds = 30;
    private const int StepsEitherSide = 2;
    private const int Digits = 6;

    // A used step is deleted two steps after it can no longer be accepted: a margin for instances whose clocks differ a little.
    private const int StepsKeptAfterExpiry = 2;

    private static readonly VerificationWindow IdentityWindow = new(previous: StepsEitherSide, future: StepsEitherSide);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AdminUser> manager, AdminUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != Digits || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        // Otp.NET computes the codes (RFC 6238, HMAC-SHA1, as Identity and every authenticator app) and says which
        // step matched; Identity's key is RFC 4648 Base32.
        var now = time.GetUtcNow();
        var totp = new Totp(Base32Encoding.ToBytes(key), StepSeconds, OtpHashMode.Sha1, Digits);
        if (!totp.VerifyTotp(now.UtcDateTime, token, out var step, IdentityWindow))
        {
            return false;
        }

        var lastUsed = await db.UsedAuthenticatorCodes.Where(c => c.UserId == user.Id).MaxAsync(c => (long?)c.TimeStep);
        if (step <= lastUsed)
        {
            return false; // This code, or one older than the last accepted.
        }

        var used = new UsedAuthenticatorCode { UserId = user.Id, TimeStep = step, UsedAt = now };
        db.UsedAuthenticatorCodes.Add(used);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.Entry(used).State = EntityState.Detached;
            if (await db.UsedAuthenticatorCodes.AnyAsync(c => c.UserId == user.Id && c.TimeStep == step))
            {
                // Another request (perhaps on another instance) accepted this very code a moment ago.
                return false;
            }

            throw;
        }

        // Steps that can no longer be accepted need no row; any accepted code tidies up for every admin.
        var expired = now.ToUnixTimeSeconds() / StepSeconds - StepsEitherSide - StepsKeptAfterExpiry;
        await db.UsedAuthenticatorCodes.Where(c => c.TimeStep < expired).ExecuteDeleteAsync();
        return true;
    }
}
