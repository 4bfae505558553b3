using System.Net.Http.Headers;

namespace FlowConfigs.Gateway.Tests.Hostile;

/// <summary>An endpoint that reads a JSON body, and the most it reads.</summary>
public sealed record BodyEndpoint(string Name, string Method, string Path, bool InternalPort, bool SignedIn, int MaxBytes)
{
    public override string ToString() => Name;
}

/// <summary>Every endpoint that reads a body, with its cap, and a way to send one any bytes at all.</summary>
public static class BodyEndpoints
{
    // A save's target is an id nobody stored: if a hostile body were ever accepted, the state check would see it.
    public static readonly BodyEndpoint[] All =
    [
        new("save", "PUT", "/api/flow-config/hostile-target", false, true, 512 * 1024),
        new("config preview", "POST", "/api/flow-config/preview", false, true, 513 * 1024),
        new("import", "POST", "/api/flow-config/import", false, true, 10 * 1024 * 1024),
        new("settings", "POST", "/api/settings", false, true, 64 * 1024),
        new("speech preview", "POST", "/api/preview-speech", false, true, 64 * 1024),
        new("development token", "POST", "/api/dev/token", false, false, 16 * 1024),
        new("GetConfig for a Connect event", "POST", "/internal/connect", true, false, 128 * 1024),
    ];

    public static BodyEndpoint Named(string name) => All.Single(e => e.Name == name);

    public static HttpClient ClientFor(this HostileGateway gateway, BodyEndpoint endpoint) =>
        endpoint.InternalPort ? gateway.Internal : endpoint.SignedIn ? gateway.Admin : gateway.Anonymous;

    /// <summary>Sends <paramref name="body"/> as it is (no re-encoding), with a Content-Length or chunked.</summary>
    public static async Task<(int Status, string Body)> SendAsync(this HostileGateway gateway, BodyEndpoint endpoint, byte[] body,
        bool chunked = false, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (chunked)
            request.Headers.TransferEncodingChunked = true;
        using var response = await gateway.ClientFor(endpoint).SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A hostile request must be refused with a client error (one of <paramref name="expected"/> when given).</summary>
    public static void AssertRefused(int status, string body, string because, params int[] expected)
    {
        var ok = expected.Length == 0 ? status is >= 400 and < 500 : expected.Contains(status);
        var wanted = expected.Length == 0 ? "a 4xx" : string.Join(" or ", expected);
        Assert.True(ok, $"{because}: expected {wanted}, got {status} {Shorten(body)}");
    }

    public static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>A response as a failure message should show it: problems as text, audio as its size.</summary>
    public static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        return type.StartsWith("audio/", StringComparison.Ordinal)
            ? $"({(await response.Content.ReadAsByteArrayAsync()).Length:N0} bytes of {type})"
            : Shorten(await response.Content.ReadAsStringAsync());
    }
}
