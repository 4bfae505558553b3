using System.Net;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using FlowConfigs.Grains.Aws;

namespace FlowConfigs.Gateway.Hosting.Aws;

/// <summary>
/// An <see cref="HttpClient"/> whose every request is SigV4-signed by AWSSDK.Core (credentials from the standard
/// chain: environment, web identity, profile, the ECS container endpoint on Fargate, instance metadata), for the
/// services whose SDK packages are not available to us. Region and credentials are resolved when it is built, so a
/// misconfigured task fails at start with the setting to fix instead of on the first user's click.
/// </summary>
internal sealed class SignedAwsClient : IDisposable
{
    public HttpClient Http { get; }
    public Uri Endpoint { get; }
    public string Region { get; }

    public SignedAwsClient(AwsServiceOptions options, string signingService, string endpointHost, string settingPrefix)
    {
        var region = ResolveRegion(options.Region, settingPrefix);
        Region = region.SystemName;
        Endpoint = string.IsNullOrEmpty(options.ServiceUrl)
            ? new Uri($"https://{endpointHost}.{region.SystemName}.{region.PartitionDnsSuffix ?? "amazonaws.com"}/")
            : new Uri(options.ServiceUrl.TrimEnd('/') + "/");
        var transport = new SocketsHttpHandler
        {
            // Keep-alive to the service, but pick up DNS changes of its endpoint.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        Http = new HttpClient(new SigV4SigningHandler(ResolveCredentials(signingService), region, signingService, transport))
        {
            BaseAddress = Endpoint,
            Timeout = TimeSpan.FromSeconds(10),
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

    public void Dispose() => Http.Dispose();
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
