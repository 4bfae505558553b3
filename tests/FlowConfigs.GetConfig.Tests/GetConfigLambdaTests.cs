using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FlowConfigs.GetConfig.Tests;

/// <summary>A real gateway process holding the fixture config, shared by the tests that do not kill it.</summary>
public sealed class GatewayForLambda : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-lambda-" + Guid.NewGuid().ToString("N"));
    public GatewayProcess Gateway { get; private set; } = null!;
    public string InternalUrl => $"http://127.0.0.1:{Gateway.InternalPort}";

    public async Task InitializeAsync()
    {
        Gateway = await GatewayProcess.StartAsync(_dataDirectory);
        await PutFixtureConfigAsync(Gateway);
    }

    public static async Task PutFixtureConfigAsync(GatewayProcess gateway)
    {
        using var admin = gateway.PublicClient(await gateway.TokenAsync("admin", ["FlowConfigAdmin"]));
        using var response = await admin.PutAsync("/api/flow-config/branch-office-austin",
            new StringContent(ConnectFixtures.StoredConfig().ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class GetConfigLambdaTests(GatewayForLambda shared, ITestOutputHelper output) : IClassFixture<GatewayForLambda>
{
    private static JsonObject Case(string name) =>
        ConnectFixtures.Cases().Single(c => c!["name"]!.GetValue<string>() == name)!.AsObject();

    private static string EventOf(string name) => Case(name)["event"]!.ToJsonString();

    private const string VoiceCase = "full Connect voice event, language from ContactData";

    [Theory]
    [MemberData(nameof(ConnectFixtures.CaseNames), MemberType = typeof(ConnectFixtures))]
    public async Task Every_Connect_fixture_answers_exactly_through_the_function(string name)
    {
        await using var lambda = await LambdaProcess.StartAsync(new Dictionary<string, string> { ["FLOWCONFIGS_INTERNAL_URL"] = shared.InternalUrl });
        var item = Case(name);
        var result = await lambda.InvokeAsync(item["event"]!.ToJsonString());

        if (item["expected"] is JsonObject expected)
        {
            Assert.False(result.IsError, result.ErrorMessage);
            // The exact flat map, keys in order: the flow reads them as $.External.<name>.
            var answer = JsonNode.Parse(result.Response!)!.AsObject();
            Assert.Equal(expected.Select(e => (e.Key, e.Value!.GetValue<string>())), answer.Select(a => (a.Key, a.Value!.GetValue<string>())));
        }
        else
        {
            var error = item["error"]!;
            Assert.True(result.IsError);
            Assert.Equal(error["message"]!.GetValue<string>(), result.ErrorMessage);
            Assert.Equal(error["status"]!.GetValue<int>() == 404 ? "FlowConfigNotFound" : "InvalidRequest", result.ErrorType);
            Assert.Equal(result.ErrorType, result.ErrorTypeHeader);
        }
    }

    [Fact]
    public async Task With_the_gateway_killed_the_last_good_answer_is_served_and_logged()
    {
        var directory = Path.Combine(Path.GetTempPath(), "flowconfigs-lambda-kill-" + Guid.NewGuid().ToString("N"));
        await using var gateway = await GatewayProcess.StartAsync(directory);
        await GatewayForLambda.PutFixtureConfigAsync(gateway);
        await using var lambda = await LambdaProcess.StartAsync(new Dictionary<string, string>
        {
            ["FLOWCONFIGS_INTERNAL_URL"] = $"http://127.0.0.1:{gateway.InternalPort}",
        });
        var live = await lambda.InvokeAsync(EventOf(VoiceCase));
        Assert.False(live.IsError, live.ErrorMessage);

        gateway.KillHard();
        var cached = await lambda.InvokeAsync(EventOf(VoiceCase));
        Assert.False(cached.IsError, cached.ErrorMessage);
        Assert.Equal(live.Response, cached.Response);
        const string warning = "serving the last good answer for branch-office-austin (en-US, Voice): the gateway could not be reached";
        Assert.Contains("WARN", await lambda.OutputContainingAsync(warning));
        Assert.Contains(warning, lambda.Output);

        // Another language was never answered: nothing to fall back on, so the flow takes its Error branch.
        var spanish = JsonNode.Parse(EventOf(VoiceCase))!;
        spanish["Details"]!["Parameters"]!["lang"] = "es-US";
        var unanswered = await lambda.InvokeAsync(spanish.ToJsonString());
        Assert.Equal("GatewayUnavailable", unanswered.ErrorType);
        Assert.StartsWith("FlowConfigs is unavailable and has no earlier answer for branch-office-austin: the gateway could not be reached", unanswered.ErrorMessage);
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_deleted_config_is_an_error_never_masked_by_the_cache()
    {
        await using var lambda = await LambdaProcess.StartAsync(new Dictionary<string, string> { ["FLOWCONFIGS_INTERNAL_URL"] = shared.InternalUrl });
        using var admin = shared.Gateway.PublicClient(await shared.Gateway.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = "lambda-" + Guid.NewGuid().ToString("N")[..8];
        var config = ConnectFixtures.StoredConfig();
        config["id"] = id;
        (await admin.PutAsync("/api/flow-config/" + id, new StringContent(config.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var contactEvent = $$$$"""{"Details":{"Parameters":{"id":"{{{{id}}}}"},"ContactData":{"Channel":"VOICE"}}}""";
        Assert.False((await lambda.InvokeAsync(contactEvent)).IsError);

        (await admin.DeleteAsync("/api/flow-config/" + id)).EnsureSuccessStatusCode();
        var gone = await lambda.InvokeAsync(contactEvent);
        Assert.Equal("FlowConfigNotFound", gone.ErrorType);
        Assert.Equal($"Flow config with id {id} not found", gone.ErrorMessage);
    }

    [Fact]
    public async Task Gateway_5xx_and_slowness_fall_back_within_the_deadline_over_one_kept_alive_connection()
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var lambda = await LambdaProcess.StartAsync(new Dictionary<string, string>
        {
            ["FLOWCONFIGS_INTERNAL_URL"] = fake.Url,
            ["FLOWCONFIGS_GATEWAY_TIMEOUT_MS"] = "300",
        });
        var contactEvent = EventOf(VoiceCase);
        for (var i = 0; i < 10; i++)
            Assert.Equal("""{"closure":"false"}""", (await lambda.InvokeAsync(contactEvent)).Response);
        // The gateway is asked for what the function parsed, not sent the event to parse again.
        Assert.Equal("GET /internal/config/branch-office-austin?lang=en-US&channel=voice", fake.Requests.Last());

        fake.Mode = "500";
        Assert.Equal("""{"closure":"false"}""", (await lambda.InvokeAsync(contactEvent)).Response);
        Assert.Contains("the gateway answered 500", await lambda.OutputContainingAsync("the gateway answered 500"));

        fake.Mode = "slow";
        Assert.Equal("""{"closure":"false"}""", (await lambda.InvokeAsync(contactEvent)).Response);
        Assert.Contains("the gateway did not answer within 300 ms", await lambda.OutputContainingAsync("the gateway did not answer within 300 ms"));

        // Without a cached answer and with little time left, the function still answers before its deadline, with an error.
        var other = JsonNode.Parse(contactEvent)!;
        other["Details"]!["Parameters"]!["id"] = "never-answered";
        var late = await lambda.InvokeAsync(other.ToJsonString(), deadline: TimeSpan.FromMilliseconds(500));
        Assert.Equal("GatewayUnavailable", late.ErrorType);
        Assert.Contains("did not answer within", late.ErrorMessage);

        // Keep-alive: the init warm-up and the ten good calls shared one connection.
        Assert.Single(fake.ConnectionsBefore("500"));
    }

    [Theory]
    [InlineData("queue/sales", "es-US", "CHAT", "GET /internal/config/queue%2Fsales?lang=es-US&channel=chat")]
    [InlineData("+15125550100", "en-US", "VOICE", "GET /internal/config/%2B15125550100?lang=en-US&channel=voice")]
    [InlineData("dept:billing@east", "fr-CA", "EMAIL", "GET /internal/config/dept%3Abilling%40east?lang=fr-CA&channel=chat")]
    public async Task The_gateway_is_asked_for_the_parsed_id_language_and_channel(string id, string lang, string channel, string expected)
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var lambda = await LambdaProcess.StartAsync(new Dictionary<string, string> { ["FLOWCONFIGS_INTERNAL_URL"] = fake.Url });
        var contactEvent = new JsonObject
        {
            ["Details"] = new JsonObject
            {
                ["ContactData"] = new JsonObject { ["Channel"] = channel, ["LanguageCode"] = lang },
                ["Parameters"] = new JsonObject { ["id"] = id },
            },
        };
        Assert.False((await lambda.InvokeAsync(contactEvent.ToJsonString())).IsError);
        Assert.Equal(expected, fake.Requests.Single());
    }

    [Theory]
    [InlineData("..", "The id must not contain a '.' or '..' segment.")]
    [InlineData("a b", "The id contains 'U+0020'; only letters, digits and + - _ . : / @ are allowed.")]
    public async Task An_id_the_gateway_would_refuse_fails_with_its_sentence_without_a_call(string id, string message)
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var lambda = await LambdaProcess.StartAsync(new Dictionary<string, string> { ["FLOWCONFIGS_INTERNAL_URL"] = fake.Url });
        var result = await lambda.InvokeAsync(new JsonObject { ["id"] = id }.ToJsonString());
        Assert.Equal("InvalidRequest", result.ErrorType);
        Assert.Equal(message, result.ErrorMessage);
        Assert.Empty(fake.Requests);

        // The gateway itself answers the same sentence.
        using var direct = new HttpClient { BaseAddress = new Uri(shared.InternalUrl) };
        using var refused = await direct.PostAsync("/internal/connect", new StringContent(new JsonObject { ["id"] = id }.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Equal(message, JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_gateway_url_is_an_init_error()
    {
        await using var lambda = await LambdaProcess.StartAsync(new Dictionary<string, string>(), waitForInit: false);
        var error = await lambda.Runtime.InitError.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("Runtime.InvalidConfiguration", error.ErrorType);
        Assert.Equal("Runtime.InvalidConfiguration", error.ErrorTypeHeader);
        Assert.StartsWith("FLOWCONFIGS_INTERNAL_URL must be the gateway's internal URL", error.ErrorMessage);
        await lambda.WaitForExitAsync();
        Assert.Equal(1, lambda.ExitCode);
    }

    [Fact]
    public async Task Reports_init_time_and_per_invoke_overhead()
    {
        await using var lambda = await LambdaProcess.StartAsync(new Dictionary<string, string> { ["FLOWCONFIGS_INTERNAL_URL"] = shared.InternalUrl });
        var contactEvent = EventOf(VoiceCase);
        using var direct = new HttpClient { BaseAddress = new Uri(shared.InternalUrl) };
        var viaLambda = new List<double>();
        var straight = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var clock = Stopwatch.StartNew();
            Assert.False((await lambda.InvokeAsync(contactEvent)).IsError);
            viaLambda.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            using var response = await direct.GetAsync("/internal/config/branch-office-austin?lang=en-US&channel=voice");
            await response.Content.ReadAsByteArrayAsync();
            straight.Add(clock.Elapsed.TotalMilliseconds);
        }
        double Median(List<double> values) => values.Skip(50).Order().ElementAt((values.Count - 50) / 2);
        output.WriteLine($"init (process start to first /next): {lambda.InitTime.TotalMilliseconds:F1} ms");
        output.WriteLine($"median invoke through emulator + function: {Median(viaLambda):F3} ms; direct GET /internal/config: {Median(straight):F3} ms; " +
                         $"function overhead incl. the emulator's two hops: {Median(viaLambda) - Median(straight):F3} ms");
        Assert.True(lambda.InitTime > TimeSpan.Zero);
    }
}

/// <summary>A stand-in gateway whose failures the test chooses: healthy, 500, or slower than the function's timeout.</summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Mode, string Connection)> _connections = new();

    public string Url { get; }
    public volatile string Mode = "ok";
    /// <summary>Method and raw request target of each call, as the function sent them.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    private FakeGateway(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<FakeGateway> StartAsync()
    {
        var url = $"http://127.0.0.1:{GatewayProcess.FreePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var fake = new FakeGateway(app, url);
        app.Run(async context =>
        {
            fake._connections.Enqueue((fake.Mode, context.Connection.Id));
            if (context.Request.Path == "/health/live") return;
            fake.Requests.Enqueue($"{context.Request.Method} {context.Features.Get<IHttpRequestFeature>()!.RawTarget}");
            switch (fake.Mode)
            {
                case "500":
                    context.Response.StatusCode = 500;
                    return;
                case "slow":
                    await Task.Delay(5000, context.RequestAborted).ContinueWith(_ => { });
                    return;
                default:
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("""{"closure":"false"}""");
                    return;
            }
        });
        await app.StartAsync();
        return fake;
    }

    public string[] ConnectionsBefore(string mode) =>
        _connections.TakeWhile(c => c.Mode != mode).Select(c => c.Connection).Distinct().ToArray();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
