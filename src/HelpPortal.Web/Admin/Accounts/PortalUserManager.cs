using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Admin.Accounts;

/// <summary>
/// Identity's user manager on the portal's clock. Identity 10 reads DateTimeOffset.UtcNow directly for lockouts;
/// these two overrides only swap that clock for the injected <see cref="TimeProvider"/>, so the lockout rules stay
/// Identity's and tests can let fifteen minutes pass. It also checks passwords for accounts that do not exist.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<AdminUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AdminUser> passwordHasher,
    IEnumerable<IUserValidator<AdminUser>> userValidators,
    IEnumerable<IPasswordValidator<AdminUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AdminUser>> logger,
    TimeProvider time)
    : UserManager<AdminUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    // The hash of a random password nobody knows, made once per process by the configured hasher with its current cost.
    private static string? _noAccountPasswordHash;

    /// <summary>
    /// Checks a password for an email address that has no account, or a disabled one: against a hash no password
    /// matches, made by the same hasher at the same cost as a real account's. Without it an unknown address is refused
    /// in a few milliseconds and a real one only after the hash (~100 ms), which tells an attacker which addresses exist.
    /// </summary>
    public void CheckPasswordWithoutAccount(string password)
    {
        var placeholder = new AdminUser();
        _noAccountPasswordHash ??= PasswordHasher.HashPassword(placeholder, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        PasswordHasher.VerifyHashedPassword(placeholder, _noAccountPasswordHash, password);
    }

    public override async Task<bool> IsLockedOutAsync(AdminUser user)
    {
        if (!await GetLockoutEnabledAsync(user))
        {
            return false;
        }

        var end = await GetLockoutEndDateAsync(user);
        return end is not null && end.Value >= time.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AdminUser user)
    {
        var before = await GetLockoutEndDateAsync(user);
        var result = await base.AccessFailedAsync(user);
        var after = await GetLockoutEndDateAsync(user);
        if (result.Succeeded && after != before && after is not null)
        {
            // Identity just locked the account, timed by the system clock: time the same lockout by the portal's.
            return await SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan));
        }

        return result;
    }
}
