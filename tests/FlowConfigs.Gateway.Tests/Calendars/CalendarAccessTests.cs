using System.Net;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Gateway.Features.Calendars;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Grains.Tests.Calendars;
using Microsoft.Extensions.DependencyInjection;
using static FlowConfigs.Gateway.Tests.Calendars.Calendars;

namespace FlowConfigs.Gateway.Tests.Calendars;

/// <summary>Who may read and change calendars, what a calendar reaches, and configs naming calendars that do not exist.</summary>
public sealed class CalendarAccessTests(CalendarGatewayFixture fixture) : IClassFixture<CalendarGatewayFixture>
{
    private async Task<HttpClient> ClientAsync(string user, string[] groups, string? full = null, string? edit = null, string? read = null) =>
        fixture.PublicClient(await fixture.TokenAsync(user, groups, full, edit, read));

    [Fact]
    public async Task Any_user_with_access_reads_but_only_Full_on_every_id_changes()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var id = NewId();
        await SaveAsync(admin, id);

        var readers = new[]
        {
            await ClientAsync("reese", ["FlowConfigRead"]),
            await ClientAsync("eddie", ["FlowConfigEdit"]),
            // Full on many configs, but not on every one: calendars reach configs beyond theirs.
            await ClientAsync("fran", [], full: "branch-*"),
        };
        foreach (var reader in readers)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Path(id))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/calendars")).StatusCode);
            var denied = await (await reader.SendAsync(Put(id, Holidays("mine now")))).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("Full access on every flow config (*)", denied["detail"]!.GetValue<string>());
            await (await reader.DeleteAsync(Path(id))).ProblemAsync(HttpStatusCode.Forbidden);
            await (await reader.PostAsync(Path(id) + "/import", Ics("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))).ProblemAsync(HttpStatusCode.Forbidden);
            await (await reader.PostAsync(Path(id) + "/rollback/1", null)).ProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Equal("US holidays", (await (await admin.GetAsync(Path(id))).ReadObjectAsync())["description"]!.GetValue<string>());

        var stranger = await ClientAsync("sam", ["Agents"]);
        await (await stranger.GetAsync(Path(id))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync("/api/calendars")).ProblemAsync(HttpStatusCode.Forbidden);

        var tagged = await ClientAsync("tina", [], full: "*");
        using var saved = await tagged.SendAsync(Put(id, Holidays("changed by a Full-on-* tag"), ifMatch: "\"1\""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var me = await (await tagged.GetAsync("/api/me")).ReadObjectAsync();
        Assert.True(me["canManageCalendars"]!.GetValue<bool>());
        Assert.False((await (await readers[2].GetAsync("/api/me")).ReadObjectAsync())["canManageCalendars"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_configs_a_calendar_reaches_are_listed_only_where_the_caller_may_read_them()
    {
        var id = NewId();
        CalendarNoticeRecorder.Referencing[id] = ["branch-austin", "branch-dallas", "queue/sales"];
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var branches = await ClientAsync("bea", [], read: "branch-*");

        async Task<string[]> ConfigsAsync(HttpClient client) =>
            (await (await client.GetAsync(Path(id) + "/configs")).ReadObjectAsync())["items"]!.AsArray().Select(i => i!.GetValue<string>()).ToArray();

        Assert.Equal(["branch-austin", "branch-dallas", "queue/sales"], await ConfigsAsync(admin));
        Assert.Equal(["branch-austin", "branch-dallas"], await ConfigsAsync(branches));
    }

    [Fact]
    public async Task A_change_over_HTTP_is_passed_to_every_referencing_config_before_the_answer()
    {
        var id = NewId();
        CalendarNoticeRecorder.Referencing[id] = ["branch-austin", "branch-dallas"];
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);

        await SaveAsync(admin, id);
        Assert.Equal(["branch-austin", "branch-dallas"], CalendarNoticeRecorder.NoticesOf(id).Select(n => n.Config).Order());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(Path(id) + "/import", Ics(CalendarImportTests.TwoHolidays))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Path(id))).StatusCode);
        Assert.Equal(6, CalendarNoticeRecorder.NoticesOf(id).Length);
    }

    [Fact]
    public async Task A_schedule_naming_a_calendar_that_does_not_exist_is_refused_at_its_entry()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var existing = NewId();
        await SaveAsync(admin, existing);
        var missing = NewId("missing");
        var config = new FlowConfig
        {
            Id = "branch-austin",
            Description = "Austin",
            Variables = new Dictionary<string, string> { ["closure"] = "false" },
            Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>(),
            Schedule =
            [
                new ScheduleEntry { Name = "Holidays", Calendar = existing },
                new ScheduleEntry { Name = "Typo", Calendar = missing },
                new ScheduleEntry { Name = "Window", Start = "2026-12-24T17:00", End = "2026-12-26T08:00" },
                new ScheduleEntry { Name = "Same typo", Calendar = missing },
                new ScheduleEntry { Name = "Not an id", Calendar = "../x" },
            ],
        };

        var errors = (await ScheduleCalendars.MissingAsync(config, fixture.Services.GetRequiredService<IGrainFactory>())).ToDictionary();

        Assert.Equal(["schedule[1].calendar", "schedule[3].calendar", "schedule[4].calendar"], errors.Keys.Order());
        Assert.Contains($"Calendar {missing} does not exist", errors["schedule[1].calendar"].Single());
        Assert.True((await ScheduleCalendars.MissingAsync(config with { Schedule = config.Schedule!.Take(1).ToList() },
            fixture.Services.GetRequiredService<IGrainFactory>())).IsEmpty);
    }
}
