using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using HelpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AdminUser> manager, AdminUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != Digits || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var current = now.ToUnixTimeSeconds() / StepSeconds;
        var lastUsed = await db.UsedAuthenticatorCodes.Where(c => c.UserId == user.Id).MaxAsync(c => (long?)c.TimeStep);
        var earliest = Math.Max(current - StepsEitherSide, (lastUsed ?? long.MinValue) + 1);
        var step = MatchingStep(FromBase32(key), int.Parse(token, CultureInfo.InvariantCulture), earliest, current + StepsEitherSide);
        if (step is null)
        {
            return false;
        }

        var used = new UsedAuthenticatorCode { UserId = user.Id, TimeStep = step.Value, UsedAt = now };
        db.UsedAuthenticatorCodes.Add(used);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.Entry(used).State = EntityState.Detached;
            if (await db.UsedAuthenticatorCodes.AnyAsync(c => c.UserId == user.Id && c.TimeStep == step.Value))
            {
                // Another request (perhaps on another instance) accepted this very code a moment ago.
                return false;
            }

            throw;
        }

        // Steps that can no longer be accepted need no row; any accepted code tidies up for every admin.
        var expired = current - StepsEitherSide - StepsKeptAfterExpiry;
        await db.UsedAuthenticatorCodes.Where(c => c.TimeStep < expired).ExecuteDeleteAsync();
        return true;
    }

    /// <summary>The latest step from <paramref name="earliest"/> to <paramref name="latest"/> whose code is <paramref name="code"/>.</summary>
    /// <remarks>The latest, so that if two steps ever share a code, recording it also rules out the earlier one.</remarks>
    private static long? MatchingStep(byte[] key, int code, long earliest, long latest)
    {
        for (var step = latest; step >= earliest; step--)
        {
            if (Code(key, step) == code)
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>RFC 6238 (RFC 4226 truncation): HMAC-SHA1 of the big-endian step, 31 bits from the offset the last nibble gives.</summary>
    private static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];

        // SHA-1 is what RFC 6238 and every authenticator app use; as an HMAC it has no known weakness that matters here.
#pragma warning disable CA5350
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        return (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
    }

    /// <summary>The key as Identity stores it: RFC 4648 Base32, upper case, no padding.</summary>
    private static byte[] FromBase32(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        var buffer = 0;
        var bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = Base32Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not Base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
