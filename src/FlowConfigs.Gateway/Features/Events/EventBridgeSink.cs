using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Hosting.Aws;
using FlowConfigs.Grains.Events;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace FlowConfigs.Gateway.Features.Events;

/// <summary>
/// Amazon EventBridge PutEvents over its awsJson 1.1 protocol (the SDK package is not available to us): source
/// <c>flowconfigs</c>, detail-type the event's <c>type</c>, detail the event itself, through the signed, retrying
/// <see cref="SignedAwsClient"/> named <see cref="ServiceName"/>. PutEvents answers 200 even when it refused the
/// entry, so the entry's own result decides.
/// </summary>
internal sealed class EventBridgeSink : IChangeEventSink
{
    public const string ServiceName = "events";
    public const string Source = "flowconfigs";
    public static readonly AwsService Service = new(ServiceName, "events", "events", "FlowConfigs:Events:EventBridge");
    private static readonly MediaTypeHeaderValue AwsJson = new("application/x-amz-json-1.1");
    private readonly IHttpClientFactory _http;
    private readonly AwsServiceEndpoint _endpoint;

    public EventBridgeSink(IOptions<EventsOptions> options, IHttpClientFactory http, [FromKeyedServices(ServiceName)] AwsServiceEndpoint endpoint)
    {
        BusName = options.Value.EventBridge.BusName ?? "";
        _http = http;
        _endpoint = endpoint;
    }

    public string BusName { get; }

    public Uri Endpoint => _endpoint.Url;

    public string Region => _endpoint.Region.SystemName;

    public async Task DeliverAsync(OutboxEvent change, CancellationToken cancellationToken)
    {
        var entry = new JsonObject
        {
            ["Source"] = Source,
            ["DetailType"] = change.Body["type"]?.DeepClone(),
            ["Detail"] = change.Body.ToJsonString(),
            ["EventBusName"] = BusName,
        };
        var body = new JsonObject { ["Entries"] = new JsonArray(entry) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString())) };
        request.Content.Headers.ContentType = AwsJson;
        request.Headers.Add("X-Amz-Target", "AWSEvents.PutEvents");
        try
        {
            using var response = await _http.CreateClient(ServiceName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var error = await AwsServiceException.ReadAsync("EventBridge", response, cancellationToken);
                throw new ChangeEventNotDeliveredException($"EventBridge refused PutEvents on bus {BusName}: {error.Message}", error);
            }
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                ?? throw new ChangeEventNotDeliveredException("EventBridge answered PutEvents with a body that is not a JSON object.");
            if (answer["FailedEntryCount"]?.GetValue<int>() is > 0)
            {
                var failed = answer["Entries"]?[0];
                throw new ChangeEventNotDeliveredException(
                    $"EventBridge did not put the event on bus {BusName}: {failed?["ErrorCode"]} {failed?["ErrorMessage"]}".TrimEnd());
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or JsonException)
        {
            throw new ChangeEventNotDeliveredException($"EventBridge could not be reached at {Endpoint}: {exception.Message}", exception);
        }
    }
}
