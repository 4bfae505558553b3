using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Hosting.Aws;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>
/// Amazon Verified Permissions over its awsJson 1.0 protocol (the SDK package is not available to us): one POST to
/// the service root per call, the operation in <c>X-Amz-Target</c>, through the signed, retrying
/// <see cref="SignedAwsClient"/> named <see cref="Service"/>.
/// </summary>
internal sealed class VerifiedPermissionsClient
{
    public const int MaxBatchSize = 30;
    public const string ServiceName = "verifiedpermissions";
    public static readonly AwsService Service = new(ServiceName, "verifiedpermissions", "verifiedpermissions", "FlowConfigs:Authorization:VerifiedPermissions");
    private static readonly MediaTypeHeaderValue AwsJson = new("application/x-amz-json-1.0");
    private readonly IHttpClientFactory _http;
    private readonly AwsServiceEndpoint _endpoint;

    public string PolicyStoreId { get; }

    public VerifiedPermissionsClient(
        IOptions<AuthorizationProviderOptions> options, IHttpClientFactory http, [FromKeyedServices(ServiceName)] AwsServiceEndpoint endpoint)
    {
        var settings = options.Value.VerifiedPermissions;
        PolicyStoreId = string.IsNullOrWhiteSpace(settings.PolicyStoreId)
            ? throw new InvalidOperationException(
                "FlowConfigs:Authorization:Provider is 'VerifiedPermissions' but FlowConfigs:Authorization:VerifiedPermissions:PolicyStoreId is empty.")
            : settings.PolicyStoreId;
        _http = http;
        _endpoint = endpoint;
    }

    public Uri Endpoint => _endpoint.Url;

    public string Region => _endpoint.Region.SystemName;

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
        using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())) };
        request.Content.Headers.ContentType = AwsJson;
        request.Headers.Add("X-Amz-Target", "VerifiedPermissions." + operation);
        using var response = await _http.CreateClient(ServiceName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await AwsServiceException.ReadAsync("VerifiedPermissions", response, cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
            ?? throw new InvalidOperationException($"{operation} answered with a body that is not a JSON object.");
    }
}
