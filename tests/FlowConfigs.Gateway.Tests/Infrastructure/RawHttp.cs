using System.Net.Sockets;
using System.Text;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>An HTTP/1.1 response as it came off the wire.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// HTTP/1.1 written by hand on a plain socket, for what HttpClient refuses to send: bodies that trickle in or stop
/// short, conflicting framing headers, Host tricks, raw bytes in the request target.
/// </summary>
public sealed class RawHttp : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawHttp(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawHttp> ConnectAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port);
        return new RawHttp(client);
    }

    /// <summary>Sends one request and reads its response (null when the server closed without answering).</summary>
    public static async Task<RawResponse?> SendAsync(int port, string head, byte[]? body = null)
    {
        using var connection = await ConnectAsync(port);
        await connection.WriteAsync(head);
        if (body is not null) await connection.WriteAsync(body);
        return await connection.ReadResponseAsync(TimeSpan.FromSeconds(15));
    }

    /// <summary>
    /// A request head whose body then arrives one <paramref name="drip"/> a second (a slow-loris body), until the
    /// server answers. For a chunked body, drip a whole chunk (<c>"1\r\n \r\n"</c>).
    /// </summary>
    public static async Task<RawResponse?> TrickleAsync(int port, string head, TimeSpan giveUpAfter, string drip = " ")
    {
        using var connection = await ConnectAsync(port);
        await connection.WriteAsync(head);
        var deadline = DateTime.UtcNow + giveUpAfter;
        try
        {
            while (!connection._stream.DataAvailable && DateTime.UtcNow < deadline)
            {
                await connection.WriteAsync(drip);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        catch (IOException)
        {
            // The server hung up on us; whatever it sent before is read below.
        }
        return await connection.ReadResponseAsync(TimeSpan.FromSeconds(15));
    }

    public Task WriteAsync(string ascii) => WriteAsync(Encoding.ASCII.GetBytes(ascii));

    public async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Half-closes: the server sees the end of the request bytes while we can still read its answer.</summary>
    public void EndSending() => _client.Client.Shutdown(SocketShutdown.Send);

    /// <summary>Drops the connection with a TCP reset, as a crashed or killed client would.</summary>
    public void Reset()
    {
        _client.LingerState = new LingerOption(true, 0);
        _client.Client.Close();
    }

    /// <summary>Reads one response: head, then a Content-Length or chunked body, or until the server closes.</summary>
    public async Task<RawResponse?> ReadResponseAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var received = new List<byte>();
        var buffer = new byte[16 * 1024];
        int headEnd;
        try
        {
            while ((headEnd = IndexOf(received, "\r\n\r\n"u8)) < 0)
            {
                var read = await _stream.ReadAsync(buffer, cancel.Token);
                if (read == 0) return received.Count == 0 ? null : throw new IOException("The connection closed inside the response head.");
                received.AddRange(buffer.AsSpan(0, read));
            }
        }
        catch (IOException) when (received.Count == 0)
        {
            return null; // Reset without an answer.
        }

        var head = Encoding.ASCII.GetString(received.GetRange(0, headEnd).ToArray()).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1]);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':');
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        var body = received.GetRange(headEnd + 4, received.Count - headEnd - 4);
        bool Complete() => headers.TryGetValue("Content-Length", out var length)
            ? body.Count >= int.Parse(length)
            : headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked") && IndexOf(body, "0\r\n\r\n"u8) >= 0;
        try
        {
            while (!Complete() && status is not (204 or 304))
            {
                var read = await _stream.ReadAsync(buffer, cancel.Token);
                if (read == 0) break;
                body.AddRange(buffer.AsSpan(0, read));
            }
        }
        catch (IOException)
        {
            // Closed after the head: keep what arrived.
        }
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked"))
            body = Unchunk(body);
        return new RawResponse(status, headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static List<byte> Unchunk(List<byte> chunked)
    {
        var result = new List<byte>();
        var position = 0;
        while (position < chunked.Count)
        {
            var lineEnd = IndexOf(chunked.GetRange(position, chunked.Count - position), "\r\n"u8);
            if (lineEnd < 0) break;
            var sizeLine = Encoding.ASCII.GetString(chunked.GetRange(position, lineEnd).ToArray());
            var size = Convert.ToInt32(sizeLine.Split(';')[0], 16);
            if (size == 0) break;
            var start = position + lineEnd + 2;
            result.AddRange(chunked.GetRange(start, Math.Min(size, chunked.Count - start)));
            position = start + size + 2;
        }
        return result;
    }

    private static int IndexOf(List<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Count; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
                match = haystack[i + j] == needle[j];
            if (match) return i;
        }
        return -1;
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
