using System.Diagnostics;
using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Domain.Settings;
using FlowConfigs.Gateway.Features.Speech;
using FlowConfigs.Grains.Calendars;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Listing;
using FlowConfigs.Grains.Settings;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.SampleData;

internal static class SampleDataFeature
{
    /// <summary>Registered after the silo, so seeding runs against a running silo.</summary>
    public static WebApplicationBuilder AddSampleData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SampleDataOptions>().BindConfiguration(SampleDataOptions.Section);
        builder.Services.AddHostedService<SampleDataSeeder>();
        return builder;
    }
}

public sealed class SampleDataOptions
{
    public const string Section = "FlowConfigs:SampleData";

    /// <summary>Seed sample configs and settings when storage is empty (never saved settings, no configs).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Gives a first run something real to look at. Runs once the silo is up (it is registered after it) and only
/// against empty storage (or storage holding only an interrupted seed), so it never overwrites or re-creates
/// anything a user changed or deleted.
/// </summary>
internal sealed class SampleDataSeeder(IGrainFactory grains, IOptions<SampleDataOptions> options, IOptions<SpeechOptions> speech,
    ILogger<SampleDataSeeder> logger) : IHostedService
{
    private const string SeedUser = "flowconfigs-sample-data";

    /// <summary>How long a start-up keeps trying when grain calls time out (a machine too busy to answer in time).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        var patience = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await SeedEmptyStorageAsync();
                return;
            }
            catch (TimeoutException exception) when (patience.Elapsed < Patience)
            {
                // A seed runs again safely: each write needs its id absent and settings come last. A call that timed
                // out on a busy machine is no reason to stop the whole process.
                logger.LogWarning("Sample data: a call timed out ({Reason}); trying again", exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                // Storage that cannot be read is not empty storage: leave it alone and let the task serve what it can.
                logger.LogWarning("Sample data not considered: {Reason}", exception.Message);
                return;
            }
        }
    }

    private async Task SeedEmptyStorageAsync()
    {
        var settingsGrain = grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key);
        // Settings are written last: once they exist, seeding finished (or storage was never empty). Another tool's
        // settings item has no version of ours but does have locales.
        var settings = await settingsGrain.GetAsync();
        if (settings.Version > 0 || settings.Locales.Count > 0) return;
        if (await AnyConfigNotSeededAsync()) return;

        // Calendars first: the configs' schedules name them.
        foreach (var calendar in ReadCalendars())
            await grains.GetGrain<ICalendarGrain>(calendar.Id).SaveAsync(calendar, new SaveCondition(MustNotExist: true), SeedUser);
        foreach (var config in ReadConfigs())
            await grains.GetGrain<IFlowConfigGrain>(config.Id).SaveAsync(config, new SaveCondition(MustNotExist: true), SeedUser, AccessLevel.Full);
        await settingsGrain.SaveAsync(ForProvider(ReadSettings(), speech.Value.Provider), expectedVersion: 0, SeedUser);
        logger.LogInformation("Seeded sample calendars, flow configs and settings into empty storage");
    }

    private async Task<bool> AnyConfigNotSeededAsync()
    {
        const int pageSize = 1000;
        var directory = grains.GetGrain<IFlowConfigDirectoryGrain>(0);
        for (string? after = null; ; )
        {
            var page = await PageWhenLoadedAsync(directory, after, pageSize);
            if (page.Any(s => s.UpdatedBy != SeedUser)) return true;
            if (page.Length < pageSize) return false;
            after = page[^1].Id;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The directory reads storage in the background after it activates; start-up waits for that, within reason.</summary>
    private static async Task<FlowConfigSummary[]> PageWhenLoadedAsync(IFlowConfigDirectoryGrain directory, string? after, int count)
    {
        var patience = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return (await directory.PageAsync(null, after, count)).Value;
            }
            catch (StorageFaultException) when (patience.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(250);
            }
        }
    }

    private static IEnumerable<FlowConfig> ReadConfigs()
    {
        using var document = JsonDocument.Parse(Resource("sample-configs.json"));
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var read = FlowConfigDocument.Read(item, null);
            yield return read.IsValid ? read.Value! : throw new InvalidOperationException($"Sample config is invalid: {read.Errors}");
        }
    }

    private static IEnumerable<Calendar> ReadCalendars()
    {
        using var document = JsonDocument.Parse(Resource("sample-calendars.json"));
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var read = CalendarDocument.Read(item, null);
            yield return read.IsValid ? read.Value! : throw new InvalidOperationException($"Sample calendar is invalid: {read.Errors}");
        }
    }

    private static AppSettings ReadSettings()
    {
        using var document = JsonDocument.Parse(Resource("sample-settings.json"));
        var read = AppSettingsDocument.Read(document.RootElement);
        return read.IsValid ? read.Value! : throw new InvalidOperationException($"Sample settings are invalid: {read.Errors}");
    }

    /// <summary>
    /// The sample names Polly's voices; locally each locale gets the espeak-ng voice for its language instead, so the
    /// seeded settings hold voices the running provider offers and save again unchanged.
    /// </summary>
    private static AppSettings ForProvider(AppSettings settings, SpeechProvider provider) => provider == SpeechProvider.Polly
        ? settings
        : settings with
        {
            Locales = settings.Locales
                .Select(l => l with { Voices = EspeakLanguages.Voices.TryGetValue(l.Code, out var voice) ? [voice] : [] })
                .ToList(),
        };

    private static Stream Resource(string name) =>
        typeof(SampleDataSeeder).Assembly.GetManifestResourceStream($"FlowConfigs.Gateway.SampleData.{name}")
        ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
}
