using FlowConfigs.Domain;
using FlowConfigs.Grains.ReadCopies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;

namespace FlowConfigs.Grains;

public static class GrainsHosting
{
    /// <summary>What a silo running these grains needs besides its document store.</summary>
    public static ISiloBuilder AddFlowConfigsGrains(this ISiloBuilder silo)
    {
        AddDomainJson(silo.Services);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<Configs.LocalResolvedConfigs>();
        silo.Services.AddOptions<Configs.FlowConfigGrainOptions>();
        silo.Services.AddOptions<Events.ChangeEventDeliveryOptions>();
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<Events.ChangeEventMetrics>();
        silo.Services.AddOptions<AlwaysActiveGrainsOptions>();
        silo.Services.AddHostedService<AlwaysActiveGrainsKeeper>();
        silo.Services.AddOptions<Usage.UsageOptions>();
        silo.Services.TryAddSingleton<Usage.UsageCounters>();
        silo.Services.TryAddSingleton<Usage.UsageFlusher>();
        silo.Services.AddHostedService(services => services.GetRequiredService<Usage.UsageFlusher>());
        silo.AddOutgoingGrainCallFilter<RejectedCallRetry>();
        silo.AddReadCopies();
        // The host registers its own build; this one serves silos hosted elsewhere (tests, tools).
        silo.Services.TryAddSingleton(Operations.SiloBuild.Of(System.Reflection.Assembly.GetEntryAssembly() ?? typeof(GrainsHosting).Assembly));
        silo.Services.TryAddSingleton<Operations.SiloReports>();
        silo.AddGrainService<Operations.SiloReportService>();
        // The directory reads every config in the background once it activates: start that with the silo, so the
        // first list a person asks for is already served from memory.
        silo.AddStartupTask((services, cancellationToken) =>
        {
            var grains = services.GetRequiredService<IGrainFactory>();
            _ = WakeDirectoryAsync(grains);
            _ = WakeDraftsAsync(grains);
            // Events acknowledged before a restart go out without waiting for the next write's nudge.
            _ = WakeDispatcherAsync(grains);
            return Task.CompletedTask;
        });
        return silo;
    }

    private static async Task WakeDirectoryAsync(IGrainFactory grains)
    {
        try
        {
            await grains.GetGrain<Listing.IFlowConfigDirectoryGrain>(0).PageAsync(null, null, 0);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            // Still reading, or storage is not answering: the directory tries again when next asked.
        }
    }

    /// <summary>The draft directory wakes configs whose publish is scheduled, so one falls due even if nobody asks for that config.</summary>
    private static async Task WakeDraftsAsync(IGrainFactory grains)
    {
        try
        {
            await grains.GetGrain<Drafts.IDraftDirectoryGrain>(0).ListAsync();
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            // Storage is not answering: the directory reads again when next asked.
        }
    }

    private static async Task WakeDispatcherAsync(IGrainFactory grains)
    {
        try
        {
            await grains.GetGrain<Events.IChangeEventDispatcherGrain>(0).NudgeAsync();
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            // The keeper's next nudge, or the next write's, wakes it.
        }
    }

    /// <summary>For external clients (tests, tools): they must read grain messages the way silos write them, and call them the same way.</summary>
    public static IClientBuilder AddFlowConfigsClient(this IClientBuilder client)
    {
        AddDomainJson(client.Services);
        client.AddOutgoingGrainCallFilter<RejectedCallRetry>();
        return client;
    }

    /// <summary>
    /// Lets grain messages carry the domain's records as JSON: the domain stays free of Orleans attributes, and the
    /// wire shape is the same camelCase JSON the API and storage use.
    /// </summary>
    private static void AddDomainJson(IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("FlowConfigs.Domain", StringComparison.Ordinal) == true,
            jsonSerializerOptions: DomainJson.Options));
}
