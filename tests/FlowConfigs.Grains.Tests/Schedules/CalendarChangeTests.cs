using System.Diagnostics;
using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Calendars;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.ReadCopies;
using FlowConfigs.Grains.Tests.Configs;

namespace FlowConfigs.Grains.Tests.Schedules;

/// <summary>
/// An emergency calendar shared by three branches: adding an event closes all three at once, on the hosting silo and
/// in the other silo's read copies, and removing it opens them again, with no write to any config.
/// </summary>
[Collection(FakeClockClusterCollection.Name)]
public sealed class CalendarChangeTests(FakeClockCluster cluster)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    private static FlowConfig Branch(string id, string calendar) => SampleConfigs.Branch(id) with
    {
        TimeZone = "America/Chicago",
        Schedule = [new ScheduleEntry { Name = "Emergency closure", Calendar = calendar, Variables = new Dictionary<string, string> { ["closure"] = "true" } }],
    };

    private async Task<string[]> ClosuresAsync(IEnumerable<string> ids)
    {
        var closures = new List<string>();
        foreach (var id in ids)
            foreach (var copies in cluster.SiloCopies())
            {
                var (resolved, _) = await copies.ReadAsync(id, "en-US", ContactChannel.Voice, ResolveDefaults.None);
                closures.Add(JsonSerializer.Deserialize<Dictionary<string, string>>(resolved!.Utf8Json)!["closure"]);
            }
        return [.. closures];
    }

    /// <summary>Polls until every silo answers <paramref name="closure"/> for every id; how long that took.</summary>
    private async Task<TimeSpan> EverywhereWithinAsync(string[] ids, string closure)
    {
        var clock = Stopwatch.StartNew();
        while (!(await ClosuresAsync(ids)).All(c => c == closure))
        {
            Assert.True(clock.Elapsed < Bound, $"not every silo answered closure={closure} within {Bound.TotalSeconds} s: {string.Join(",", await ClosuresAsync(ids))}");
            await Task.Delay(20);
        }
        return clock.Elapsed;
    }

    [Fact]
    public async Task A_calendar_change_reaches_every_referencing_config_on_every_silo_within_a_second()
    {
        var calendarId = SampleConfigs.NewId("storm");
        var calendar = cluster.Grains.GetGrain<ICalendarGrain>(calendarId);
        Assert.Equal(SaveStatus.Created, (await calendar.SaveAsync(
            new Calendar { Id = calendarId, Description = "Emergency closures", Events = [] }, SaveCondition.None, "alice")).Status);
        var ids = Enumerable.Range(0, 3).Select(i => SampleConfigs.NewId($"branch{i}")).ToArray();
        foreach (var id in ids)
            await cluster.Grains.GetGrain<IFlowConfigGrain>(id).SaveAsync(Branch(id, calendarId), SaveCondition.None, "alice", AccessLevel.Full);
        await ClosuresAsync(ids); // every silo holds a copy or the activation
        Assert.All(await ClosuresAsync(ids), c => Assert.Equal("false", c));

        // Today, in each branch's own zone, whatever this collection's clock says.
        var today = FakeClockCluster.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(-6)).Date;
        var storm = new CalendarEvent("Storm", today.ToString("yyyy-MM-ddT00:00"), today.AddDays(2).ToString("yyyy-MM-ddT00:00"));
        var saved = await calendar.SaveAsync(new Calendar { Id = calendarId, Description = "Emergency closures", Events = [storm] }, SaveCondition.None, "alice");
        Assert.Equal(SaveStatus.Updated, saved.Status);
        var closing = await EverywhereWithinAsync(ids, "true");

        await calendar.DeleteAsync(SaveCondition.None, "alice");
        var opening = await EverywhereWithinAsync(ids, "false");

        foreach (var id in ids)
            Assert.Equal(1, (await cluster.Grains.GetGrain<IFlowConfigGrain>(id).GetAsync())!.Version);
        Console.WriteLine($"closed everywhere {closing.TotalMilliseconds:F0} ms after the save answered, open again {opening.TotalMilliseconds:F0} ms after the delete");
    }

    [Fact]
    public async Task A_calendar_that_cannot_be_read_when_its_config_activates_applies_once_a_retry_reads_it()
    {
        var calendarId = SampleConfigs.NewId("unread");
        var today = FakeClockCluster.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(-6)).Date;
        var storm = new CalendarEvent("Storm", today.ToString("yyyy-MM-ddT00:00"), today.AddDays(2).ToString("yyyy-MM-ddT00:00"));
        await cluster.Grains.GetGrain<ICalendarGrain>(calendarId).SaveAsync(
            new Calendar { Id = calendarId, Description = "Emergency closures", Events = [storm] }, SaveCondition.None, "alice");
        // The calendar grain goes away, and storage stops answering for it before the config first activates.
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var id = SampleConfigs.NewId("branch");
        FakeClockCluster.Storage.Unreadable = calendarId;
        try
        {
            await cluster.Grains.GetGrain<IFlowConfigGrain>(id).SaveAsync(Branch(id, calendarId), SaveCondition.None, "alice", AccessLevel.Full);
            Assert.All(await ClosuresAsync([id]), c => Assert.Equal("false", c));
        }
        finally
        {
            FakeClockCluster.Storage.Unreadable = null;
        }

        // The config's retry timer (every 2 s) reads it now that storage answers; nothing is written.
        FakeClockCluster.Clock.Advance(TimeSpan.FromSeconds(2));
        await EverywhereWithinAsync([id], "true");
        Assert.Equal(1, (await cluster.Grains.GetGrain<IFlowConfigGrain>(id).GetAsync())!.Version);
    }
}
