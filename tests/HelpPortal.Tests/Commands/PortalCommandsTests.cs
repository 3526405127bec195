using HelpPortal.Web.Commands;

namespace HelpPortal.Tests.Commands;

/// <summary>What every command gets from the one command line: help, the host's own options, literal values.</summary>
public sealed class PortalCommandsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("content check")]
    [InlineData("admin create")]
    [InlineData("admin list")]
    [InlineData("admin reset-password")]
    [InlineData("admin disable")]
    [InlineData("survey export")]
    [InlineData("survey purge")]
    [InlineData("maintenance purge")]
    public async Task Every_command_describes_itself_with_help(string command)
    {
        var (exitCode, output, error) = await factory.RunCommandAsync(null, [.. command.Split(' '), "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains($"HelpPortal.Web {command} [options]", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Help_without_a_command_lists_every_command()
    {
        var (exitCode, output, _) = await factory.RunCommandAsync(null, "--help");

        Assert.Equal(0, exitCode);
        Assert.All(["content", "admin", "survey", "maintenance"], name => Assert.Contains($"\n  {name} ", output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hosts_own_options_after_a_command_are_left_to_the_host()
    {
        var (exitCode, output, error) = await factory.RunCommandAsync(
            null, "maintenance", "purge", "--older-than", "30", "--urls", "http://127.0.0.1:5999", "--environment", "Production", "--contentRoot", Path.GetTempPath());

        Assert.True(exitCode == 0, error);
        Assert.Contains("search-miss rows", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5999")]
    [InlineData("--environment", "Development")]
    public async Task Without_a_command_the_portal_serves(params string[] args)
    {
        Assert.Null(await PortalCommands.TryRunAsync(factory.Services, args, TextReader.Null, TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task A_value_starting_with_an_at_sign_is_taken_as_written_not_as_a_response_file()
    {
        var (exitCode, _, error) = await factory.RunCommandAsync(null, "admin", "disable", "--email", "@nobody.example.eu");

        Assert.Equal(1, exitCode);
        Assert.Contains("There is no admin with the email address @nobody.example.eu.", error, StringComparison.Ordinal);
    }
}
