using System.Net;
using System.Text.Json;

namespace HelpPortal.Tests.Health;

public abstract class HealthEndpointTests(PortalFactory factory)
{
    public sealed class OnSqlite(PortalFactory factory) : HealthEndpointTests(factory), IClassFixture<PortalFactory>;

    public sealed class OnPostgres(PostgresPortalFactory factory) : HealthEndpointTests(factory), IClassFixture<PostgresPortalFactory>, IRunsOnPostgres;

    [DatabaseTheory]
    [InlineData("/healthz", new[] { "content", "database" })]
    [InlineData("/healthz/ready", new[] { "content", "database" })]
    [InlineData("/healthz/live", new string[0])]
    public async Task Each_health_endpoint_runs_its_own_checks(string url, string[] checks)
    {
        var response = await factory.CreateClient().GetAsync(url);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(checks, json.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [DatabaseFact]
    public async Task An_instance_whose_content_has_errors_is_still_ready_to_serve_its_last_good_version()
    {
        using var content = new TestContent();
        File.WriteAllText(Path.Combine(content.Folder, "en", "set-up-2fa", "broken.md"), "---\ntitle: [unclosed\n---\nBody");
        using var portal = new PortalFactory { ContentFolder = content.Folder, Database = factory.Database };

        var ready = await portal.CreateClient().GetAsync("/healthz/ready");
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
    }
}
