using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Hosting.Aws;

namespace FlowConfigs.Gateway.Features.Events;

[TypeConverter(typeof(ProviderConverter<ChangeEventProvider>))]
public enum ChangeEventProvider
{
    /// <summary>Events are dropped from the outbox unsent, so it does not grow.</summary>
    None,

    /// <summary>Signed POSTs to every configured URL.</summary>
    Webhook,

    /// <summary>Amazon EventBridge PutEvents on one bus.</summary>
    EventBridge,
}

/// <summary>
/// Where change events go. The dispatcher's pacing (<c>PollInterval</c>, <c>FirstRetryDelay</c>, <c>MaxRetryDelay</c>,
/// <c>BatchSize</c>) binds from this section too, into the grains' own options.
/// </summary>
public sealed class EventsOptions : IValidatableObject
{
    public const string Section = "FlowConfigs:Events";

    public ChangeEventProvider Provider { get; set; } = ChangeEventProvider.None;

    public WebhookOptions Webhook { get; set; } = new();

    public EventBridgeOptions EventBridge { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == ChangeEventProvider.Webhook)
        {
            if (Webhook.Urls.Count == 0)
                yield return new ValidationResult(
                    "FlowConfigs:Events:Provider is 'Webhook' but FlowConfigs:Events:Webhook:Urls is empty (set FlowConfigs__Events__Webhook__Urls__0).",
                    [nameof(Webhook)]);
            for (var i = 0; i < Webhook.Urls.Count; i++)
                if (!Uri.TryCreate(Webhook.Urls[i], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                    yield return new ValidationResult(
                        $"FlowConfigs:Events:Webhook:Urls:{i} '{Webhook.Urls[i]}' is not an absolute http or https URL.", [nameof(Webhook)]);
            if (string.IsNullOrEmpty(Webhook.Secret))
                yield return new ValidationResult(
                    "FlowConfigs:Events:Provider is 'Webhook' but FlowConfigs:Events:Webhook:Secret is empty: receivers check every event's signature with it.",
                    [nameof(Webhook)]);
        }
        if (Webhook.Timeout <= TimeSpan.Zero || Webhook.Timeout > TimeSpan.FromMinutes(2))
            yield return new ValidationResult($"FlowConfigs:Events:Webhook:Timeout '{Webhook.Timeout}' must be above zero and at most 00:02:00.", [nameof(Webhook)]);
        if (Provider == ChangeEventProvider.EventBridge && string.IsNullOrWhiteSpace(EventBridge.BusName))
            yield return new ValidationResult(
                "FlowConfigs:Events:Provider is 'EventBridge' but FlowConfigs:Events:EventBridge:BusName is empty.", [nameof(EventBridge)]);
    }
}

public sealed class WebhookOptions
{
    /// <summary>Every URL gets every event; an event counts as delivered once all of them accepted it.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>Key of the <c>X-FlowConfigs-Signature</c> HMAC-SHA256.</summary>
    public string? Secret { get; set; }

    /// <summary>A receiver that has not answered within this has not accepted the event.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class EventBridgeOptions : AwsServiceOptions
{
    /// <summary>The bus's name or ARN.</summary>
    public string? BusName { get; set; }
}
