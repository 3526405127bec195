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

var builder = WebApplication.CreateBuilder(args);

// Structured logs on stdout, written in batches by one thread; no Server header, HSTS for a year.
builder.Services.AddPortalLogging(builder.Configuration);
builder.AddPortalSecurityHeaders();
builder.Services.AddSingleton(TimeProvider.System);

// The catalogue: SQLite (or PostgreSQL, for several instances) through EF Core, migrated and filled from content/
// before the first request is answered; the file and the folder resolve from one base folder, wherever we start.
builder.Services.AddPortalDatabase();
builder.Services.AddContentCatalogue();

// English and Latvian: the culture is the first URL segment.
builder.Services.AddPortalLocalization();

// MVC: views in each feature's folder, HEAD wherever GET is, forms read before binding (a bad body keeps its status).
builder.Services.AddControllersWithViews(options =>
    {
        options.Conventions.Add(new HeadLikeGetConvention());
        options.Filters.Add(new FormReadFilter());
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
    .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocations()));

// Rate limits per client address (from a trusted proxy's header only); data-protection keys, shared on PostgreSQL.
builder.Services.AddPortalForwardedHeaders();
builder.Services.AddPortalRateLimiting();
builder.Services.AddPortalDataProtection();

// The features; absolute links use the configured public origin, never a Host header an attacker chose.
builder.Services.AddSurvey().AddFeedback().AddAdminArea().AddSearch();
builder.Services.AddPublicOrigin().AddOrganisation().AddLegalPages();

// Catalogue pages come from ASP.NET Core's output cache; an import that changes the catalogue evicts them.
builder.Services.AddCatalogueOutputCache();
builder.Services.AddPortalHealthChecks();

var app = builder.Build();

// Command-line verbs (content check, …) use the same services, then exit; disposing the app flushes the log first.
if (await PortalCommands.TryRunAsync(app.Services, args) is { } exitCode)
{
    await app.DisposeAsync();
    return exitCode;
}

// Migrating and importing run beside the rest of the start-up; a request that arrives first waits for them.
app.BeginCatalogueStartup();
app.UseCatalogueReadiness();

// The client's address as a trusted proxy saw it, before anything logs or limits by it; security headers on every
// response; outside Development an exception shows the localized error page.
app.UsePortalForwardedHeaders();
app.UsePortalSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

// Bare status codes and refused bodies get the styled, localized page; one log line per request.
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UsePortalRequestLogging();
app.UseMalformedRequestHandling();

// A cached catalogue page is sent as soon as routing has found it: localization, rate limits and authorization below
// serve the rendering, and no cached page has a rate limit or an authorization policy (CataloguePageCacheTests).
app.UseRouting();
app.UseOutputCache();
app.UseRequestLocalization();
app.UseRateLimiter();

// Only the admin area reads the admin cookie, and browsers never store its pages.
app.UseAdminArea();
app.UseAuthorization();

// wwwroot's files under fingerprinted URLs, cached for a year (decision 0006).
app.MapStaticAssets();
app.MapControllers().WithStaticAssets();
app.MapPortalHealthChecks();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
