using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Domain.Tests.Schedules;

public sealed class ScheduleSizeTests
{
    private static FlowConfig Config(params ScheduleEntry[] entries) => new()
    {
        Id = "x",
        Description = "d",
        Variables = new Dictionary<string, string> { ["a"] = new('a', 10_000), ["b"] = new('b', 10_000) },
        Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
        {
            ["welcome"] = new Dictionary<string, PromptText> { ["en-US"] = new("Hi") },
        },
        Schedule = entries,
    };

    private static ScheduleEntry Overriding(string name, string variable, int length) => new()
    {
        Name = name,
        Calendar = "c",
        Variables = new Dictionary<string, string> { [variable] = new('z', length) },
    };

    [Fact]
    public void Entries_that_fit_alone_but_not_together_break_the_limit_and_say_so()
    {
        // Each alone: 20,000 + 10,000 bytes. Both active: 40,000.
        var config = Config(Overriding("Storm", "a", 20_000), Overriding("Holiday", "b", 20_000));
        var violation = FlowConfigRules.CheckSize(config, null);
        Assert.NotNull(violation);
        Assert.Equal("en-US/voice", violation!.Field);
        Assert.Contains("schedule overrides", violation.Message);
        Assert.InRange(violation.Bytes, 40_000, 40_200);

        Assert.Null(FlowConfigRules.CheckSize(config with { Schedule = [config.Schedule![0]] }, null));
    }

    [Fact]
    public void Overrides_of_the_same_key_count_once_with_the_longest_value()
    {
        var config = Config(Overriding("Storm", "a", 20_000), Overriding("Holiday", "a", 21_000));
        Assert.Null(FlowConfigRules.CheckSize(config, null));
    }

    [Fact]
    public void A_language_only_an_override_adds_is_checked_too()
    {
        var entry = new ScheduleEntry
        {
            Name = "Spanish closure",
            Calendar = "c",
            Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
            {
                ["welcome"] = new Dictionary<string, PromptText> { ["es-US"] = new(new string('c', 14_000)) },
            },
        };
        var violation = FlowConfigRules.CheckSize(Config(entry), null);
        Assert.Equal("es-US/voice", violation!.Field);
        Assert.Contains("with schedule overrides", violation.Message);
    }

    [Fact]
    public void Over_the_limit_without_any_override_the_message_is_the_plain_one()
    {
        var config = Config(Overriding("Storm", "a", 5)) with
        {
            Variables = new Dictionary<string, string> { ["a"] = new('a', 40_000), ["b"] = "" },
        };
        var violation = FlowConfigRules.CheckSize(config, null);
        Assert.DoesNotContain("schedule", violation!.Message);
    }
}
