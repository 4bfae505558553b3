using FlowConfigs.Domain.Usage;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Usage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>Usage months through the storage boundary, on each real provider: written, read back, forgotten past 90 days.</summary>
public abstract class UsageStorageContract : DocumentStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private DocumentStorage Storage(TimeProvider clock) =>
        // No change events are written here, so the nudge never calls a grain.
        new(Open(), new UnreadableDocuments(), new OutboxNudge(null!, NullLogger<OutboxNudge>.Instance), clock, NullLoggerFactory.Instance);

    private static UsageCount Count(DateOnly day, long reads) => new(day, "en-US", "voice", reads, 0, Start) { MissingPrompts = new Dictionary<string, long> { ["holiday"] = reads } };

    [Fact]
    public async Task Usage_months_are_stored_read_back_and_the_month_past_retention_is_deleted()
    {
        var clock = new FakeTimeProvider(Start);
        var owner = NewId("queue/usage");
        var today = DateOnly.FromDateTime(Start.UtcDateTime);

        var writer = new MonthlyDocuments<UsageMonth>(Storage(clock), ConfigUsageGrain.Kind, owner, clock);
        await writer.LoadAsync(CancellationToken.None);
        await writer.UpdateAsync("2026-08", m => m.With([Count(new DateOnly(2026, 8, 31), 4)]));
        await writer.UpdateAsync("2026-11", m => m.With([Count(today, 2)]));
        await writer.UpdateAsync("2026-11", m => m.With([Count(today, 3), Count(today.AddDays(-1), 1)]));

        // Another activation (a restart) reads what was acknowledged.
        var reader = new MonthlyDocuments<UsageMonth>(Storage(clock), ConfigUsageGrain.Kind, owner, clock);
        await reader.LoadAsync(CancellationToken.None);
        var report = ConfigUsageReport.Of(owner, reader.Kept.SelectMany(m => m.Days), reader.Today, 90);
        Assert.Equal(10, report.Reads);
        Assert.Equal(5, report.Days[^1].Reads);
        Assert.Equal(5, report.Days[^1].MissingPrompts["en-US"]["holiday"]);
        Assert.Equal(4, report.Days.Single(d => d.Day == new DateOnly(2026, 8, 31)).Reads);

        // Ten weeks on, August is past retention: the sweep deletes it; November stays.
        clock.Advance(TimeSpan.FromDays(70));
        Assert.True(await UsageRetentionSweep.RunAsync(Open(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) >= 1);
        var later = new MonthlyDocuments<UsageMonth>(Storage(clock), ConfigUsageGrain.Kind, owner, clock);
        await later.LoadAsync(CancellationToken.None);
        var august = await Open().ReadAsync(new DocumentKey(ConfigUsageGrain.Kind, $"2026-08/{owner}"));
        Assert.NotNull(august);
        Assert.Null(august.Body);
        Assert.NotNull((await Open().ReadAsync(new DocumentKey(ConfigUsageGrain.Kind, $"2026-11/{owner}")))!.Body);
        Assert.Equal(6, ConfigUsageReport.Of(owner, later.Kept.SelectMany(m => m.Days), later.Today, 90).Reads);
    }

    [Fact]
    public async Task Two_writers_of_one_month_add_up()
    {
        var clock = new FakeTimeProvider(Start);
        var owner = NewId("queue/usage");
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        var first = new MonthlyDocuments<UsageMonth>(Storage(clock), ConfigUsageGrain.Kind, owner, clock);
        var second = new MonthlyDocuments<UsageMonth>(Storage(clock), ConfigUsageGrain.Kind, owner, clock);
        await first.LoadAsync(CancellationToken.None);
        await second.LoadAsync(CancellationToken.None);

        // A silo lost and found again can leave two activations for a while: neither loses the other's counts.
        await first.UpdateAsync("2026-11", m => m.With([Count(today, 2)]));
        await second.UpdateAsync("2026-11", m => m.With([Count(today, 5)]));

        var reader = new MonthlyDocuments<UsageMonth>(Storage(clock), ConfigUsageGrain.Kind, owner, clock);
        await reader.LoadAsync(CancellationToken.None);
        Assert.Equal(7, reader.Kept.Single().Days.Single().Reads);
    }
}
