using System.CommandLine;
using HelpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Admin.Accounts;

/// <summary>
/// <c>admin create | list | reset-password | disable</c>: the only way to manage admin accounts. There is no default
/// account and no password in any file; passwords are read from standard input (hidden on a terminal).
/// </summary>
public static class AdminCommands
{
    /// <summary>The <c>admin</c> command; <paramref name="input"/> is where passwords are read from.</summary>
    public static Command Create(IServiceProvider services, TextReader input)
    {
        var createEmail = EmailOption("The new admin's email address, which is also their user name.");
        var create = new Command("create", "Create an admin; the password is read from standard input.") { createEmail };
        create.SetAction(parse => InScope(services, scoped => CreateAsync(scoped, parse.GetRequiredValue(createEmail), input, parse.InvocationConfiguration)));

        var list = new Command("list", "List the admins: email, two-factor enrolment and status.");
        list.SetAction(parse => InScope(services, scoped => ListAsync(Users(scoped), scoped.GetRequiredService<PortalDbContext>(), parse.InvocationConfiguration.Output)));

        var resetEmail = EmailOption("The admin whose password changes.");
        var resetPassword = new Command("reset-password", "Set a new password (read from standard input); signs the admin out everywhere.") { resetEmail };
        resetPassword.SetAction(parse => InScope(services, scoped => ResetPasswordAsync(Users(scoped), parse.GetRequiredValue(resetEmail), input, parse.InvocationConfiguration)));

        var disableEmail = EmailOption("The admin to disable.");
        var disable = new Command("disable", "Disable an admin and end their sessions.") { disableEmail };
        disable.SetAction(parse => InScope(services, scoped => DisableAsync(Users(scoped), parse.GetRequiredValue(disableEmail), parse.InvocationConfiguration)));

        return new Command("admin", "Admin accounts for the reports and exports.") { create, list, resetPassword, disable };
    }

    private static Option<string> EmailOption(string description) => new("--email") { Description = description, HelpName = "E", Required = true };

    private static async Task<int> InScope(IServiceProvider services, Func<IServiceProvider, Task<int>> command)
    {
        await using var scope = services.CreateAsyncScope();
        return await command(scope.ServiceProvider);
    }

    private static UserManager<AdminUser> Users(IServiceProvider scoped) => scoped.GetRequiredService<UserManager<AdminUser>>();

    private static async Task<int> CreateAsync(IServiceProvider scoped, string email, TextReader input, InvocationConfiguration console)
    {
        var users = Users(scoped);
        if (await users.FindByEmailAsync(email) is not null)
        {
            console.Error.WriteLine($"An admin with the email address {email} already exists.");
            return 1;
        }

        var password = ReadPassword(input, console.Output, "Password for the new admin");
        var user = new AdminUser { UserName = email, Email = email, EmailConfirmed = true };
        if (!Succeeded(await users.CreateAsync(user, password ?? ""), console.Error))
        {
            return 1;
        }

        var roles = scoped.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(AdminSetup.Role))
        {
            await roles.CreateAsync(new IdentityRole(AdminSetup.Role));
        }

        if (!Succeeded(await users.AddToRoleAsync(user, AdminSetup.Role), console.Error))
        {
            return 1;
        }

        console.Output.WriteLine($"Admin {email} created. Sign in at /en/admin/login and enrol an authenticator app.");
        return 0;
    }

    private static async Task<int> ListAsync(UserManager<AdminUser> users, PortalDbContext db, TextWriter output)
    {
        // By the bytes of the address, so the list reads the same whichever database (and its locale) holds it.
        var byteOrder = db.ByteOrder();
        var admins = await users.Users.AsNoTracking().OrderBy(u => EF.Functions.Collate(u.Email, byteOrder)).ToListAsync();
        output.WriteLine("email\ttwo-factor\tstatus");
        foreach (var admin in admins)
        {
            var status = admin.IsDisabled ? "disabled" : await users.IsLockedOutAsync(admin) ? "locked out" : "active";
            output.WriteLine($"{admin.Email}\t{(admin.TwoFactorEnabled ? "enrolled" : "not enrolled")}\t{status}");
        }

        output.WriteLine($"{admins.Count} admin(s).");
        return 0;
    }

    private static async Task<int> ResetPasswordAsync(UserManager<AdminUser> users, string email, TextReader input, InvocationConfiguration console)
    {
        if (await FindAsync(users, email, console.Error) is not { } admin)
        {
            return 1;
        }

        var password = ReadPassword(input, console.Output, $"New password for {admin.Email}");
        var token = await users.GeneratePasswordResetTokenAsync(admin);
        if (!Succeeded(await users.ResetPasswordAsync(admin, token, password ?? ""), console.Error))
        {
            return 1;
        }

        await users.ResetAccessFailedCountAsync(admin);
        console.Output.WriteLine($"Password of {admin.Email} changed; their sessions are signed out.");
        return 0;
    }

    private static async Task<int> DisableAsync(UserManager<AdminUser> users, string email, InvocationConfiguration console)
    {
        if (await FindAsync(users, email, console.Error) is not { } admin)
        {
            return 1;
        }

        await users.SetLockoutEnabledAsync(admin, true);
        await users.SetLockoutEndDateAsync(admin, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(admin);
        console.Output.WriteLine($"Admin {admin.Email} disabled and signed out everywhere.");
        return 0;
    }

    private static async Task<AdminUser?> FindAsync(UserManager<AdminUser> users, string email, TextWriter error)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            error.WriteLine($"There is no admin with the email address {email}.");
        }

        return user;
    }

    private static bool Succeeded(IdentityResult result, TextWriter error)
    {
        foreach (var problem in result.Errors)
        {
            error.WriteLine(problem.Description);
        }

        return result.Succeeded;
    }

    /// <summary>A line from standard input; on a terminal, typed without echo and asked twice.</summary>
    private static string? ReadPassword(TextReader input, TextWriter output, string prompt)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine();
        }

        var first = ReadHidden(output, $"{prompt}: ");
        var second = ReadHidden(output, "Repeat it: ");
        if (first != second)
        {
            output.WriteLine("The two passwords differ.");
            return null;
        }

        return first;
    }

    private static string ReadHidden(TextWriter output, string prompt)
    {
        output.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                output.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
            {
                text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
