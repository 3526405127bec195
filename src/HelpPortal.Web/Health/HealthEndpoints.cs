using System.Text.Json;
using HelpPortal.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpPortal.Web.Health;

/// <summary>Reports the last content import: when it ran and how it went. Degraded while content has errors.</summary>
internal sealed class LastImportHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = await db.ContentImports.AsNoTracking().OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return HealthCheckResult.Unhealthy("No content import has run.");
        }

        var data = new Dictionary<string, object>
        {
            ["finishedAt"] = last.FinishedAt.ToString("O"),
            ["added"] = last.Added,
            ["updated"] = last.Updated,
            ["unchanged"] = last.Unchanged,
            ["removed"] = last.Removed,
            ["errors"] = last.Errors,
            ["warnings"] = last.Warnings,
        };
        return last.Errors > 0
            ? HealthCheckResult.Degraded($"The last import found {last.Errors} content errors.", data: data)
            : HealthCheckResult.Healthy("The last import loaded every file.", data);
    }
}

public static class HealthEndpoints
{
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: [ReadyTag])
            .AddCheck<LastImportHealthCheck>("content", tags: [ReadyTag]);
        return services;
    }

    private const string ReadyTag = "ready";

    /// <summary>
    /// <c>/healthz</c> (everything, for people), and for a load balancer <c>/healthz/live</c> (the process answers: no
    /// check, so a slow database never gets an instance restarted) and <c>/healthz/ready</c> (the database answers and
    /// a catalogue is imported: send visitors here). Content errors leave an instance ready: it serves the last good
    /// version of every file.
    /// </summary>
    public static void MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, "/healthz", _ => true);
        Map(endpoints, "/healthz/live", _ => false);
        Map(endpoints, "/healthz/ready", check => check.Tags.Contains(ReadyTag));
    }

    private static void Map(IEndpointRouteBuilder endpoints, string path, Func<HealthCheckRegistration, bool> predicate)
        => endpoints.MapHealthChecks(path, new HealthCheckOptions { Predicate = predicate, ResponseWriter = WriteJsonAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])); // Monitors read; nothing else is answered.

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        });
    }
}
