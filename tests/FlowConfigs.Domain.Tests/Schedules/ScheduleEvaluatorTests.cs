using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;
using static FlowConfigs.Domain.Tests.Schedules.Schedules;

namespace FlowConfigs.Domain.Tests.Schedules;

public class ScheduleEvaluatorTests
{
    [Fact]
    public void Without_a_schedule_the_stored_config_itself_is_in_effect_for_ever()
    {
        var config = Config("America/Chicago");
        var state = At(config, "2026-12-25T12:00:00");
        Assert.Same(config, state.Effective);
        Assert.Empty(state.Active);
        Assert.Null(state.Until);
    }

    [Theory]
    [InlineData("2026-12-24T22:59:59", false, "2026-12-24T23:00:00")]
    [InlineData("2026-12-24T23:00:00", true, "2026-12-26T14:00:00")]
    [InlineData("2026-12-24T23:00:01", true, "2026-12-26T14:00:00")]
    [InlineData("2026-12-26T13:59:59", true, "2026-12-26T14:00:00")]
    [InlineData("2026-12-26T14:00:00", false, null)]
    [InlineData("2026-12-26T14:00:01", false, null)]
    public void A_window_is_active_from_its_start_up_to_but_not_at_its_end(string utc, bool active, string? until)
    {
        // 17:00 and 08:00 Chicago (CST, UTC-6) are 23:00Z and 14:00Z.
        var config = Config("America/Chicago", Window("Christmas closure", "2026-12-24T17:00", "2026-12-26T08:00"));
        var state = At(config, utc);
        Assert.Equal(active ? ["Christmas closure"] : [], state.Active);
        Assert.Equal(active ? "true" : "false", state.Effective.Variables["closure"]);
        Assert.Equal(until is null ? null : Utc(until), state.Until);
    }

    [Fact]
    public void Until_is_given_in_the_zone_of_the_config()
    {
        var config = Config("America/Chicago", Window("Christmas closure", "2026-12-24T17:00", "2026-12-26T08:00"));
        Assert.Equal(TimeSpan.FromHours(-6), At(config, "2026-12-24T12:00:00").Until!.Value.Offset);
    }

    [Fact]
    public void Without_a_zone_of_its_own_the_config_is_read_in_the_default_zone_and_an_unknown_zone_is_UTC()
    {
        var noZone = Config(null, Window("w", "2026-12-24T17:00", "2026-12-24T18:00"));
        var inLondon = ScheduleEvaluator.At(noZone, "Europe/Helsinki", NoCalendars, Utc("2026-12-24T15:00:00"));
        Assert.Equal(["w"], inLondon.Active); // 17:00 EET is 15:00Z

        var unknown = Config("Mars/Olympus_Mons", Window("w", "2026-12-24T17:00", "2026-12-24T18:00"));
        Assert.Equal(["w"], At(unknown, "2026-12-24T17:00:00").Active);
    }

    [Theory]
    [InlineData("2027-03-14T07:59:59", false, "2027-03-14T08:00:00")]
    [InlineData("2027-03-14T08:00:00", true, "2027-03-14T09:00:00")]
    [InlineData("2027-03-14T08:59:59", true, "2027-03-14T09:00:00")]
    [InlineData("2027-03-14T09:00:00", false, null)]
    public void A_start_inside_the_spring_forward_gap_begins_at_the_first_instant_after_it(string utc, bool active, string? until)
    {
        // 02:00 does not exist in Chicago on 14 March 2027: the window opens at 03:00 CDT (08:00Z) and closes at 04:00 CDT.
        var config = Config("America/Chicago", Window("Maintenance", "2027-03-14T02:00", "2027-03-14T04:00"));
        var state = At(config, utc);
        Assert.Equal(active, state.Active.Count == 1);
        Assert.Equal(until is null ? null : Utc(until), state.Until);
    }

    [Theory]
    [InlineData("2026-11-01T05:59:59", false, "2026-11-01T06:00:00")]
    [InlineData("2026-11-01T06:00:00", true, "2026-11-01T06:30:00")]
    [InlineData("2026-11-01T06:29:59", true, "2026-11-01T06:30:00")]
    [InlineData("2026-11-01T06:30:00", false, null)]
    [InlineData("2026-11-01T07:15:00", false, null)] // 01:15 again, now CST: the second pass of the clock is not the window
    public void An_ambiguous_fall_back_time_takes_the_earlier_instant(string utc, bool active, string? until)
    {
        var config = Config("America/Chicago", Window("Overlap", "2026-11-01T01:00", "2026-11-01T01:30"));
        var state = At(config, utc);
        Assert.Equal(active, state.Active.Count == 1);
        Assert.Equal(until is null ? null : Utc(until), state.Until);
    }

