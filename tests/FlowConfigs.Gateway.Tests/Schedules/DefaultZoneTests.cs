using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Schedules;

/// <summary>
/// A config that names no zone reads its schedule in the settings' zone (UTC until one is set): changing the settings'
/// zone moves its windows, for previews and for GetConfig, without touching the config.
/// </summary>
public sealed class DefaultZoneTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    // NodaTime's own zone data, as the gateway uses: the test does not depend on the machine's tzdata.
    private static readonly NodaTime.DateTimeZone Chicago = NodaTime.DateTimeZoneProviders.Tzdb["America/Chicago"];

    [Fact]
    public async Task The_settings_zone_places_the_windows_of_configs_that_name_none()
    {
        using var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId("zoneless");
        // A window of an hour around now, written as Chicago's wall clock: in UTC it is hours away.
        var chicagoNow = NodaTime.Instant.FromDateTimeOffset(DateTimeOffset.UtcNow).InZone(Chicago).ToDateTimeOffset();
        var document = Documents.Branch();
        document["schedule"] = new JsonArray(new JsonObject
        {
            ["name"] = "Now in Chicago",
            ["start"] = chicagoNow.AddMinutes(-30).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["end"] = chicagoNow.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["variables"] = new JsonObject { ["closure"] = "true" },
        });
        await Documents.SaveAsync(admin, id, document);
        using var flow = fixture.InternalClient();

        Assert.Equal("false", (await (await flow.GetAsync(Documents.InternalPath(id))).ReadMapAsync())["closure"]);

        var settings = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();
        settings["timeZone"] = "America/Chicago";
        var save = new HttpRequestMessage(HttpMethod.Put, "/api/settings") { Content = Documents.Json(settings) };
        save.Headers.TryAddWithoutValidation("If-Match", $"\"{settings["version"]!.GetValue<long>()}\"");
        using var saved = await admin.SendAsync(save);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        Assert.Equal("true", (await (await flow.GetAsync(Documents.InternalPath(id))).ReadMapAsync())["closure"]);
        // The preview's local time is read in the settings' zone too.
        var preview = $"{Documents.Path(id)}/resolve?at=" + Uri.EscapeDataString(chicagoNow.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        Assert.Equal("true", (await (await admin.GetAsync(preview)).ReadMapAsync())["closure"]);
        Assert.Equal(1, (await (await admin.GetAsync(Documents.Path(id))).ReadObjectAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_unknown_settings_zone_is_refused_naming_it()
    {
        using var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var settings = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();
        settings["timeZone"] = "Europe/Atlantis";
        var save = new HttpRequestMessage(HttpMethod.Put, "/api/settings") { Content = Documents.Json(settings) };
        save.Headers.TryAddWithoutValidation("If-Match", $"\"{settings["version"]!.GetValue<long>()}\"");

        using var response = await admin.SendAsync(save);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!["timeZone"] is not null);
    }
}
