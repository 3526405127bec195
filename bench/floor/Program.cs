// The framework's floor for the article measure (bench/compare/article.sh): Kestrel sending the article's bytes from
// memory with no middleware, routing or logging, the way the portal would if it did nothing of its own. Measured in the
// same run as nginx and the portal, it shows how much of the gap to nginx is ASP.NET Core's own cost on the machine.
var body = File.ReadAllBytes(Environment.GetEnvironmentVariable("FLOOR_BODY") ?? throw new InvalidOperationException("Set FLOOR_BODY to the file to serve."));

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
await app.RunAsync();
