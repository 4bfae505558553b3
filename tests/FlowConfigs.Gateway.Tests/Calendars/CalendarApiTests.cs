using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using static FlowConfigs.Gateway.Tests.Calendars.Calendars;

namespace FlowConfigs.Gateway.Tests.Calendars;

/// <summary>Shared calendars over HTTP: versions and ETags, history and rollback, the list, and bad input.</summary>
public sealed class CalendarApiTests(CalendarGatewayFixture fixture) : IClassFixture<CalendarGatewayFixture>
{
    private async Task<HttpClient> AdminAsync() => fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));

    [Fact]
    public async Task Create_read_replace_and_delete_follow_etags_and_a_recreate_counts_on()
    {
        var admin = await AdminAsync();
        var id = NewId();

        using var created = await admin.SendAsync(Put(id, Holidays(), ifNoneMatchAny: true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal(Path(id), created.Headers.Location?.OriginalString);
        var body = await created.ReadObjectAsync();
        Assert.Equal((id, 1L, "admin"), (body["id"]!.GetValue<string>(), body["version"]!.GetValue<long>(), body["updatedBy"]!.GetValue<string>()));

        using var read = await admin.GetAsync(Path(id));
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal("FREQ=YEARLY", (await read.ReadObjectAsync())["events"]![0]!["repeat"]!.GetValue<string>());
        using var notModified = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Get, Path(id)) { Headers = { { "If-None-Match", "\"1\"" } } });
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var again = await admin.SendAsync(Put(id, Holidays(), ifNoneMatchAny: true));
        Assert.Contains("version 1", (await again.ProblemAsync(HttpStatusCode.PreconditionFailed))["detail"]!.GetValue<string>());
        using var replaced = await admin.SendAsync(Put(id, Holidays("US public holidays"), ifMatch: "\"1\""));
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (replaced.StatusCode, replaced.Headers.ETag?.Tag));
        using var stale = await admin.SendAsync(Put(id, Holidays("lost update"), ifMatch: "\"1\""));
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        // A body that carries the version it was read at is its own If-Match.
        var staleBody = Holidays("lost update");
        staleBody["version"] = 1;
        using var staleByBody = await admin.SendAsync(Put(id, staleBody));
        await staleByBody.ProblemAsync(HttpStatusCode.PreconditionFailed);

        using var staleDelete = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(id)) { Headers = { { "If-Match", "\"1\"" } } });
        await staleDelete.ProblemAsync(HttpStatusCode.PreconditionFailed);
        using var delete = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(id)) { Headers = { { "If-Match", "\"2\"" } } });
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await (await admin.GetAsync(Path(id))).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync(Path(id))).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(4, await SaveAsync(admin, id));
    }

    [Fact]
    public async Task History_lists_every_change_newest_first_and_rollback_restores_a_deleted_calendar()
    {
        var admin = await AdminAsync();
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        var id = NewId();
        await SaveAsync(admin, id, Holidays("first"));
        await SaveAsync(admin, id, Holidays("second"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Path(id))).StatusCode);

        using var history = await reader.GetAsync(Path(id) + "/history");
        var items = (await history.ReadObjectAsync())["items"]!.AsArray();
        Assert.Equal([(3L, "delete"), (2L, "save"), (1L, "save")],
            items.Select(i => (i!["version"]!.GetValue<long>(), i["action"]!.GetValue<string>())));
        Assert.All(items, i => Assert.Null(i!["document"]));

        using var first = await reader.GetAsync(Path(id) + "/history/1");
        Assert.Equal("first", (await first.ReadObjectAsync())["document"]!["description"]!.GetValue<string>());
        await (await reader.GetAsync(Path(id) + "/history/9")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("version", (await (await reader.GetAsync(Path(id) + "/history/x")).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        await (await reader.PostAsync(Path(id) + "/rollback/3", null)).ProblemAsync(HttpStatusCode.Forbidden);

        using var restored = await admin.PostAsync(Path(id) + "/rollback/3", null);
        Assert.Equal((HttpStatusCode.Created, "\"4\""), (restored.StatusCode, restored.Headers.ETag?.Tag));
        Assert.Equal("second", (await restored.ReadObjectAsync())["description"]!.GetValue<string>());
        await (await NewHistoryOfNothingAsync(reader)).ProblemAsync(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> NewHistoryOfNothingAsync(HttpClient client) => client.GetAsync(Path(NewId()) + "/history");

    [Fact]
    public async Task The_list_shows_each_calendar_once_with_its_event_count_and_drops_deleted_ones()
    {
        var admin = await AdminAsync();
        var (kept, gone) = (NewId("a-list"), NewId("b-list"));
        await SaveAsync(admin, kept, Holidays("Two days", Event("Day one", "2026-07-03T00:00", "2026-07-04T00:00"), Event("Day two", "2026-07-04T00:00", "2026-07-05T00:00")));
        await SaveAsync(admin, gone);
        await admin.DeleteAsync(Path(gone));

        using var response = await fixture.PublicClient(await fixture.TokenAsync("tina", [], read: "queue/*")).GetAsync("/api/calendars");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.ReadObjectAsync())["items"]!.AsArray();
        var summary = Assert.Single(items, i => i!["id"]!.GetValue<string>() == kept)!;
        Assert.Equal(("Two days", 1L, "admin", 2), (summary["description"]!.GetValue<string>(), summary["version"]!.GetValue<long>(),
            summary["updatedBy"]!.GetValue<string>(), summary["eventCount"]!.GetValue<int>()));
        Assert.NotNull(summary["updatedAt"]);
        Assert.DoesNotContain(items, i => i!["id"]!.GetValue<string>() == gone);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field()
    {
        var admin = await AdminAsync();
        var id = NewId();

        using var backwards = await admin.SendAsync(Put(id, Holidays("x", Event("Backwards", "2026-12-26T00:00", "2026-12-25T00:00"))));
        Assert.Contains("events[0].end", (await backwards.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));

        var otherId = Holidays();
        otherId["id"] = "another-calendar";
        using var mismatch = await admin.SendAsync(Put(id, otherId));
        Assert.Contains("id", (await mismatch.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));

        using var badId = await admin.SendAsync(Put("bad id", Holidays()));
        Assert.Equal("id", (await badId.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        using var badIfMatch = await admin.SendAsync(Put(id, Holidays(), ifMatch: "seven"));
        Assert.Equal("If-Match", (await badIfMatch.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        using var notJson = await admin.PutAsync(Path(id), Ics("BEGIN:VCALENDAR"));
        await notJson.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await admin.GetAsync(Path(id))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Time_zones_are_listed_for_pickers()
    {
        using var response = await fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"])).GetAsync("/api/time-zones");
        var zones = (await response.ReadObjectAsync())["items"]!.AsArray().Select(z => z!.GetValue<string>()).ToArray();
        Assert.Contains("America/Chicago", zones);
        Assert.Contains("Europe/Berlin", zones);
        Assert.Contains("UTC", zones);
        Assert.Equal(zones.Order(StringComparer.Ordinal), zones);
    }
}