    [Theory]
    [InlineData("2026-12-06T07:59:59", false, "2026-12-06T08:00:00")] // 02:00 CST is 08:00Z
    [InlineData("2026-12-06T08:00:00", true, "2026-12-06T10:00:00")]
    [InlineData("2026-12-07T12:00:00", false, "2026-12-13T08:00:00")] // Monday: the next Sunday
    [InlineData("2027-03-14T08:00:00", true, "2027-03-14T09:00:00")] // 02:00 is in the gap: 03:00 CDT to 04:00 CDT
    [InlineData("2027-03-21T06:59:59", false, "2027-03-21T07:00:00")] // 02:00 CDT is 07:00Z
    [InlineData("2027-03-21T07:00:00", true, "2027-03-21T09:00:00")]
    [InlineData("2027-03-21T09:00:00", false, "2027-03-28T07:00:00")]
    public void A_weekly_repeat_keeps_its_local_start_and_length_across_DST(string utc, bool active, string until)
    {
        var config = Config("America/Chicago", Window("Sunday maintenance", "2026-11-29T02:00", "2026-11-29T04:00", "FREQ=WEEKLY;BYDAY=SU",
            ("maxWaitTime", "60")));
        var state = At(config, utc);
        Assert.Equal(active, state.Active.Count == 1);
        Assert.Equal(active ? "60" : "600", state.Effective.Variables["maxWaitTime"]);
        Assert.Equal(Utc(until), state.Until);
    }

    [Fact]
    public void A_weekly_repeat_started_decades_ago_is_still_evaluated_exactly()
    {
        // 2 January 2000 was a Sunday.
        var config = Config("America/Chicago", Window("Sunday maintenance", "2000-01-02T02:00", "2000-01-02T04:00", "FREQ=WEEKLY"));
        var state = At(config, "2030-07-07T08:30:00"); // Sunday 03:30 CDT
        Assert.Equal(["Sunday maintenance"], state.Active);
        Assert.Equal(Utc("2030-07-07T09:00:00"), state.Until);
        Assert.Equal(Utc("2030-07-14T07:00:00"), At(config, "2030-07-07T09:00:00").Until);
    }

    [Theory]
    [InlineData("2030-12-25T05:59:59", false, "2030-12-25T06:00:00")]
    [InlineData("2030-12-25T06:00:00", true, "2030-12-26T06:00:00")]
    [InlineData("2030-12-26T05:59:59", true, "2030-12-26T06:00:00")]
    [InlineData("2030-12-26T06:00:00", false, "2031-12-25T06:00:00")]
    public void A_yearly_repeat_comes_back_every_year(string utc, bool active, string until)
    {
        var config = Config("America/Chicago", Window("Christmas", "2020-12-25T00:00", "2020-12-26T00:00", "FREQ=YEARLY"));
        var state = At(config, utc);
        Assert.Equal(active, state.Active.Count == 1);
        Assert.Equal(Utc(until), state.Until);
    }

    [Fact]
    public void A_repeat_with_a_count_ends_after_its_last_occurrence()
    {
        var config = Config("UTC", Window("Three days", "2026-12-01T09:00", "2026-12-01T10:00", "FREQ=DAILY;COUNT=3"));
        Assert.Equal(Utc("2026-12-03T09:00:00"), At(config, "2026-12-02T10:00:00").Until);
        Assert.Null(At(config, "2026-12-03T10:00:00").Until);
        Assert.Empty(At(config, "2026-12-04T09:30:00").Active);
    }

    [Fact]
    public void A_repeat_with_until_includes_an_occurrence_starting_at_until_and_none_after()
    {
        var config = Config("UTC", Window("Daily", "2026-12-01T09:00", "2026-12-01T10:00", "FREQ=DAILY;UNTIL=20261203T090000"));
        Assert.Equal(["Daily"], At(config, "2026-12-03T09:30:00").Active);
        Assert.Empty(At(config, "2026-12-04T09:30:00").Active);
        Assert.Null(At(config, "2026-12-03T10:00:00").Until);
    }

