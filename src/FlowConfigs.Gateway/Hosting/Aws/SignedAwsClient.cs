using System.Net;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using FlowConfigs.Grains.Aws;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace FlowConfigs.Gateway.Hosting.Aws;

/// <summary>One AWS service reached over HTTP because its SDK package is not available to us.</summary>
/// <param name="Name">The named <see cref="HttpClient"/> and the key of its <see cref="AwsServiceEndpoint"/>.</param>
/// <param name="SigningName">The SigV4 service name.</param>
/// <param name="EndpointHost">The first label of the regional endpoint, <c>{host}.{region}.amazonaws.com</c>.</param>
/// <param name="SettingPrefix">Where its <see cref="AwsServiceOptions"/> are configured, for error messages.</param>
internal sealed record AwsService(string Name, string SigningName, string EndpointHost, string SettingPrefix);

/// <summary>
/// Where one AWS service is and who signs for it: region and credentials from its settings and the standard chain
/// (environment, web identity, profile, the ECS container endpoint on Fargate, instance metadata). Resolved when the
/// service's client is first built, at start, so a misconfigured task fails with the setting to fix instead of on the
/// first user's click.
/// </summary>
internal sealed class AwsServiceEndpoint
{
    public required RegionEndpoint Region { get; init; }
    public required Uri Url { get; init; }
    public required AWSCredentials Credentials { get; init; }

    public static AwsServiceEndpoint Resolve(AwsService service, AwsServiceOptions options)
    {
        var region = ResolveRegion(options.Region, service.SettingPrefix);
        return new AwsServiceEndpoint
        {
            Region = region,
            Url = string.IsNullOrEmpty(options.ServiceUrl)
                ? new Uri($"https://{service.EndpointHost}.{region.SystemName}.{region.PartitionDnsSuffix ?? "amazonaws.com"}/")
                : new Uri(options.ServiceUrl.TrimEnd('/') + "/"),
            Credentials = ResolveCredentials(service.SigningName),
        };
    }

    private static RegionEndpoint ResolveRegion(string? configured, string settingPrefix)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AwsRegion.ThrowIfMalformed(configured, settingPrefix + ":Region");
            return RegionEndpoint.GetBySystemName(configured);
        }
        return FallbackRegionFactory.GetRegionEndpoint()
            ?? throw new InvalidOperationException(
                $"No AWS region: set AWS_REGION (or {settingPrefix}:Region). On Fargate the task sets AWS_REGION itself.");
    }

    private static AWSCredentials ResolveCredentials(string signingService)
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException exception)
        {
            throw new InvalidOperationException(
                $"No AWS credentials for {signingService}: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or run with a task role. {exception.Message}",
                exception);
        }
    }
}

/// <summary>
/// The named <see cref="HttpClient"/> of an AWS service: every request SigV4-signed by AWSSDK.Core, throttling, server
/// errors and transport failures retried twice with short jittered backoff, each attempt and the whole call bounded.
/// </summary>
internal static class SignedAwsClient
{
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);
    public const int MaxRetries = 2;

    public static IHttpClientBuilder AddSignedAwsClient(this IServiceCollection services, AwsService service, Func<IServiceProvider, AwsServiceOptions> options)
    {
        services.AddKeyedSingleton(service.Name, (provider, _) => AwsServiceEndpoint.Resolve(service, options(provider)));
        var client = services.AddHttpClient(service.Name, (provider, http) =>
        {
            http.BaseAddress = provider.GetRequiredKeyedService<AwsServiceEndpoint>(service.Name).Url;
            // The resilience handler bounds each attempt and the whole call instead.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        // Callers log failures and OpenTelemetry traces each call; the factory's request log lines would repeat every
        // authorization call at Information.
        client.RemoveAllLoggers();
        // Outside the signing, so every attempt is signed afresh: a replayed signature carries the first attempt's time.
        client.AddResilienceHandler(service.Name, pipeline => pipeline
            .AddTimeout(TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetries,
                Delay = TimeSpan.FromMilliseconds(50),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => IsTransientAsync(args.Outcome, args.Context.CancellationToken),
            })
            .AddTimeout(AttemptTimeout));
        // AWSSDK's signing handler brings its own transport, so it is the primary handler, wrapping the socket handler.
        client.ConfigurePrimaryHttpMessageHandler(provider =>
        {
            var endpoint = provider.GetRequiredKeyedService<AwsServiceEndpoint>(service.Name);
            // A redirect followed below the signer would arrive unsigned or signed for another path.
            return new SigV4SigningHandler(endpoint.Credentials, endpoint.Region, service.SigningName, new SocketsHttpHandler { AllowAutoRedirect = false });
        });
        return client;
    }

    /// <summary>Transport failures, timeouts, 5xx and 429, and throttling that Polly and Verified Permissions answer with a 400.</summary>
    private static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (HttpClientResiliencePredicates.IsTransient(outcome)) return true;
        if (outcome.Result is not { StatusCode: HttpStatusCode.BadRequest } response) return false;
        // Buffered, so the caller can still read the error after the last attempt.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return (await AwsServiceException.ReadAsync("", response, cancellationToken)).IsThrottling;
    }
}

/// <summary>An AWS service answered with an error: its type (ThrottlingException, ...), HTTP status and message.</summary>
internal sealed class AwsServiceException(string service, string errorType, HttpStatusCode status, string message)
    : Exception($"{service} {errorType} ({(int)status}): {message}")
{
    public string ErrorType { get; } = errorType;
    public HttpStatusCode Status { get; } = status;
    public string ServiceMessage { get; } = message;

    public bool IsThrottling => Status == HttpStatusCode.TooManyRequests || ErrorType is "ThrottlingException" or "TooManyRequestsException";

    public bool IsRetryable => IsThrottling || (int)Status >= 500;

    /// <summary>
    /// Reads the error from either protocol: rest-json and awsJson put the type in <c>x-amzn-ErrorType</c> and/or the
    /// body's <c>__type</c> (possibly namespaced, <c>ns#Type</c>, or with a <c>:url</c> suffix), the text in <c>message</c>.
    /// </summary>
    public static async Task<AwsServiceException> ReadAsync(string service, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string? type = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String) continue;
                if (property.NameEquals("__type")) type ??= property.Value.GetString();
                else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase)) message = property.Value.GetString();
            }
        }
        catch (JsonException)
        {
            message = body.Length > 200 ? body[..200] : body;
        }
        type = type?.Split(':')[0];
        type = type?[(type.LastIndexOf('#') + 1)..];
        return new AwsServiceException(service, string.IsNullOrEmpty(type) ? "UnknownError" : type, response.StatusCode,
            string.IsNullOrEmpty(message) ? response.ReasonPhrase ?? "" : message);
    }
}
