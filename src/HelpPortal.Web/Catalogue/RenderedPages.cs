using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Survey;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Serilog.Events;

namespace HelpPortal.Web.Catalogue;

/// <summary>
/// The rendered catalogue pages, kept as the bytes that were sent and served again before localization, routing, the
/// rate limiter and MVC run (decision 0005). A page is stored the first time it is rendered — only a GET of an
/// endpoint with the <see cref="CatalogueCache.Policy"/> output-cache policy that answered 200 without setting a
/// cookie — under the same variations the output cache uses: path (the culture is its first segment), the survey
/// prompt's state, and the Host only while <c>Portal:PublicOrigin</c> is not set; and by scheme, because HSTS is sent
/// over HTTPS only. Query strings vary nothing. A page keeps the headers the whole pipeline gave it (security headers,
/// HSTS, cache headers) and is sent again with them. An import that changes the catalogue evicts every page here and
/// in the output cache.
/// </summary>
public sealed class RenderedPages(IOutputCacheStore outputCache, PublicOrigin origin, TimeProvider time)
{
    /// <summary>How long a page is served before it is rendered again, as the output cache's policy.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// At most this many pages: routing matches "articles" in any case, so differently cased paths are different keys;
    /// the cap bounds what made-up variants can take (pages past it are still served, from the output cache).
    /// </summary>
    public const int MaxPages = 4096;

    /// <summary>A page larger than this is not kept here (none of the catalogue's is near it).</summary>
    public const int MaxPageBytes = 256 * 1024;

    private readonly ConcurrentDictionary<PageKey, Page> _pages = new();
    private long _generation;

    public int Count => _pages.Count;

    /// <summary>Evicts every stored page, here and in the output cache; pages being rendered meanwhile are not stored.</summary>
    public async Task EvictAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _generation);
        _pages.Clear();
        await outputCache.EvictByTagAsync(CatalogueCache.Tag, cancellationToken);
    }

    internal PageKey KeyOf(HttpRequest request)
        => new(origin.IsConfigured ? "" : request.Host.Value ?? "", request.Path.Value ?? "", SurveyPrompt.IsShown(request), request.IsHttps);

    internal bool TryGet(PageKey key, out Page page)
    {
        if (_pages.TryGetValue(key, out page!) && page.Stored + Lifetime > time.GetUtcNow())
        {
            return true;
        }

        return false;
    }

    internal long Generation => Interlocked.Read(ref _generation);

    /// <summary>Stores a page unless the catalogue was evicted since its rendering began (it may show the old one).</summary>
    internal void Store(PageKey key, byte[] body, KeyValuePair<string, StringValues>[] headers, long renderedInGeneration)
    {
        if (_pages.Count >= MaxPages && !_pages.ContainsKey(key))
        {
            return;
        }

        _pages[key] = new Page(body, headers, time.GetUtcNow());
        if (Generation != renderedInGeneration)
        {
            _pages.TryRemove(key, out _);
        }
    }

    internal TimeSpan Age(Page page) => time.GetUtcNow() - page.Stored;

    internal readonly record struct PageKey(string Host, string Path, bool PromptShown, bool Secure);

    internal sealed record Page(byte[] Body, KeyValuePair<string, StringValues>[] Headers, DateTimeOffset Stored);
}

/// <summary>
/// Serves <see cref="RenderedPages"/> first thing in the pipeline, and stores the catalogue pages it sees the rest of
/// the pipeline render. A page served here gets the headers it was rendered with and the same request log line the
/// request logging middleware writes (same template, properties and source context, so its level override applies).
/// </summary>
internal sealed class RenderedPagesMiddleware(RequestDelegate next, RenderedPages pages, Serilog.ILogger logger)
{
    /// <summary>Serilog.AspNetCore's template: the lines of pages served here read like every other request's.</summary>
    private const string RequestTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms";

    private static readonly object Ok = StatusCodes.Status200OK;

    private readonly Serilog.ILogger _requests = logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Serilog.AspNetCore.RequestLoggingMiddleware");

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var get = HttpMethods.IsGet(request.Method);
        if (!(get || HttpMethods.IsHead(request.Method)) || request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return next(context);
        }

        var key = pages.KeyOf(request);
        if (pages.TryGet(key, out var page))
        {
            return SendAsync(context, page, get);
        }

        return get ? RenderAndStoreAsync(context, key) : next(context);
    }

    private async Task SendAsync(HttpContext context, RenderedPages.Page page, bool get)
    {
        var started = Stopwatch.GetTimestamp();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in page.Headers)
        {
            response.Headers[name] = value;
        }

        response.ContentLength = page.Body.Length;
        response.Headers.Age = ((long)pages.Age(page).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        try
        {
            if (get)
            {
                await response.Body.WriteAsync(page.Body, context.RequestAborted);
            }
        }
        catch (Exception exception)
        {
            // As the request logging middleware does: a failed response is an error line with its exception.
            Log(context, LogEventLevel.Error, exception, started);
            throw;
        }

        Log(context, LogEventLevel.Information, null, started);
    }

    private void Log(HttpContext context, LogEventLevel level, Exception? exception, long started)
    {
        if (_requests.IsEnabled(level))
        {
            _requests.Write(level, exception, RequestTemplate, context.Request.Method, context.Request.Path.Value, Ok, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task RenderAndStoreAsync(HttpContext context, RenderedPages.PageKey key)
    {
        var generation = pages.Generation;
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var capture = new CatalogueCapture(context, original.Stream);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(capture, original));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(original);
        }

        var response = context.Response;
        if (capture.Body is { } body && response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            pages.Store(key, body, [.. response.Headers.Where(h => !PerResponse.Contains(h.Key))], generation);
        }
    }

    /// <summary>Headers that belong to one response, not to the page: Kestrel or this middleware writes them each time.</summary>
    private static readonly HashSet<string> PerResponse = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.ContentLength, HeaderNames.Age, HeaderNames.TransferEncoding, HeaderNames.Server, HeaderNames.SetCookie,
    };

    /// <summary>
    /// Passes every write through, and keeps a copy only when the endpoint (known by the first write: routing has run)
    /// is a catalogue page — an admin's CSV download is never buffered.
    /// </summary>
    private sealed class CatalogueCapture(HttpContext context, Stream inner) : Stream
    {
        private MemoryStream? _copy;
        private bool _decided;
        private bool _abandoned;

        public byte[]? Body => _abandoned ? null : _copy?.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Keep(ReadOnlySpan<byte> buffer)
        {
            if (!_decided)
            {
                _decided = true;
                _abandoned = context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName != CatalogueCache.Policy;
                _copy = _abandoned ? null : new MemoryStream();
            }

            if (_copy is null)
            {
                return;
            }

            if (_copy.Length + buffer.Length > RenderedPages.MaxPageBytes)
            {
                _abandoned = true;
                _copy = null;
                return;
            }

            _copy.Write(buffer);
        }
    }
}

public static class RenderedPagesExtensions
{
    public static IApplicationBuilder UseRenderedPages(this IApplicationBuilder app) => app.UseMiddleware<RenderedPagesMiddleware>();
}
