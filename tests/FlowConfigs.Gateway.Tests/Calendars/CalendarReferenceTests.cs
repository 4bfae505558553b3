using System.Globalization;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using static FlowConfigs.Gateway.Tests.Calendars.Calendars;

namespace FlowConfigs.Gateway.Tests.Calendars;

/// <summary>Configs naming calendars, through the real grains: refusals of missing ones, and a calendar change reaching GetConfig.</summary>
public sealed class CalendarReferenceTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> AdminAsync() => fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));

    private static JsonObject BranchNaming(string calendar)
    {
        var config = Documents.Branch();
        config["schedule"] = new JsonArray(new JsonObject
        {
            ["name"] = "Closures",
            ["calendar"] = calendar,
            ["variables"] = new JsonObject { ["closure"] = "true" },
        });
        return config;
    }

    /// <summary>An event around now, in UTC wall-clock time (the zone of a config that names none).</summary>
    private static JsonObject Today()
    {
        var now = DateTime.UtcNow;
        return Event("Emergency closure", now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            now.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_config_naming_a_calendar_that_does_not_exist_is_refused_at_the_entry_on_save_import_and_preview()
    {
        var admin = await AdminAsync();
        var missing = NewId("missing");

        using var save = await admin.PostAsync(Documents.Path(Documents.NewId("ref")), Documents.Json(BranchNaming(missing)));
        var problem = await save.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("schedule[0].calendar", problem["errors"]!.AsObject().Single().Key);

        var item = BranchNaming(missing);
        item["id"] = Documents.NewId("ref");
        using var import = await admin.PostAsync("/api/flow-config/import", Documents.Json(new JsonArray(item)));
        var planned = (await import.Content.ReadFromJsonAsync<JsonArray>())![0]!;
        Assert.Equal("invalid", planned["action"]!.GetValue<string>());
        Assert.Equal("schedule[0].calendar", planned["errors"]!.AsObject().Single().Key);

        var preview = BranchNaming(missing);
        preview["id"] = "branch-preview";
        using var previewed = await admin.PostAsync("/api/flow-config/preview", Documents.Json(new JsonObject { ["flowConfig"] = preview }));
        Assert.Equal("flowConfig.schedule[0].calendar", (await previewed.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);

        await SaveAsync(admin, missing, Holidays());
        using var saved = await admin.PostAsync(Documents.Path(Documents.NewId("ref")), Documents.Json(BranchNaming(missing)));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
    }

    [Fact]
    public async Task A_calendar_change_reaches_GetConfig_of_every_config_naming_it_without_a_config_write()
    {
        var admin = await AdminAsync();
        var emergency = NewId("emergency");
        await SaveAsync(admin, emergency, Holidays("Emergency closures", Event("Drill", "2020-01-01T00:00", "2020-01-01T01:00")));
        var (austin, dallas) = (Documents.NewId("branch-austin"), Documents.NewId("branch-dallas"));
        await Documents.SaveAsync(admin, austin, BranchNaming(emergency));
        await Documents.SaveAsync(admin, dallas, BranchNaming(emergency));
        using var getConfig = fixture.InternalClient();
        async Task<string> ClosureAsync(string id) => (await (await getConfig.GetAsync(Documents.InternalPath(id))).ReadMapAsync())["closure"];
        Assert.Equal("false", await ClosureAsync(austin));

        var referencing = (await (await admin.GetAsync(Path(emergency) + "/configs")).ReadObjectAsync())["items"]!.AsArray().Select(i => i!.GetValue<string>());
        Assert.Equal(new[] { austin, dallas }.Order(StringComparer.Ordinal), referencing);

        using var closed = await admin.SendAsync(Put(emergency, Holidays("Emergency closures", Today()), ifMatch: "\"1\""));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        // The calendar grain tells each config before the PUT answers, so GetConfig has switched already.
        Assert.Equal(("true", "true"), (await ClosureAsync(austin), await ClosureAsync(dallas)));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Path(emergency))).StatusCode);
        Assert.Equal(("false", "false"), (await ClosureAsync(austin), await ClosureAsync(dallas)));
        Assert.Equal(1, (await (await admin.GetAsync(Documents.Path(austin))).ReadObjectAsync())["version"]!.GetValue<long>());
    }
}
