using Serilog;

namespace HelpPortal.Web.Infrastructure;

public static class PortalLogging
{
    /// <summary>
    /// Structured logs on the console, levels from configuration (<c>Serilog:MinimumLevel</c>): operators collect stdout.
    /// The console is written by one background thread in batches (<see cref="BatchedConsoleSink"/>). Each host keeps its
    /// own logger rather than the static one, which the last host built would own (several hosts run side by side in
    /// the tests).
    /// </summary>
    public static IServiceCollection AddPortalLogging(this IServiceCollection services, IConfiguration configuration)
        => services.AddSerilog(
            (provider, logger) => logger
                .ReadFrom.Configuration(configuration)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext()
                .WriteTo.Sink(new BatchedConsoleSink(Console.OpenStandardOutput())),
            preserveStaticLogger: true);

    /// <summary>One line per request, through this host's logger (request logging would otherwise use the static one, left silent).</summary>
    public static IApplicationBuilder UsePortalRequestLogging(this WebApplication app)
        => app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
}
