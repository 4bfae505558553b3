using FlowConfigs.Domain.Settings;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Settings;

namespace FlowConfigs.Gateway.Features.Settings;

/// <summary>
/// This process's copy of the settings, for the GetConfig hot path (it needs the fallback locale and the default
/// zone on every call).
/// Saves through this gateway update it at once; saves through another cluster member arrive within
/// <see cref="RefreshInterval"/>.
/// </summary>
internal sealed class SettingsSnapshot(IGrainFactory grains, ILogger<SettingsSnapshot> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private volatile State _state = new(new AppSettings { Locales = [] });

    public AppSettings Current => _state.Settings;

    /// <summary>What resolution takes from the settings, built once per version.</summary>
    public ResolveDefaults Defaults => _state.Defaults;

    public void Update(AppSettings settings)
    {
        if (settings.Version >= _state.Settings.Version)
            _state = new State(settings);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _state = new State(await grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key).GetAsync());
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            // Unreadable, unreachable or slow settings must not stop GetConfig: it runs without a fallback locale until
            // the refresh below reads them. Slow is a timeout, not an Orleans exception: storage slower than a grain
            // call may wait (or a starved machine) once took the whole task down at start.
            logger.LogError("Settings could not be read at start; serving without them until they can be: {Reason}", exception.Message);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                Update(await grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key).GetAsync());
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Refreshing settings failed; keeping version {Version}", _state.Settings.Version);
            }
        }
    }

    private sealed class State(AppSettings settings)
    {
        public AppSettings Settings => settings;
        public ResolveDefaults Defaults { get; } = new(settings.FallbackLocale, settings.TimeZone ?? ResolveDefaults.DefaultTimeZone);
    }
}
