using HelpPortal.Web.Commands;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Admin.Accounts;

/// <summary>
/// <c>admin create | list | reset-password | disable</c>: the only way to manage admin accounts. There is no default
/// account and no password in any file; passwords are read from standard input (hidden on a terminal).
/// </summary>
public static class AdminCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine command, TextReader input, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        switch (command.Verbs)
        {
            case ["admin", "create"]:
                command.AllowOnly("email");
                var email = command.Required("email");
                if (command.HasErrors(error))
                {
                    return 1;
                }

                if (await users.FindByEmailAsync(email!) is not null)
                {
                    error.WriteLine($"An admin with the email address {email} already exists.");
                    return 1;
                }

                var password = ReadPassword(input, output, "Password for the new admin");
                var user = new AdminUser { UserName = email, Email = email, EmailConfirmed = true };
                var created = await users.CreateAsync(user, password ?? "");
                if (!Succeeded(created, error))
                {
                    return 1;
                }

                var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
                if (!await roles.RoleExistsAsync(AdminSetup.Role))
                {
                    await roles.CreateAsync(new IdentityRole(AdminSetup.Role));
                }

                if (!Succeeded(await users.AddToRoleAsync(user, AdminSetup.Role), error))
                {
                    return 1;
                }

                output.WriteLine($"Admin {email} created. Sign in at /en/admin/login and enrol an authenticator app.");
                return 0;

            case ["admin", "list"]:
                command.AllowOnly();
                if (command.HasErrors(error))
                {
                    return 1;
                }

                var admins = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
                output.WriteLine("email\ttwo-factor\tstatus");
                foreach (var admin in admins)
                {
                    var status = admin.IsDisabled ? "disabled" : await users.IsLockedOutAsync(admin) ? "locked out" : "active";
                    output.WriteLine($"{admin.Email}\t{(admin.TwoFactorEnabled ? "enrolled" : "not enrolled")}\t{status}");
                }

                output.WriteLine($"{admins.Count} admin(s).");
                return 0;

            case ["admin", "reset-password"]:
                command.AllowOnly("email");
                var target = await FindAsync(users, command, error);
                if (target is null)
                {
                    return 1;
                }

                var newPassword = ReadPassword(input, output, $"New password for {target.Email}");
                var token = await users.GeneratePasswordResetTokenAsync(target);
                if (!Succeeded(await users.ResetPasswordAsync(target, token, newPassword ?? ""), error))
                {
                    return 1;
                }

                await users.ResetAccessFailedCountAsync(target);
                output.WriteLine($"Password of {target.Email} changed; their sessions are signed out.");
                return 0;

            case ["admin", "disable"]:
                command.AllowOnly("email");
                var disabled = await FindAsync(users, command, error);
                if (disabled is null)
                {
                    return 1;
                }

                await users.SetLockoutEnabledAsync(disabled, true);
                await users.SetLockoutEndDateAsync(disabled, DateTimeOffset.MaxValue);
                await users.UpdateSecurityStampAsync(disabled);
                output.WriteLine($"Admin {disabled.Email} disabled and signed out everywhere.");
                return 0;

            default:
                return -1;
        }
    }

    private static async Task<AdminUser?> FindAsync(UserManager<AdminUser> users, CommandLine command, TextWriter error)
    {
        var email = command.Required("email");
        if (command.HasErrors(error))
        {
            return null;
        }

        var user = await users.FindByEmailAsync(email!);
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
