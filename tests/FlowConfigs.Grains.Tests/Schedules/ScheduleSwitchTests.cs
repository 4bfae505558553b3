using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.ReadCopies;
using FlowConfigs.Grains.Tests.Configs;

namespace FlowConfigs.Grains.Tests.Schedules;

/// <summary>
/// GetConfig answers change at a schedule's boundaries on every silo, with no write: the hosting silo's snapshot and
/// the other silo's read copy both switch at the second the clock reaches the boundary.
/// </summary>
[Collection(FakeClockClusterCollection.Name)]
public sealed class ScheduleSwitchTests(FakeClockCluster cluster)
{
    private static readonly ResolveDefaults Defaults = ResolveDefaults.None;

    /// <summary>Christmas closure in Chicago: 24 Dec 17:00 CST (23:00 UTC) to 26 Dec 08:00 CST (14:00 UTC).</summary>
    private static FlowConfig ChristmasClosure(string id, string greeting = "<speak>Hello.</speak>") => SampleConfigs.Branch(id, greeting: greeting) with
    {
        TimeZone = "America/Chicago",
        Schedule =
        [
            new ScheduleEntry
            {
                Name = "Christmas closure",
                Start = "2026-12-24T17:00",
                End = "2026-12-26T08:00",
                Variables = new Dictionary<string, string> { ["closure"] = "true" },
                Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
                {
                    ["greeting"] = new Dictionary<string, PromptText> { ["en-US"] = new("<speak>We are closed.</speak>") },
                },
            },
        ],
    };

    private async Task<(string Closure, string Greeting, ResolvedSource Source)[]> ReadEverywhereAsync(string id)
    {
        var answers = new List<(string, string, ResolvedSource)>();
        foreach (var copies in cluster.SiloCopies())
        {
            var (resolved, source) = await copies.ReadAsync(id, "en-US", ContactChannel.Voice, Defaults);
            var map = JsonSerializer.Deserialize<Dictionary<string, string>>(resolved!.Utf8Json)!;
            answers.Add((map["closure"], map["greeting"], source));
        }
        return [.. answers];
    }

    private static void AssertEverywhere(string closure, (string Closure, string Greeting, ResolvedSource Source)[] answers)
    {
        Assert.All(answers, answer => Assert.Equal(closure, answer.Closure));
        Assert.Equal([ResolvedSource.Local, ResolvedSource.Copy], answers.Select(a => a.Source).Order());
    }

    private void SetClock(DateTimeOffset at)
    {
        Assert.True(at >= FakeClockCluster.Clock.GetUtcNow(), "this collection's clock only moves forward");
        FakeClockCluster.Clock.SetUtcNow(at);
    }

    [Fact]
    public async Task A_window_switches_on_both_silos_at_its_start_and_its_end_to_the_second()
    {
        SetClock(new DateTimeOffset(2026, 12, 24, 22, 59, 59, TimeSpan.Zero));
        var id = SampleConfigs.NewId("closure");
        await cluster.Grains.GetGrain<IFlowConfigGrain>(id).SaveAsync(ChristmasClosure(id), SaveCondition.None, "alice", AccessLevel.Full);
        await ReadEverywhereAsync(id); // the other silo fetches its copy
        AssertEverywhere("false", await ReadEverywhereAsync(id));

        FakeClockCluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var closed = await ReadEverywhereAsync(id);
        AssertEverywhere("true", closed);
        Assert.All(closed, answer => Assert.Equal("<speak>We are closed.</speak>", answer.Greeting));

        SetClock(new DateTimeOffset(2026, 12, 26, 13, 59, 59, TimeSpan.Zero));
        AssertEverywhere("true", await ReadEverywhereAsync(id));
        FakeClockCluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var open = await ReadEverywhereAsync(id);
        AssertEverywhere("false", open);
        Assert.All(open, answer => Assert.Equal("<speak>Hello.</speak>", answer.Greeting));

        // No write made any of that happen.
        Assert.Equal(1, (await cluster.Grains.GetGrain<IFlowConfigGrain>(id).GetAsync())!.Version);
    }

    [Fact]
    public async Task A_boundary_passing_while_a_save_waits_on_storage_switches_on_time_and_the_save_lands_in_the_new_stretch()
    {
        var id = SampleConfigs.NewId("inflight");
        var eve = new DateTimeOffset(2026, 12, 24, 22, 0, 0, TimeSpan.Zero);
        SetClock(eve < FakeClockCluster.Clock.GetUtcNow() ? FakeClockCluster.Clock.GetUtcNow() : eve);
        // Shift the window so its start is two minutes from whatever this collection's clock says now.
        var local = FakeClockCluster.Clock.GetUtcNow().AddMinutes(2).ToOffset(TimeSpan.FromHours(-6));
        var config = ChristmasClosure(id) with
        {
            Schedule = [ChristmasClosure(id).Schedule![0] with { Start = local.ToString("yyyy-MM-ddTHH:mm"), End = local.AddHours(1).ToString("yyyy-MM-ddTHH:mm") }],
        };
        var grain = cluster.Grains.GetGrain<IFlowConfigGrain>(id);
        await grain.SaveAsync(config, SaveCondition.None, "alice", AccessLevel.Full);
        await ReadEverywhereAsync(id);
        AssertEverywhere("false", await ReadEverywhereAsync(id));

        FakeClockCluster.Storage.Hold(id);
        Task<SaveOutcome> saving;
        try
        {
            saving = grain.SaveAsync(ChristmasClosure(id, greeting: "<speak>Welcome back.</speak>") with { Schedule = config.Schedule }, SaveCondition.None, "bob", AccessLevel.Full);
            await Task.Delay(200);
            Assert.False(saving.IsCompleted, "the write should be waiting on storage");

            // The boundary passes (the grain's timer fires now) while the save is still in flight.
            FakeClockCluster.Clock.Advance(TimeSpan.FromMinutes(2));
            var during = await ReadEverywhereAsync(id).WaitAsync(TimeSpan.FromSeconds(5));
            AssertEverywhere("true", during);
            Assert.All(during, answer => Assert.Equal("<speak>We are closed.</speak>", answer.Greeting));
        }
        finally
        {
            FakeClockCluster.Storage.Release();
        }

        Assert.Equal(SaveStatus.Updated, (await saving).Status);
        // Just after a save the other silo may still be fetching the new version (answered through the grain
        // meanwhile): only the values matter here.
        var after = await ReadEverywhereAsync(id);
        Assert.All(after, answer => Assert.Equal("true", answer.Closure));
        Assert.All(after, answer => Assert.Equal("<speak>We are closed.</speak>", answer.Greeting));
        var spanish = await cluster.SiloCopies()[0].ReadAsync(id, "es-US", ContactChannel.Voice, Defaults);
        Assert.Equal("true", JsonSerializer.Deserialize<Dictionary<string, string>>(spanish.Config!.Utf8Json)!["closure"]);
        Assert.Equal(2, (await grain.GetAsync())!.Version);
    }
}
