using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FlowConfigs.Grains.Events;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Events;

/// <summary>
/// POSTs each event's JSON to every configured URL, signed: <c>X-FlowConfigs-Signature: sha256=&lt;hex HMAC-SHA256 of
/// the body&gt;</c> with the shared secret, over exactly the bytes sent. Delivered once every URL answered 2xx; a URL
/// that accepted may get the event again when another refused it (receivers de-duplicate by <c>X-FlowConfigs-Event-Id</c>).
/// </summary>
internal sealed class WebhookSink : IChangeEventSink
{
    public const string ClientName = "flowconfigs-webhook";
    public const string SignatureHeader = "X-FlowConfigs-Signature";
    public const string EventIdHeader = "X-FlowConfigs-Event-Id";
    public const string EventTypeHeader = "X-FlowConfigs-Event-Type";
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly IHttpClientFactory _http;
    private readonly Uri[] _urls;
    private readonly byte[] _secret;
    private readonly TimeSpan _timeout;

    public WebhookSink(IHttpClientFactory http, IOptions<EventsOptions> options)
    {
        var webhook = options.Value.Webhook;
        _http = http;
        _urls = webhook.Urls.Select(url => new Uri(url, UriKind.Absolute)).ToArray();
        _secret = Encoding.UTF8.GetBytes(webhook.Secret ?? "");
        _timeout = webhook.Timeout;
    }

    public IReadOnlyList<Uri> Urls => _urls;

    public static string Sign(byte[] secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    public async Task DeliverAsync(OutboxEvent change, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(change.Body.ToJsonString());
        var signature = Sign(_secret, body);
        var type = change.Body["type"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
        var refusals = (await Task.WhenAll(_urls.Select(url => PostAsync(url, body, signature, change.EventId, type, cancellationToken))))
            .OfType<string>().ToArray();
        if (refusals.Length > 0)
            throw new ChangeEventNotDeliveredException(string.Join("; ", refusals));
    }

    /// <summary>Null when accepted, else why not; the URL is named without its query, which may carry a token.</summary>
    private async Task<string?> PostAsync(Uri url, byte[] body, string signature, string eventId, string? type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(SignatureHeader, signature);
        request.Headers.Add(EventIdHeader, eventId);
        if (type is not null) request.Headers.Add(EventTypeHeader, type);
        var named = url.GetLeftPart(UriPartial.Path);
        try
        {
            using var response = await _http.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"{named} answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException exception)
        {
            return $"{named} could not be reached: {exception.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{named} did not answer within {_timeout}";
        }
    }
}
