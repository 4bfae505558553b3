using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Calendars;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Operations;

namespace FlowConfigs.Gateway.Tests.Operations;

/// <summary>The cluster view of one gateway: who may see it, what membership and the silo itself report, and the read figures moving with GetConfig.</summary>
public sealed class ClusterViewTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> ClientAsync(string user, string[] groups, string? full = null, string? edit = null) =>
        fixture.PublicClient(await fixture.TokenAsync(user, groups, full, edit));

    private async Task<JsonObject> ThisSiloAsync(HttpClient admin)
    {
        var view = await (await admin.GetAsync("/api/ops/cluster")).EnsureSuccessStatusCode().ReadObjectAsync();
        return Assert.Single(view["silos"]!.AsArray(), s => s!["isThisSilo"]!.GetValue<bool>())!.AsObject();
    }

    [Fact]
    public async Task Only_Full_on_every_config_sees_the_cluster()
    {
        using var editor = await ClientAsync("eve", ["FlowConfigEdit"]);
        using var reader = await ClientAsync("rita", ["FlowConfigRead"]);
        using var queueOwner = await ClientAsync("quinn", [], full: "queue/*", edit: "*");
        using var tagAdmin = await ClientAsync("tina", [], full: "queue/*,*");
        using var anonymous = fixture.PublicClient(null);

        foreach (var refused in new[] { editor, reader, queueOwner })
        {
            var problem = await (await refused.GetAsync("/api/ops/cluster")).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("The cluster view needs Full access on every config.", problem["detail"]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/ops/cluster")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tagAdmin.GetAsync("/api/ops/cluster")).StatusCode);
    }

    [Fact]
    public async Task An_admin_sees_this_silo_active_with_its_build_uptime_and_activations()
    {
        using var admin = await ClientAsync("ada", ["FlowConfigAdmin"]);
        await Documents.SaveAsync(admin, Documents.NewId("queue/ops"), Documents.Branch());

        var view = await (await admin.GetAsync("/api/ops/cluster")).EnsureSuccessStatusCode().ReadObjectAsync();
        var at = view["at"]!.GetValue<DateTimeOffset>();
        var silo = Assert.Single(view["silos"]!.AsArray())!.AsObject();
        Assert.True(silo["isThisSilo"]!.GetValue<bool>());
        Assert.Equal("Active", silo["status"]!.GetValue<string>());
        Assert.Matches(@"^127\.0\.0\.1:\d+@\d+$", silo["address"]!.GetValue<string>());
        Assert.Equal(Environment.MachineName, silo["host"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal(SiloBuild.Of(typeof(Program).Assembly).Version, silo["version"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(silo["version"]!.GetValue<string>()));

        var started = silo["startedAt"]!.GetValue<DateTimeOffset>();
        Assert.True(started < at, $"started {started:O}, asked {at:O}");
        var uptime = (long)(at - started).TotalSeconds;
        Assert.InRange(silo["uptimeSeconds"]!.GetValue<long>(), uptime - 1, uptime + 1);

        // The config just saved is active here, next to the directories the silo wakes at start.
        var byType = silo["activationsByType"]!.AsObject();
        Assert.True(byType["FlowConfigGrain"]!.GetValue<int>() >= 1);
        Assert.Equal(1, byType["FlowConfigDirectoryGrain"]!.GetValue<int>());
        Assert.Equal(byType.Sum(t => t.Value!.GetValue<int>()), silo["activations"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetConfig_reads_count_as_hits_from_memory_and_misses_that_ask_a_grain()
    {
        using var admin = await ClientAsync("ada", ["FlowConfigAdmin"]);
        using var connect = fixture.InternalClient();
        var id = Documents.NewId("queue/hits");
        await Documents.SaveAsync(admin, id, Documents.Branch());
        var before = (await ThisSiloAsync(admin))["readCopies"]!;

        // An id nobody stored is asked of its grain every time: a miss each.
        Assert.Equal(HttpStatusCode.NotFound, (await connect.GetAsync(Documents.InternalPath(Documents.NewId("queue/none")))).StatusCode);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await connect.GetAsync(Documents.InternalPath(id))).StatusCode);

        var after = (await ThisSiloAsync(admin))["readCopies"]!;
        long Figure(JsonNode figures, string name) => figures[name]!.GetValue<long>();
        Assert.Equal(Figure(before, "misses") + 1, Figure(after, "misses"));
        Assert.Equal(Figure(before, "hits") + 5, Figure(after, "hits"));
        var rate = after["hitRate"]!.GetValue<double>();
        Assert.Equal((double)Figure(after, "hits") / (Figure(after, "hits") + Figure(after, "misses")), rate, 1e-9);
    }
}
