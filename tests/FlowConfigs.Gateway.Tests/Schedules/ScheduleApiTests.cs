using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Schedules;

/// <summary>
/// A schedule through the public API: preview at any moment (local or with an offset), the timeline of which entries
/// apply when, previews of unsaved schedules, and who may change what.
/// </summary>
public sealed class ScheduleApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> AdminAsync() => fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));

    private async Task<HttpClient> EditorAsync() => fixture.PublicClient(await fixture.TokenAsync("eddie", ["FlowConfigEdit"]));

    /// <summary>Closed from Christmas Eve 17:00 to 26 December 08:00, Chicago time; Sunday maintenance every week since October (daylight time).</summary>
    public static JsonObject Holidays(string zone = "America/Chicago")
    {
        var document = Documents.Branch();
        document["timeZone"] = zone;
        document["schedule"] = new JsonArray(
            new JsonObject
            {
                ["name"] = "Christmas closure",
                ["start"] = "2026-12-24T17:00",
                ["end"] = "2026-12-26T08:00",
                ["variables"] = new JsonObject { ["closure"] = "true" },
                ["prompts"] = new JsonObject { ["greeting"] = new JsonObject { ["en-US"] = new JsonObject { ["voice"] = "<speak>We are closed.</speak>" } } },
            },
            new JsonObject
            {
                ["name"] = "Sunday maintenance",
                ["start"] = "2026-10-04T02:00",
                ["end"] = "2026-10-04T04:00",
                ["repeat"] = "FREQ=WEEKLY;BYDAY=SU",
                ["variables"] = new JsonObject { ["priority"] = "low" },
            });
        return document;
    }

    private async Task<(HttpClient Admin, string Id)> SavedHolidaysAsync()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("holidays");
        await Documents.SaveAsync(admin, id, Holidays());
        return (admin, id);
    }

    [Theory]
    [InlineData("2026-12-24T16:59:59", "false", "<speak>Hello.</speak>")]
    [InlineData("2026-12-24T17:00", "true", "<speak>We are closed.</speak>")]
    [InlineData("2026-12-24T23:00:00Z", "true", "<speak>We are closed.</speak>")]
    [InlineData("2026-12-26T07:59:59-06:00", "true", "<speak>We are closed.</speak>")]
    [InlineData("2026-12-26T08:00", "false", "<speak>Hello.</speak>")]
    public async Task Resolve_at_a_moment_applies_the_entries_active_then(string at, string closure, string greeting)
    {
        var (admin, id) = await SavedHolidaysAsync();

        using var response = await admin.GetAsync($"{Documents.Path(id)}/resolve?lang=en-US&at={Uri.EscapeDataString(at)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var map = await response.ReadMapAsync();
        Assert.Equal(closure, map["closure"]);
        Assert.Equal(greeting, map["greeting"]);
    }

    [Fact]
    public async Task A_weekly_repeat_keeps_its_local_hours_across_the_change_to_standard_time()
    {
        var (admin, id) = await SavedHolidaysAsync();

        // 6 December is a Sunday in standard time (UTC-6): 02:30 local is 08:30 UTC.
        var during = await (await admin.GetAsync($"{Documents.Path(id)}/resolve?at=2026-12-06T08:30:00Z")).ReadMapAsync();
        var before = await (await admin.GetAsync($"{Documents.Path(id)}/resolve?at=2026-12-06T07:30:00Z")).ReadMapAsync();

        Assert.Equal("low", during["priority"]);
        Assert.Equal("medium", before["priority"]);
    }

    [Theory]
    [InlineData("resolve?at=tomorrow", "at")]
    [InlineData("resolve?at=2026-13-01T00:00", "at")]
    [InlineData("timeline?from=noon", "from")]
    [InlineData("timeline?from=2026-12-24T00:00&to=2026-12-23T00:00", "to")]
    [InlineData("timeline?from=2026-01-01T00:00&to=2028-01-01T00:00", "to")]
    public async Task Unreadable_moments_and_ranges_are_refused_naming_the_parameter(string query, string field)
    {
        var (admin, id) = await SavedHolidaysAsync();

        using var response = await admin.GetAsync($"{Documents.Path(id)}/{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadObjectAsync())["errors"]![field] is not null, $"the problem should name '{field}'");
    }

    [Fact]
    public async Task The_timeline_lists_contiguous_segments_with_the_zones_offsets()
    {
        var (admin, id) = await SavedHolidaysAsync();

        using var response = await admin.GetAsync($"{Documents.Path(id)}/timeline?from=2026-12-24T00:00&to=2026-12-27T00:00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var segments = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var flat = segments.Select(s => (Start: DateTimeOffset.Parse(s!["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            End: DateTimeOffset.Parse(s!["end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Entries: string.Join("|", s!["entries"]!.AsArray().Select(e => e!.GetValue<string>())))).ToArray();
        Assert.Equal(
        [
            (new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.FromHours(-6)), new DateTimeOffset(2026, 12, 24, 17, 0, 0, TimeSpan.FromHours(-6)), ""),
            (new DateTimeOffset(2026, 12, 24, 17, 0, 0, TimeSpan.FromHours(-6)), new DateTimeOffset(2026, 12, 26, 8, 0, 0, TimeSpan.FromHours(-6)), "Christmas closure"),
            (new DateTimeOffset(2026, 12, 26, 8, 0, 0, TimeSpan.FromHours(-6)), new DateTimeOffset(2026, 12, 27, 0, 0, 0, TimeSpan.FromHours(-6)), ""),
        ], flat);
        Assert.EndsWith("-06:00", segments[0]!["start"]!.GetValue<string>());
    }

    [Fact]
    public async Task Preview_of_an_unsaved_schedule_applies_it_at_the_moment_asked()
    {
        var admin = await AdminAsync();
        var document = Holidays();
        document["id"] = Documents.NewId("draft");

        using var closed = await admin.PostAsync("/api/flow-config/preview",
            Documents.Json(new JsonObject { ["flowConfig"] = document, ["lang"] = "en-US", ["at"] = "2026-12-25T09:00" }));
        using var open = await admin.PostAsync("/api/flow-config/preview",
            Documents.Json(new JsonObject { ["flowConfig"] = Holidays().Also(d => d["id"] = document["id"]!.GetValue<string>()), ["lang"] = "en-US", ["at"] = "2026-12-27T09:00" }));
        using var unreadable = await admin.PostAsync("/api/flow-config/preview",
            Documents.Json(new JsonObject { ["flowConfig"] = Holidays().Also(d => d["id"] = "x"), ["at"] = "Christmas" }));

        Assert.Equal("true", (await closed.ReadMapAsync())["closure"]);
        Assert.Equal("false", (await open.ReadMapAsync())["closure"]);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.True((await unreadable.ReadObjectAsync())["errors"]!["at"] is not null);
    }

    [Fact]
    public async Task Previews_at_a_moment_read_a_named_calendars_events_in_the_configs_zone()
    {
        var admin = await AdminAsync();
        var calendar = Documents.NewId("holidays");
        var created = new HttpRequestMessage(HttpMethod.Put, "/api/calendars/" + calendar)
        {
            Content = Documents.Json(new JsonObject
            {
                ["description"] = "Holidays",
                ["events"] = new JsonArray(new JsonObject
                {
                    ["name"] = "Christmas Day", ["start"] = "2026-12-25T00:00", ["end"] = "2026-12-26T00:00", ["repeat"] = "FREQ=YEARLY",
                }),
            }),
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(created)).StatusCode);
        var document = Documents.Branch();
        document["timeZone"] = "America/Chicago";
        document["schedule"] = new JsonArray(new JsonObject
        {
            ["name"] = "Holidays", ["calendar"] = calendar, ["variables"] = new JsonObject { ["closure"] = "true" },
        });
        var id = Documents.NewId("calendar-preview");
        await Documents.SaveAsync(admin, id, document);

        async Task<string> SavedAtAsync(string at) =>
            (await (await admin.GetAsync($"{Documents.Path(id)}/resolve?at={Uri.EscapeDataString(at)}")).ReadMapAsync())["closure"];
        async Task<string> UnsavedAtAsync(string at) =>
            (await (await admin.PostAsync("/api/flow-config/preview", Documents.Json(new JsonObject
            {
                ["flowConfig"] = JsonNode.Parse(document.ToJsonString())!.AsObject().Also(d => d["id"] = id), ["at"] = at,
            }))).ReadMapAsync())["closure"];

        // Christmas Day 2030 in Chicago: from 06:00 UTC on the 25th to 06:00 UTC on the 26th.
        Assert.Equal("false", await SavedAtAsync("2030-12-25T05:59:59Z"));
        Assert.Equal("true", await SavedAtAsync("2030-12-25T06:00:00Z"));
        Assert.Equal("true", await SavedAtAsync("2030-12-25T23:00"));
        Assert.Equal("false", await SavedAtAsync("2030-12-26T00:00"));
        Assert.Equal("true", await UnsavedAtAsync("2031-12-25T12:00"));
        Assert.Equal("false", await UnsavedAtAsync("2031-12-24T12:00"));
    }

    [Fact]
    public async Task An_editor_may_change_schedule_entries_but_not_the_time_zone()
    {
        var (admin, id) = await SavedHolidaysAsync();
        var editor = await EditorAsync();

        var moved = Holidays();
        moved["schedule"]![0]!["end"] = "2026-12-27T08:00";
        moved["schedule"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "New Year",
            ["start"] = "2026-12-31T17:00",
            ["end"] = "2027-01-02T08:00",
            ["variables"] = new JsonObject { ["closure"] = "true" },
        });
        using var entries = await editor.PutAsync(Documents.Path(id), Documents.Json(moved));
        using var zone = await editor.PutAsync(Documents.Path(id), Documents.Json(Holidays("America/New_York")));

        Assert.Equal(HttpStatusCode.OK, entries.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, zone.StatusCode);
        Assert.True((await zone.ReadObjectAsync())["errors"]!["timeZone"] is not null, "the refusal should name timeZone");
        var stored = await (await admin.GetAsync(Documents.Path(id))).ReadObjectAsync();
        Assert.Equal("America/Chicago", stored["timeZone"]!.GetValue<string>());
        Assert.Equal(3, stored["schedule"]!.AsArray().Count);
    }

    [Fact]
    public async Task GetConfig_serves_an_active_window_from_memory()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("now");
        var now = DateTimeOffset.UtcNow;
        var document = Documents.Branch();
        document["timeZone"] = "UTC";
        document["schedule"] = new JsonArray(new JsonObject
        {
            ["name"] = "Right now",
            ["start"] = now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["end"] = now.AddHours(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["variables"] = new JsonObject { ["closure"] = "true" },
        });
        await Documents.SaveAsync(admin, id, document);

        using var response = await fixture.InternalClient().GetAsync(Documents.InternalPath(id));

        Assert.Equal("true", (await response.ReadMapAsync())["closure"]);
        Assert.Equal("getconfig;desc=local", response.Headers.GetValues("Server-Timing").Single());
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject document, Action<JsonObject> change)
    {
        change(document);
        return document;
    }
}
