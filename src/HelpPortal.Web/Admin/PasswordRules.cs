using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace HelpPortal.Web.Admin;

/// <summary>
/// Password rules in the spirit of NIST SP 800-63B: long (12–128 characters) and not a known common password,
/// rather than composition rules. Identity checks the minimum length; this validator adds the rest.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AdminUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<AdminUser> manager, AdminUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordMissing", Description = "A password is required." }));
        }

        var errors = new List<IdentityError>();
        if (password.Length > MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaximumLength} characters." });
        }

        if (IsCommon(password, user))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "This password is too common or too easy to guess; choose another." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    internal static bool IsCommon(string password, AdminUser user)
    {
        var normalized = password.Trim().ToLowerInvariant();
        var email = user.Email?.ToLowerInvariant();
        return CommonPasswords.Value.Contains(normalized)
            || normalized.Distinct().Count() <= 3
            || (email is not null && (normalized.Contains(email, StringComparison.Ordinal) || normalized.Contains(email.Split('@')[0], StringComparison.Ordinal)));
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HelpPortal.Web.Admin.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words;
    }
}
