using FlowConfigs.Domain.Usage;
using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Grains.Usage;

[GrainType("usage")]
public sealed class ConfigUsageGrain(DocumentStorage storage, TimeProvider clock) : Grain, IConfigUsageGrain
{
    /// <summary>The document kind a config's usage months are stored as.</summary>
    public const string Kind = "usage";

    private MonthlyDocuments<UsageMonth> _months = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _months = new MonthlyDocuments<UsageMonth>(storage, Kind, this.GetPrimaryKeyString(), clock);
        return _months.LoadAsync(cancellationToken);
    }

    public async Task RecordAsync(IReadOnlyList<UsageCount> counts)
    {
        foreach (var month in counts.GroupBy(c => UsageMonth.KeyOf(c.Day)))
            await _months.UpdateAsync(month.Key, stored => stored.With(month));
    }

    public Task<ConfigUsageReport> GetAsync(int days) => Task.FromResult(Report(days));

    public Task<UsageSummary> SummaryAsync(int days) => Task.FromResult(UsageSummary.Of(Report(days)));

    private ConfigUsageReport Report(int days) =>
        ConfigUsageReport.Of(this.GetPrimaryKeyString(), _months.Kept.SelectMany(m => m.Days), _months.Today, days);
}
