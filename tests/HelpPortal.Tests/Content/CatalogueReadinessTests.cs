using HelpPortal.Web.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Tests.Content;

/// <summary>
/// The catalogue is prepared beside the rest of the start-up, so Kestrel may take a request before it is ready: such a
/// request waits, and a failed preparation still fails the start.
/// </summary>
public sealed class CatalogueReadinessTests
{
    [Fact]
    public async Task A_request_that_arrives_before_the_catalogue_is_ready_waits_for_it()
    {
        var readiness = new CatalogueReadiness();
        var served = false;
        var gate = new CatalogueReadinessMiddleware(_ => { served = true; return Task.CompletedTask; }, readiness);

        var request = gate.InvokeAsync(new DefaultHttpContext());
        await Task.Delay(50);
        Assert.False(request.IsCompleted);
        Assert.False(served);

        readiness.Open();
        await request;
        Assert.True(served);
    }

    [Fact]
    public async Task A_request_waiting_for_a_preparation_that_fails_gets_503_and_never_reaches_the_pages()
    {
        var readiness = new CatalogueReadiness();
        var served = false;
        var gate = new CatalogueReadinessMiddleware(_ => { served = true; return Task.CompletedTask; }, readiness);
        var context = new DefaultHttpContext();

        var request = gate.InvokeAsync(context);
        readiness.Fail(new InvalidOperationException("the database is unreachable"));
        await request;

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.False(served);
    }

    [Fact]
    public async Task Once_the_portal_has_started_its_catalogue_is_ready_and_imported()
    {
        using var portal = new PortalFactory();

        var page = await portal.CreatePlainClient().GetAsync("/en/articles/forgotten-password");

        Assert.True(portal.Services.GetRequiredService<CatalogueReadiness>().Ready.IsCompletedSuccessfully);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public void A_database_that_cannot_be_prepared_still_stops_the_portal_at_start_with_its_error()
    {
        var file = Path.Combine(Path.GetTempPath(), $"helpportal-not-a-database-{Guid.NewGuid():N}.db");
        File.WriteAllText(file, "This is a text file, not a SQLite database; nothing can be migrated into it.");
        try
        {
            using var portal = new PortalFactory { Settings = { ["ConnectionStrings:Portal"] = $"Data Source={file};Pooling=False" } };

            var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

            Assert.Contains("not a database", error.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
