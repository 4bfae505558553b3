using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Domain.Tests.ChangeControl;

public sealed class ConfigDiffTests
{
    private static FlowConfig Config(string greeting = "Hello.", string? zone = null, params ScheduleEntry[] schedule) => new()
    {
        Id = "queue/sales",
        Description = "Sales",
        Variables = new Dictionary<string, string> { ["closure"] = "false", ["priority"] = "low" },
        Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
        {
            ["greeting"] = new Dictionary<string, PromptText> { ["en-US"] = new(greeting), ["es-US"] = new("Hola.") },
        },
        TimeZone = zone,
        Schedule = schedule,
    };

    private static ScheduleEntry Entry(string name, string start = "2026-12-24T17:00") =>
        new() { Name = name, Start = start, End = "2026-12-26T08:00", Variables = new Dictionary<string, string> { ["closure"] = "true" } };

    [Fact]
    public void One_line_per_changed_field_prompt_language_and_schedule_entry()
    {
        var before = Config(schedule: [Entry("Christmas"), Entry("New Year")]);
        var after = Config("Welcome.", "America/Chicago", Entry("New Year"), Entry("Christmas", "2026-12-24T16:00"), Entry("Storm"));
        var changes = ConfigDiff.Between(before, after);
        Assert.Equal(
            [("timeZone", "added"), ("prompts.greeting.en-US", "changed"), ("schedule.Christmas", "changed"), ("schedule.Storm", "added"), ("schedule.order", "changed")],
            changes.Select(c => (c.Path, c.Kind)));
        Assert.Equal("Hello.", changes[1].Before!["voice"]!.GetValue<string>());
    }

    [Fact]
    public void Nothing_changed_is_no_line_and_a_new_config_is_all_added()
    {
        Assert.Empty(ConfigDiff.Between(Config(), Config()));
        var created = ConfigDiff.Between(null, Config());
        Assert.All(created, c => Assert.Equal("added", c.Kind));
        Assert.Contains(created, c => c.Path == "variables.priority");
        Assert.All(ConfigDiff.Between(Config(), null), c => Assert.Equal("removed", c.Kind));
    }
}