    [Fact]
    public void Overlapping_entries_the_first_listed_wins_per_variable_and_per_prompt_language()
    {
        var first = Window("Storm", "2026-12-24T10:00", "2026-12-24T12:00") with
        {
            Variables = new Dictionary<string, string> { ["closure"] = "true" },
            Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
            {
                ["welcome"] = new Dictionary<string, PromptText> { ["en-US"] = new("Storm closure.") },
            },
        };
        var second = Window("Holiday hours", "2026-12-24T11:00", "2026-12-24T13:00") with
        {
            Variables = new Dictionary<string, string> { ["closure"] = "false", ["maxWaitTime"] = "60" },
            Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
            {
                ["welcome"] = new Dictionary<string, PromptText> { ["en-US"] = new("Holiday hours."), ["es-US"] = new("Horario festivo.") },
            },
        };
        var config = Config("UTC", first, second);

        var both = At(config, "2026-12-24T11:30:00");
        Assert.Equal(["Storm", "Holiday hours"], both.Active);
        Assert.Equal("true", both.Effective.Variables["closure"]);
        Assert.Equal("60", both.Effective.Variables["maxWaitTime"]);
        Assert.Equal("medium", both.Effective.Variables["priority"]);
        Assert.Equal(new PromptText("Storm closure."), both.Effective.Prompts["welcome"]["en-US"]);
        Assert.Equal(new PromptText("Horario festivo."), both.Effective.Prompts["welcome"]["es-US"]);
        Assert.Equal(Utc("2026-12-24T12:00:00"), both.Until);
        Assert.Equal(["closure", "maxWaitTime", "priority"], both.Effective.Variables.Keys);

        var secondOnly = At(config, "2026-12-24T12:00:00");
        Assert.Equal(["Holiday hours"], secondOnly.Active);
        Assert.Equal("false", secondOnly.Effective.Variables["closure"]);
        Assert.Equal(new PromptText("Holiday hours."), secondOnly.Effective.Prompts["welcome"]["en-US"]);
        Assert.Equal(Utc("2026-12-24T13:00:00"), secondOnly.Until);
    }

    [Fact]
    public void A_prompt_override_replaces_only_the_languages_it_names()
    {
        var entry = Window("Closed", "2026-12-24T10:00", "2026-12-24T12:00") with
        {
            Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
            {
                ["welcome"] = new Dictionary<string, PromptText> { ["es-US"] = new("Cerrado.") },
            },
        };
        var state = At(Config("UTC", entry), "2026-12-24T11:00:00");
        Assert.Equal(new PromptText("<speak>Welcome.</speak>", "Welcome."), state.Effective.Prompts["welcome"]["en-US"]);
        Assert.Equal(new PromptText("Cerrado."), state.Effective.Prompts["welcome"]["es-US"]);
    }

    [Fact]
    public void The_effective_config_keeps_id_version_zone_and_schedule()
    {
        var config = Config("America/Chicago", Window("w", "2026-12-24T10:00", "2026-12-24T12:00"));
        var effective = At(config, "2026-12-24T17:00:00").Effective;
        Assert.NotSame(config, effective);
        Assert.Equal(("branch", 7L, "America/Chicago"), (effective.Id, effective.Version, effective.TimeZone));
        Assert.Same(config.Schedule, effective.Schedule);
    }

    [Fact]
    public void An_override_of_a_key_the_config_no_longer_has_is_ignored()
    {
        var config = Config("UTC", Window("w", "2026-12-24T10:00", "2026-12-24T12:00", null, ("gone", "1"), ("closure", "true")));
        var effective = At(config, "2026-12-24T11:00:00").Effective;
        Assert.False(effective.Variables.ContainsKey("gone"));
        Assert.Equal("true", effective.Variables["closure"]);
    }

    [Fact]
    public void Nothing_changing_within_400_days_gives_a_re_check_point_400_days_ahead()
    {
        var always = Config("UTC", Window("Every day", "2026-01-01T00:00", "2026-01-02T00:00", "FREQ=DAILY"));
        var state = At(always, "2026-06-01T12:00:00");
        Assert.Equal(["Every day"], state.Active);
        Assert.Equal(Utc("2026-06-01T12:00:00").AddDays(400), state.Until);

        var farAway = Config("UTC", Window("Far", "2030-01-01T00:00", "2030-01-02T00:00"));
        Assert.Equal(Utc("2026-06-01T12:00:00").AddDays(400), At(farAway, "2026-06-01T12:00:00").Until);
        Assert.Equal(Utc("2030-01-01T00:00:00"), At(farAway, "2029-06-01T00:00:00").Until);
    }

    [Fact]
    public void A_start_the_rule_does_not_match_is_not_itself_an_occurrence()
    {
        // 30 November 2026 is a Monday: the first window is the following Sunday's.
        var config = Config("UTC", Window("Sundays", "2026-11-30T02:00", "2026-11-30T04:00", "FREQ=WEEKLY;BYDAY=SU"));
        var monday = At(config, "2026-11-30T03:00:00");
        Assert.Empty(monday.Active);
        Assert.Equal(Utc("2026-12-06T02:00:00"), monday.Until);
    }
}

