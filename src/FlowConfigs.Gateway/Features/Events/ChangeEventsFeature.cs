using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Hosting.Aws;
using FlowConfigs.Grains.Events;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Events;

/// <summary>
/// Change events leave through the configured provider. The grains write each one to the outbox with its change and
/// the dispatcher grain delivers it; this feature only says where to.
/// </summary>
internal static class ChangeEventsFeature
{
    public static WebApplicationBuilder AddChangeEvents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChangeEventDeliveryOptions>().BindConfiguration(EventsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var webhook = services.AddHttpClient(WebhookSink.ClientName, (provider, http) =>
            http.Timeout = provider.GetRequiredService<IOptions<EventsOptions>>().Value.Webhook.Timeout);
        // The dispatcher logs each failure with the event id; the factory's lines would repeat every POST.
        webhook.RemoveAllLoggers();
        // A redirect would carry the signed body to wherever the receiver points; it is a refusal instead.
        webhook.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSignedAwsClient(EventBridgeSink.Service, provider => provider.GetRequiredService<IOptions<EventsOptions>>().Value.EventBridge);

        services.AddSingleton<WebhookSink>();
        services.AddSingleton<EventBridgeSink>();
        services.AddSingleton<IChangeEventSink>(provider => provider.GetRequiredService<IOptions<EventsOptions>>().Value.Provider switch
        {
            ChangeEventProvider.Webhook => provider.GetRequiredService<WebhookSink>(),
            ChangeEventProvider.EventBridge => provider.GetRequiredService<EventBridgeSink>(),
            _ => new DiscardedChangeEvents(),
        });
        services.AddHealthChecks().AddCheck<ChangeEventsCheck>("events", HealthStatus.Degraded, tags: [DependencyHealth.Ready, DependencyHealth.Startup]);
        return builder;
    }

    /// <summary>
    /// Where events go. For EventBridge it resolves region and credentials, so a task that could never deliver stops at
    /// start with the setting to fix; it calls nothing, as the task role may only put events.
    /// </summary>
    private sealed class ChangeEventsCheck(IServiceProvider services, IOptions<EventsOptions> options) : ProbeHealthCheck
    {
        protected override Task<string> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(options.Value.Provider switch
        {
            ChangeEventProvider.Webhook => $"webhook to {string.Join(", ", services.GetRequiredService<WebhookSink>().Urls.Select(url => url.GetLeftPart(UriPartial.Path)))}",
            ChangeEventProvider.EventBridge => Describe(services.GetRequiredService<EventBridgeSink>()),
            _ => "off: events are dropped unsent",
        });

        private static string Describe(EventBridgeSink sink) => $"EventBridge bus {sink.BusName} in {sink.Region} at {sink.Endpoint}";
    }
}
