using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FlowConfigs.GetConfig;

/// <summary>One invocation as the Runtime API hands it over.</summary>
internal sealed record Invocation(string RequestId, DateTimeOffset Deadline, string? TraceId, byte[] Event);

/// <summary>
/// The Lambda Runtime API (<c>http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime</c>): long-poll the next event,
/// post its response or error. Plain HTTP on a local socket, so one keep-alive connection and no SDK.
/// </summary>
internal sealed class RuntimeApi(HttpClient http)
{
    public static RuntimeApi Create(string hostAndPort) => new(new HttpClient(new SocketsHttpHandler { UseProxy = false })
    {
        BaseAddress = new Uri($"http://{hostAndPort}/2018-06-01/runtime/"),
        // /invocation/next blocks until an event arrives, which can be a long time.
        Timeout = Timeout.InfiniteTimeSpan,
    });

    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("invocation/next", cancellationToken);
        response.EnsureSuccessStatusCode();
        var headers = response.Headers;
        var requestId = Header(headers, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new InvalidOperationException("The Runtime API sent an event without Lambda-Runtime-Aws-Request-Id.");
        var deadline = long.TryParse(Header(headers, "Lambda-Runtime-Deadline-Ms"), out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.UtcNow.AddSeconds(8);
        return new Invocation(requestId, deadline, Header(headers, "Lambda-Runtime-Trace-Id"), await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    public async Task RespondAsync(string requestId, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync($"invocation/{requestId}/response", content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An error invocation: Connect sends the flow down the block's Error branch.</summary>
    public Task FailAsync(string requestId, string errorType, string message, CancellationToken cancellationToken) =>
        PostErrorAsync($"invocation/{requestId}/error", errorType, message, cancellationToken);

    public Task FailInitAsync(string errorType, string message, CancellationToken cancellationToken) =>
        PostErrorAsync("init/error", errorType, message, cancellationToken);

    private async Task PostErrorAsync(string path, string errorType, string message, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage", message);
            json.WriteString("errorType", errorType);
            json.WriteStartArray("stackTrace");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted) response.EnsureSuccessStatusCode();
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
