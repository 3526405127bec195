using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Admin;

/// <summary>
/// Identity's user manager on the portal's clock. Identity 10 reads DateTimeOffset.UtcNow directly for lockouts;
/// these two overrides only swap that clock for the injected <see cref="TimeProvider"/>, so the lockout rules stay
/// Identity's and tests can let fifteen minutes pass.
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
