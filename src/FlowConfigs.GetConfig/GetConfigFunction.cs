using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;

namespace FlowConfigs.GetConfig;

/// <summary>What one invocation ends with: the flat map for the flow, or an error that sends it down the Error branch.</summary>
internal abstract record Outcome
{
    public sealed record Answer(byte[] Json, bool FromCache) : Outcome;

    public sealed record Failure(string ErrorType, string Message) : Outcome;
}

/// <summary>
/// Reads the id, language and channel from the Connect event and asks the gateway's
/// <c>GET /internal/config/{id}?lang=&amp;channel=</c> over a pooled keep-alive connection, so the gateway neither
/// receives nor parses the event a second time. The last good answer per (id, language, channel) is kept: when the gateway cannot be reached, times out or answers
/// 5xx, that answer is returned (with a warning in the log) so callers keep hearing the last known prompts. A 400 or
/// 404 is the flow designer's mistake and is raised at once, never masked by the cache.
/// </summary>
internal sealed class GetConfigFunction(HttpClient gateway, FunctionOptions options, TextWriter log)
{
    private const int MaxRemembered = 20_000;
    private readonly ConcurrentDictionary<(string Id, string Language, ContactChannel Channel), byte[]> _lastGood = new();

    public static HttpClient CreateGatewayClient(FunctionOptions options) => new(new SocketsHttpHandler
    {
        // Keep connections warm between invocations, but re-resolve the internal ALB now and then: its addresses change.
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(1),
        UseProxy = false,
    })
    {
        BaseAddress = options.InternalUrl,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<Outcome> HandleAsync(Invocation invocation, DateTimeOffset now)
    {
        ConfigRequest request;
        try
        {
            using var parsed = JsonDocument.Parse(invocation.Event);
            var read = ConfigRequest.FromEvent(parsed.RootElement);
            if (read.Request is null) return new Outcome.Failure("InvalidRequest", read.Message!);
            request = read.Request;
            // The gateway would refuse it with the same sentence; checked here also because an id such as ".." would
            // not survive as a URL path segment.
            if (FlowConfigId.Validate(request.Id) is { } invalid) return new Outcome.Failure("InvalidRequest", invalid);
        }
        catch (JsonException)
        {
            return new Outcome.Failure("InvalidRequest", "The event is not JSON.");
        }

        var key = (request.Id, request.Language, request.Channel);
        // Leave time to answer from the cache before Connect's 8 s (or the function's own deadline) runs out.
        var budget = Min(options.GatewayTimeout, invocation.Deadline - now - options.DeadlineMargin);
        string reason;
        try
        {
            using var timeout = new CancellationTokenSource(budget > TimeSpan.Zero ? budget : TimeSpan.FromMilliseconds(1));
            using var response = await gateway.GetAsync(ConfigPath(request), timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                if (_lastGood.Count < MaxRemembered || _lastGood.ContainsKey(key)) _lastGood[key] = body;
                return new Outcome.Answer(body, FromCache: false);
            }
            if ((int)response.StatusCode < 500)
            {
                return new Outcome.Failure(response.StatusCode == HttpStatusCode.NotFound ? "FlowConfigNotFound" : "InvalidRequest",
                    ProblemDetail(body) ?? $"The gateway answered {(int)response.StatusCode}.");
            }
            reason = $"the gateway answered {(int)response.StatusCode}";
        }
        catch (OperationCanceledException)
        {
            reason = $"the gateway did not answer within {budget.TotalMilliseconds:0} ms";
        }
        catch (HttpRequestException exception)
        {
            reason = $"the gateway could not be reached ({exception.Message})";
        }

        if (_lastGood.TryGetValue(key, out var cached))
        {
            await log.WriteLineAsync(
                $"WARN {invocation.RequestId} serving the last good answer for {request.Id} ({request.Language}, {request.Channel}): {reason}");
            return new Outcome.Answer(cached, FromCache: true);
        }
        return new Outcome.Failure("GatewayUnavailable", $"FlowConfigs is unavailable and has no earlier answer for {request.Id}: {reason}.");
    }

    /// <summary>The id as one path segment (<c>/</c> as <c>%2F</c>); the parsed language and channel as the gateway reads them.</summary>
    internal static string ConfigPath(ConfigRequest request) =>
        $"internal/config/{Uri.EscapeDataString(request.Id)}?lang={Uri.EscapeDataString(request.Language)}&channel="
        + (request.Channel == ContactChannel.Voice ? "voice" : "chat");

    /// <summary>The gateway's problem+json <c>detail</c>, which names what is wrong; Connect shows it to the flow designer.</summary>
    private static string? ProblemDetail(byte[] body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object
                   && problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
                ? detail.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>The function's environment: <c>FLOWCONFIGS_INTERNAL_URL</c> and optional <c>FLOWCONFIGS_GATEWAY_TIMEOUT_MS</c>.</summary>
internal sealed record FunctionOptions(Uri InternalUrl, TimeSpan GatewayTimeout, TimeSpan DeadlineMargin)
{
    public static FunctionOptions FromEnvironment(Func<string, string?> environment)
    {
        var url = environment("FLOWCONFIGS_INTERNAL_URL");
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var internalUrl)
            || internalUrl.Scheme is not ("http" or "https"))
            throw new InvalidOperationException(
                $"FLOWCONFIGS_INTERNAL_URL must be the gateway's internal URL, e.g. http://internal-alb:8081 (it is '{url}').");
        var timeoutMs = environment("FLOWCONFIGS_GATEWAY_TIMEOUT_MS");
        var timeout = TimeSpan.FromMilliseconds(2500);
        if (!string.IsNullOrEmpty(timeoutMs))
        {
            if (!int.TryParse(timeoutMs, out var ms) || ms is < 50 or > 7000)
                throw new InvalidOperationException($"FLOWCONFIGS_GATEWAY_TIMEOUT_MS must be 50–7000 (it is '{timeoutMs}').");
            timeout = TimeSpan.FromMilliseconds(ms);
        }
        return new FunctionOptions(internalUrl, timeout, TimeSpan.FromMilliseconds(300));
    }
}
