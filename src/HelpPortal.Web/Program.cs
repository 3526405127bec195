using System.Text.Encodings.Web;
using System.Text.Unicode;
using HelpPortal.Web.Admin.Accounts;
using HelpPortal.Web.Catalogue;
using HelpPortal.Web.Commands;
using HelpPortal.Web.Content;
using HelpPortal.Web.Data;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Health;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Legal;
using HelpPortal.Web.Localization;
using HelpPortal.Web.Search;
using HelpPortal.Web.Survey;
using Microsoft.Extensions.WebEncoders;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Structured logs on the console, levels from configuration: operators collect stdout. The console is written by one
// background thread in batches, so a request never waits for it; when that thread falls behind, requests wait rather
// than lose a line. Each host keeps its own logger rather than the static one, which the last host built would own
// (several hosts run side by side in the tests).
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .WriteTo.Sink(new BatchedConsoleSink(Console.OpenStandardOutput())),
    preserveStaticLogger: true);

// No "Server: Kestrel" header: nothing to tell an attacker.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

builder.Services.AddSingleton(TimeProvider.System);

// The catalogue: SQLite (or PostgreSQL, for several instances) through EF Core, migrated and filled from content/
// before the first request; a SQLite file and the content folder resolve from one base folder, wherever the portal is
// started from.
builder.Services.AddPortalDatabase();
builder.Services.AddContentCatalogue();

// English and Latvian: the culture is the first URL segment; Latvian letters are written as characters, not entities.
builder.Services.AddPortalLocalization();
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

// MVC, with each feature's views in its own folder (Catalogue/Views/...), HEAD wherever GET is answered, and forms read
// before model binding so a malformed body keeps its own status.
builder.Services.AddControllersWithViews(options =>
    {
        options.Conventions.Add(new HeadLikeGetConvention());
        options.Filters.Add(new FormReadFilter());
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
    .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocations()));

// Rate limits per client address (survey, sign-in, votes, search), the address taken from a trusted proxy's header
// only; data-protection keys on disk (in the database on PostgreSQL, shared by every instance) and the antiforgery cookie.
builder.Services.AddPortalForwardedHeaders();
builder.Services.AddPortalRateLimiting();
builder.Services.AddPortalDataProtection();

// The satisfaction survey (anonymous answers, committed by a single writer) and the article votes.
builder.Services.AddSurvey();
builder.Services.AddFeedback();

// The admin area: ASP.NET Core Identity in the same database, two-factor sign-in, reports and CSV export.
builder.Services.AddAdminArea();

// Search: SQLite FTS5 over terms analysed by Lucene's stemmers, built by the content import; a capped log of misses.
builder.Services.AddSearch();

// Public pages come from the output cache; an import that changes content evicts them. Absolute links use the
// configured public origin, never a Host header an attacker chose; who runs the site comes from configuration too.
builder.Services.AddPublicOrigin();
builder.Services.AddOrganisation();

// The privacy notice, cookie list and accessibility statement: content pages filled in from that configuration.
builder.Services.AddLegalPages();
builder.Services.AddCatalogueOutputCache();
builder.Services.AddPortalHealthChecks();
builder.Services.AddHsts(options =>
{
    options.MaxAge = TimeSpan.FromDays(365);
    options.IncludeSubDomains = true;
});

var app = builder.Build();

// Command-line verbs (content check, …) use the same configuration and services, then exit without serving.
if (await PortalCommands.TryRunAsync(app.Services, args) is { } exitCode)
{
    // Disposing the app flushes the log sink's background queue before the process exits.
    await app.DisposeAsync();
    return exitCode;
}

// Migrating, importing the content and the rest of the start-up (pipeline, endpoints, Kestrel) run side by side;
// requests that arrive before the catalogue is ready wait for it, and the host has started only once it is.
app.BeginCatalogueStartup();
app.UseCatalogueReadiness();

// The client's address and scheme as a trusted proxy saw them, before anything logs or limits by them.
app.UsePortalForwardedHeaders();

// Catalogue pages already rendered are sent again as they were — the headers the pipeline below gave them, and the
// same request log line — without running it again (decision 0005).
app.UseRenderedPages();

// Security headers before anything renders, so that every response, error pages included, carries them (the kept
// pages above carry the ones they were rendered with).
app.UsePortalSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    // Outside Development an exception shows the localized error page, never a stack trace.
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

// 404 and other bare status codes get the styled, localized page; the original URL still decides the language.
// A malformed body (too large, stalled, refused by the form reader) becomes its own 4xx and gets the same page.
app.UseStatusCodePagesWithReExecute("/error/{0}");

// One line per request, through this host's logger (request logging would otherwise use the static one, left silent).
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseMalformedRequestHandling();


app.UseRequestLocalization();

app.UseRouting();
app.UseRateLimiter();

// The admin area alone reads the admin cookie and is never stored by browsers; public pages skip both.
app.UseAdminArea();
app.UseAuthorization();
app.UseOutputCache();

// wwwroot's files under fingerprinted URLs, cached for a year; WithStaticAssets lets views resolve "~/css/site.css" to
// them, so a page view needs no request for its CSS or JavaScript once they are cached (decision 0006).
app.MapStaticAssets();
app.MapControllers().WithStaticAssets();
app.MapPortalHealthChecks();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
