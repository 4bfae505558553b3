using CultureInfo = System.Globalization.CultureInfo;
using System.Text.Json;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Tests.Configs;
using Microsoft.Extensions.Time.Testing;

namespace FlowConfigs.Grains.Tests.Schedules;

/// <summary>A snapshot answers with the stretch in effect at each moment, whether or not its boundary timer ran.</summary>
public sealed class ResolvedSnapshotTests
{
    private static readonly DateTimeOffset Origin = new(2026, 12, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, Calendar> NoCalendars = new Dictionary<string, Calendar>();

    /// <summary>Ten one-second windows, three seconds apart, offset by <paramref name="shift"/> seconds.</summary>
    private static FlowConfig Seconds(int shift) => SampleConfigs.Branch("seconds") with
    {
        TimeZone = "UTC",
        Schedule = [.. Enumerable.Range(0, 10).Select(w => new ScheduleEntry
        {
            Name = $"Second {w}",
            Start = Origin.AddSeconds(w * 3 + shift).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            End = Origin.AddSeconds(w * 3 + shift + 1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            Variables = new Dictionary<string, string> { ["closure"] = "true" },
        })],
    };

    private static string Closure(ResolvedSnapshot snapshot) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(snapshot.Resolve("en-US", ContactChannel.Voice, ResolveDefaults.None).Utf8Json)!["closure"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_boundary_of_many_short_windows_switches_the_answer_at_its_second(int shift)
    {
        var clock = new FakeTimeProvider(Origin.AddSeconds(-1).AddTicks(370_123));
        var snapshot = new ResolvedSnapshot(Seconds(shift), NoCalendars, clock);
        var wrong = new List<string>();
        for (var step = 0; step < 350; step++)
        {
            var now = clock.GetUtcNow();
            var offset = (now - Origin).TotalSeconds - shift;
            var expected = offset >= 0 && offset < 30 && offset % 3 < 1 ? "true" : "false";
            if (Closure(snapshot) != expected) wrong.Add($"+{(now - Origin).TotalSeconds:F1} s");
            clock.Advance(TimeSpan.FromTicks(970_031));
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_next_stretch_is_worked_out_in_the_background_and_swapped_in_at_the_boundary()
    {
        var clock = new FakeTimeProvider(Origin.AddSeconds(-1));
        var snapshot = new ResolvedSnapshot(Seconds(0), NoCalendars, clock);
        var first = snapshot.Current("UTC");
        Assert.Empty(first.Active);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (first.Following is null && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        var prepared = first.Following;
        Assert.NotNull(prepared);
        Assert.Equal(["Second 0"], prepared.Active);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Same(prepared, snapshot.Current("UTC"));
        Assert.Equal("true", Closure(snapshot));
    }
}
