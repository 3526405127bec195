using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace HelpPortal.Tests.Support;

/// <summary>A response read straight off the socket: the status line exactly as Kestrel wrote it.</summary>
public sealed record RawResponse(string StatusLine, int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// Sends hand-made HTTP/1.1 requests over a real socket: HttpClient would refuse to send most malformed requests, and
/// would not show a broken status line such as <c>HTTP/1.1 -5</c>.
/// </summary>
public static partial class RawHttp
{
    public static async Task<RawResponse> SendAsync(Uri server, string head, byte[]? body = null, TimeSpan? pauseBeforeBody = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ReplaceLineEndings("\r\n") + "\r\n"));
        if (pauseBeforeBody is { } pause)
        {
            await Task.Delay(pause);
        }

        if (body is not null)
        {
            try
            {
                await stream.WriteAsync(body);
            }
            catch (IOException)
            {
                // The server may answer and close before it has read a body it refuses.
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                if (IsComplete(received))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // A reset after the response: what arrived is what the client sees.
        }

        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    /// <summary>A POST of a body that is given whole, with its Content-Length.</summary>
    public static Task<RawResponse> PostFormAsync(Uri server, string path, byte[] body)
        => SendAsync(server, $"""
            POST {path} HTTP/1.1
            Host: {server.Authority}
            Content-Type: application/x-www-form-urlencoded
            Content-Length: {body.Length}
            Connection: close

            """, body);

    /// <summary>A POST whose body is sent in chunks of 8 KB, with no length announced.</summary>
    public static Task<RawResponse> PostChunkedAsync(Uri server, string path, byte[] body)
    {
        using var chunked = new MemoryStream();
        foreach (var chunk in body.Chunk(8 * 1024))
        {
            chunked.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            chunked.Write(chunk);
            chunked.Write("\r\n"u8);
        }

        chunked.Write("0\r\n\r\n"u8);
        return SendAsync(server, $"""
            POST {path} HTTP/1.1
            Host: {server.Authority}
            Content-Type: application/x-www-form-urlencoded
            Transfer-Encoding: chunked
            Connection: close

            """, chunked.ToArray());
    }

    private static bool IsComplete(MemoryStream received)
    {
        var text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var head = text[..end];
        if (ContentLength().Match(head) is { Success: true } length)
        {
            return Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return !head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) || text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
    }

    private static RawResponse Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var lines = head.Split("\r\n");
        var match = StatusLine().Match(lines[0]);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new RawResponse(lines[0], match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1, headers, end < 0 ? "" : text[(end + 4)..]);
    }

    [GeneratedRegex(@"^HTTP/1\.1 ([1-5][0-9]{2}) [A-Za-z ]+$")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"(?im)^Content-Length:\s*(\d+)\s*$")]
    private static partial Regex ContentLength();
}
