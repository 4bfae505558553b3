using FlowConfigs.Domain.Usage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Usage;

/// <summary>
/// Hands this task's counts to the usage grains every <see cref="UsageOptions.FlushEvery"/>, and once more when the
/// task stops. Counts a grain could not store go back into the counters for the next flush, so storage trouble delays
/// them and loses nothing while the task lives; a task killed outright loses at most one interval.
/// </summary>
public sealed partial class UsageFlusher(UsageCounters counters, IGrainFactory grains, IOptions<UsageOptions> options, TimeProvider clock,
    ILogger<UsageFlusher> logger) : BackgroundService
{
    /// <summary>Configs handed on at once: enough to finish a flush of thousands within an interval, few enough not to flood the silo.</summary>
    private const int Parallelism = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushEvery, clock);
        try
        {
            var lastSweep = DateOnly.MinValue;
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(CancellationToken.None);
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                if (today != lastSweep)
                    lastSweep = await SweepAsync() ? today : lastSweep;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Stopping in order (a deploy, a scale-in): what was counted since the last flush is not left behind.
        await FlushAsync(cancellationToken);
    }

    /// <summary>One flush: every count taken so far, handed to its grain; what fails goes back.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var drain = counters.Drain();
        if (drain.IsEmpty) return;
        var failed = new List<(string, UsageCount)>();
        var byConfig = drain.Counts.GroupBy(c => c.Id, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(byConfig, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (config, _) =>
            {
                try
                {
                    await grains.GetGrain<IConfigUsageGrain>(config.Key).RecordAsync([.. config.Select(c => c.Count)]);
                }
                catch (Exception exception) when (exception is OrleansException or TimeoutException or InvalidOperationException)
                {
                    LogFlushFailed(logger, config.Key, exception.Message);
                    lock (failed) failed.AddRange(config);
                }
            });
        var unknownFailed = false;
        if (drain.UnknownIds.Count > 0)
        {
            try
            {
                await grains.GetGrain<IUnknownIdsGrain>(0).RecordAsync(drain.UnknownIds);
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException or InvalidOperationException)
            {
                LogFlushFailed(logger, "(unknown ids)", exception.Message);
                unknownFailed = true;
            }
        }
        if (failed.Count > 0 || unknownFailed)
            counters.Restore(new UsageDrain(failed, unknownFailed ? drain.UnknownIds : []));
    }

    /// <summary>Asks for the daily retention sweep; the grain runs it once a day however many tasks ask.</summary>
    private async Task<bool> SweepAsync()
    {
        try
        {
            await grains.GetGrain<IUnknownIdsGrain>(0).SweepAsync();
            return true;
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or InvalidOperationException)
        {
            LogFlushFailed(logger, "(retention sweep)", exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Usage of {Id} was not stored and goes with the next flush: {Reason}")]
    private static partial void LogFlushFailed(ILogger logger, string id, string reason);
}
