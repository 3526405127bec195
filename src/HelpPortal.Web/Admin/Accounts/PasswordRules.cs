using System.Globalization;
using System.Reflection;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.Admin.Accounts;

/// <summary>
/// Password rules in the spirit of NIST SP 800-63B: long (12–128 characters), not a known common password and not
/// built on the admin's own email address, rather than composition rules. Identity checks the minimum length; this
/// validator adds the rest, each refusal with its own reason in the admin's language.
/// </summary>
public sealed class PasswordRules(IStringLocalizer<SharedResource> text) : IPasswordValidator<AdminUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>Below this, the part before the @ ("jo", "ab") is too short to be a guess worth refusing.</summary>
    public const int MinimumLocalPartLength = 3;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<AdminUser> manager, AdminUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Failed(Error("PasswordMissing", "Admin.Error.PasswordRequired")));
        }

        var errors = new List<IdentityError>();
        if (password.Length > MaximumLength)
        {
            errors.Add(Error("PasswordTooLong", "Admin.Error.PasswordTooLong", MaximumLength));
        }

        if (IsCommon(password))
        {
            errors.Add(Error("PasswordTooCommon", "Admin.Error.PasswordTooCommon"));
        }

        if (ContainsEmail(password, user.Email))
        {
            errors.Add(Error("PasswordContainsEmail", "Admin.Error.PasswordContainsEmail"));
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool IsCommon(string password)
    {
        var normalized = Normalize(password);
        return CommonPasswords.Value.Contains(normalized) || normalized.Distinct().Count() <= 3;
    }

    private static bool ContainsEmail(string password, string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return false;
        }

        var normalized = Normalize(password);
        var address = email.ToLowerInvariant();
        var localPart = address.Split('@')[0];
        return normalized.Contains(address, StringComparison.Ordinal)
            || (new StringInfo(localPart).LengthInTextElements >= MinimumLocalPartLength && normalized.Contains(localPart, StringComparison.Ordinal));
    }

    private static string Normalize(string password) => password.Trim().ToLowerInvariant();

    private IdentityError Error(string code, string key, params object[] arguments) => new() { Code = code, Description = text[key, arguments] };

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HelpPortal.Web.Admin.Accounts.common-passwords.txt")
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
