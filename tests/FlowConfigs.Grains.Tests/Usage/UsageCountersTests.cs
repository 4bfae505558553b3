using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Usage;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Usage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FlowConfigs.Grains.Tests.Usage;

public sealed class UsageCountersTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 23, 59, 0, TimeSpan.Zero);
    private static readonly ResolvedConfig Complete = new([]);
    private static readonly ResolvedConfig Lacking = new([]) { MissingPrompts = ["holiday", "legal"], UsedFallback = true };

    private static UsageCounters Counters(FakeTimeProvider clock, int maxUnknownIds = 1000, int maxCounters = 50_000, bool enabled = true) =>
        new(Options.Create(new UsageOptions { MaxUnknownIds = maxUnknownIds, MaxCounters = maxCounters, Enabled = enabled }), clock);

    [Fact]
    public void Counts_reads_by_config_language_channel_and_day_with_fallback_missing_prompts_and_last_read()
    {
        var clock = new FakeTimeProvider(Start);
        var counters = Counters(clock);
        counters.Record("q", "en-US", ConnectChannel.Voice, Complete);
        counters.Record("q", "en-US", ConnectChannel.Voice, Complete);
        counters.Record("q", "fr-CA", ConnectChannel.Chat, Lacking);
        clock.Advance(TimeSpan.FromMinutes(2)); // past midnight UTC: a new day
        counters.Record("q", "fr-CA", ConnectChannel.Chat, Lacking);
        counters.Record("nobody/has/this", "en-US", ConnectChannel.Voice, null);

        var drain = counters.Drain();
        var counts = drain.Counts.OrderBy(c => c.Count.Day).ThenBy(c => c.Count.Language).Select(c => (c.Id, c.Count)).ToList();
        Assert.Equal(3, counts.Count);
        var (_, english) = counts[0];
        Assert.Equal((new DateOnly(2026, 11, 27), "en-US", "voice", 2L, 0L), (english.Day, english.Language, english.Channel, english.Reads, english.Fallback));
        Assert.Empty(english.MissingPrompts);
        var (_, french) = counts[1];
        Assert.Equal((new DateOnly(2026, 11, 27), "chat", 1L, 1L), (french.Day, french.Channel, french.Reads, french.Fallback));
        Assert.Equal(new Dictionary<string, long> { ["holiday"] = 1, ["legal"] = 1 }, french.MissingPrompts);
        Assert.Equal(Start, french.LastReadAt);
        Assert.Equal((new DateOnly(2026, 11, 28), Start.AddMinutes(2)), (counts[2].Count.Day, counts[2].Count.LastReadAt));
        Assert.Equal(new UnknownIdCount(new DateOnly(2026, 11, 28), "nobody/has/this", 1, Start.AddMinutes(2)), drain.UnknownIds.Single());

        // Each read is drained once.
        Assert.True(counters.Drain().IsEmpty);
    }

    [Fact]
    public void Counts_nothing_when_disabled()
    {
        var counters = Counters(new FakeTimeProvider(Start), enabled: false);
        counters.Record("q", "en-US", ConnectChannel.Voice, Complete);
        counters.Record("typo", "en-US", ConnectChannel.Voice, null);
        Assert.True(counters.Drain().IsEmpty);
    }

    [Fact]
    public async Task Reads_racing_drains_land_in_exactly_one_drain()
    {
        var counters = Counters(new FakeTimeProvider(Start));
        const int Threads = 4, PerThread = 200_000;
        var drained = new List<UsageDrain>();
        using var stop = new CancellationTokenSource();
        var drainer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) drained.Add(counters.Drain());
        });
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
                counters.Record($"c{i % 8}", t % 2 == 0 ? "en-US" : "es-US", ConnectChannel.Voice, (i & 1) == 0 ? Complete : Lacking);
        })));
        await stop.CancelAsync();
        await drainer;
        drained.Add(counters.Drain());
        drained.Add(counters.Drain()); // counters retired by the one before are taken once more

        var all = drained.SelectMany(d => d.Counts).Select(c => c.Count).ToList();
        Assert.Equal(Threads * PerThread, all.Sum(c => c.Reads));
        Assert.Equal(Threads * PerThread / 2, all.Sum(c => c.Fallback));
        Assert.Equal(Threads * PerThread / 2, all.Sum(c => c.MissingPrompts.GetValueOrDefault("holiday")));
    }

    [Fact]
    public void Counts_a_failed_flush_put_back_come_out_in_the_next_one()
    {
        var counters = Counters(new FakeTimeProvider(Start));
        counters.Record("q", "fr-CA", ConnectChannel.Task, Lacking);
        counters.Record("typo", "en-US", ConnectChannel.Voice, null);
        var failed = counters.Drain();
        counters.Record("q", "fr-CA", ConnectChannel.Task, Lacking);
        counters.Restore(failed);

        var next = counters.Drain();
        var count = next.Counts.Single().Count;
        Assert.Equal(("task", 2L, 2L, 2L), (count.Channel, count.Reads, count.Fallback, count.MissingPrompts["legal"]));
        Assert.Equal(1, next.UnknownIds.Single().Reads);
    }

    [Fact]
    public void Past_the_counter_cap_new_languages_share_one_counter()
    {
        var counters = Counters(new FakeTimeProvider(Start), maxCounters: 100);
        for (var i = 0; i < 300; i++)
            counters.Record("q", $"l{i:000}-ZZ", ConnectChannel.Voice, Complete);

        var counts = counters.Drain().Counts.Select(c => c.Count).ToList();
        Assert.Equal(101, counts.Count);
        Assert.Equal(200, counts.Single(c => c.Language == UsageDay.OtherLanguage).Reads);
        Assert.Equal(300, counts.Sum(c => c.Reads));
    }

    [Fact]
    public void A_flood_of_random_unknown_ids_is_held_in_fixed_memory_and_a_steady_one_keeps_its_place()
    {
        var counters = Counters(new FakeTimeProvider(Start), maxUnknownIds: 200);
        for (var i = 0; i < 100_000; i++)
        {
            counters.Record(Guid.NewGuid().ToString("N"), "en-US", ConnectChannel.Voice, null);
            if (i % 20 == 0) counters.Record("queue/tpyo", "en-US", ConnectChannel.Voice, null);
            Assert.True(counters.UnknownIdsTracked <= 200);
        }

        var unknown = counters.Drain().UnknownIds;
        Assert.Equal(200, unknown.Count);
        var typo = unknown.Single(u => u.Id == "queue/tpyo");
        // Its guaranteed count: it was never the least counted, so nothing it was asked for is lost.
        Assert.Equal(5000, typo.Reads);
        Assert.All(unknown.Where(u => u.Id != "queue/tpyo"), u => Assert.True(u.Reads <= 2));
    }
}
