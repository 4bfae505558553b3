using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Hosting.Aws;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>
/// Amazon Verified Permissions over its awsJson 1.0 protocol (the SDK package is not available to us): one POST to
/// the service root per call, the operation in <c>X-Amz-Target</c>, SigV4-signed. Throttling and server errors are
/// retried twice with jittered backoff.
/// </summary>
internal sealed class VerifiedPermissionsClient : IDisposable
{
    public const int MaxBatchSize = 30;
    private static readonly MediaTypeHeaderValue AwsJson = new("application/x-amz-json-1.0");
    private readonly SignedAwsClient _client;

    public string PolicyStoreId { get; }

    public VerifiedPermissionsClient(IOptions<AuthorizationProviderOptions> options)
    {
        var settings = options.Value.VerifiedPermissions;
        PolicyStoreId = string.IsNullOrWhiteSpace(settings.PolicyStoreId)
            ? throw new InvalidOperationException(
                "FlowConfigs:Authorization:Provider is 'VerifiedPermissions' but FlowConfigs:Authorization:VerifiedPermissions:PolicyStoreId is empty.")
            : settings.PolicyStoreId;
        _client = new SignedAwsClient(settings, "verifiedpermissions", "verifiedpermissions", "FlowConfigs:Authorization:VerifiedPermissions");
    }

    public Uri Endpoint => _client.Endpoint;

    /// <summary>Up to 30 requests sharing one entity list; the results come back in request order.</summary>
    public async Task<JsonArray> BatchIsAuthorizedAsync(JsonArray entities, JsonArray requests, CancellationToken cancellationToken)
    {
        if (requests.Count is 0 or > MaxBatchSize)
            throw new ArgumentOutOfRangeException(nameof(requests), $"BatchIsAuthorized takes 1 to {MaxBatchSize} requests.");
        var body = new JsonObject
        {
            ["policyStoreId"] = PolicyStoreId,
            ["entities"] = new JsonObject { ["entityList"] = entities },
            ["requests"] = requests,
        };
        var response = await CallAsync("BatchIsAuthorized", body, cancellationToken);
        var results = response["results"] as JsonArray
            ?? throw new InvalidOperationException("BatchIsAuthorized answered without results.");
        if (results.Count != requests.Count)
            throw new InvalidOperationException($"BatchIsAuthorized answered {results.Count} results for {requests.Count} requests.");
        return results;
    }

    /// <summary>The start-up and readiness check: the store exists and this task's role may use it.</summary>
    public Task<JsonObject> GetPolicyStoreAsync(CancellationToken cancellationToken) =>
        CallAsync("GetPolicyStore", new JsonObject { ["policyStoreId"] = PolicyStoreId }, cancellationToken);

    private async Task<JsonObject> CallAsync(string operation, JsonObject body, CancellationToken cancellationToken)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new ByteArrayContent(payload) };
            request.Content.Headers.ContentType = AwsJson;
            request.Headers.Add("X-Amz-Target", "VerifiedPermissions." + operation);
            AwsServiceException error;
            try
            {
                using var response = await _client.Http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                    return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                        ?? throw new InvalidOperationException($"{operation} answered with a body that is not a JSON object.");
                error = await AwsServiceException.ReadAsync("VerifiedPermissions", response, cancellationToken);
                if (!error.IsRetryable || attempt == 2) throw error;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt == 2) throw;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50 * (1 << attempt) + Random.Shared.Next(50)), cancellationToken);
        }
    }

    public void Dispose() => _client.Dispose();
}
