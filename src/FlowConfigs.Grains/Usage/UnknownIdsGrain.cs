using FlowConfigs.Domain.Usage;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Usage;

/// <summary>The unknown ids, and the cluster's one place that deletes usage past retention, once a day.</summary>
[GrainType("usage-unknown")]
public sealed partial class UnknownIdsGrain(DocumentStorage storage, TimeProvider clock, ILogger<UnknownIdsGrain> logger) : Grain, IUnknownIdsGrain
{
    /// <summary>The document kind the unknown ids' months are stored as.</summary>
    public const string Kind = "usage-unknown";

    private MonthlyDocuments<UnknownIdsMonth> _months = null!;
    private DateOnly _swept;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _months = new MonthlyDocuments<UnknownIdsMonth>(storage, Kind, owner: null, clock);
        return _months.LoadAsync(cancellationToken);
    }

    public async Task RecordAsync(IReadOnlyList<UnknownIdCount> counts)
    {
        foreach (var month in counts.GroupBy(c => UsageMonth.KeyOf(c.Day)))
            await _months.UpdateAsync(month.Key, stored => stored.With(month));
    }

    public Task<IReadOnlyList<UnknownIdUsage>> TopAsync(int days, int limit) =>
        Task.FromResult(UnknownIdsMonth.Top(_months.Kept, _months.Today.AddDays(-(days - 1)), limit));

    public async Task SweepAsync()
    {
        var today = _months.Today;
        if (_swept == today) return;
        try
        {
            var deleted = await UsageRetentionSweep.RunAsync(storage.Store, today);
            _swept = today;
            if (deleted > 0) LogSwept(logger, deleted);
        }
        catch (StorageUnavailableException exception)
        {
            LogSweepFailed(logger, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} usage months past retention")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting usage past retention failed and is tried again later: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
