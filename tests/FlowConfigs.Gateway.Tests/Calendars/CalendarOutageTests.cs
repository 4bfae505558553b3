using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;
using static FlowConfigs.Gateway.Tests.Calendars.Calendars;

namespace FlowConfigs.Gateway.Tests.Calendars;

/// <summary>
/// DynamoDB storage (its own dynalite process) killed behind a running gateway: calendar writes and reads that need
/// storage are fast 503 problems with Retry-After, calendars already loaded keep answering, and writes resume when
/// storage returns with nothing acknowledged lost.
/// </summary>
public sealed class CalendarOutageTests : IAsyncLifetime
{
    private readonly string _dataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "flowconfigs-calendar-outage-" + Guid.NewGuid().ToString("N"));
    private readonly DynaliteFixture _dynalite;
    private GatewayProcess _gateway = null!;

    public CalendarOutageTests() => _dynalite = new DynaliteFixture { DataPath = System.IO.Path.Combine(_dataDirectory, "dynalite") };

    public async Task InitializeAsync()
    {
        await _dynalite.InitializeAsync();
        _gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: GatewayProcess.DynamoDbSettings(_dynalite.ServiceUrl));
    }

    [Fact]
    public async Task Storage_down_is_a_503_with_Retry_After_and_loaded_calendars_keep_answering()
    {
        using var admin = _gateway.PublicClient(await _gateway.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = NewId();
        await SaveAsync(admin, id);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/calendars")).StatusCode);

        await _dynalite.DisposeAsync();

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => admin.SendAsync(Put(id, Holidays("during the outage"), ifMatch: "\"1\"")),
            () => admin.PostAsync(Path(id) + "/import", Ics(CalendarImportTests.TwoHolidays)),
            () => admin.GetAsync(Path(id) + "/history"),
            () => admin.GetAsync(Path(NewId("cold"))),
        })
        {
            using var response = await request();
            var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            Assert.Contains("Storage", problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }
        using (var loaded = await admin.GetAsync(Path(id)))
            Assert.Equal((HttpStatusCode.OK, "\"1\""), (loaded.StatusCode, loaded.Headers.ETag?.Tag));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/calendars")).StatusCode);

        await _dynalite.StartAsync();

        // The writes whose outcome was unknown did not land: version 1 is current, and the next save is 2.
        using var retry = await admin.SendAsync(Put(id, Holidays("after the outage"), ifMatch: "\"1\""));
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (retry.StatusCode, retry.Headers.ETag?.Tag));
        Assert.False(_gateway.HasExited);
        Assert.DoesNotContain(_gateway.ErrorLines, line => line.Contains("ExceptionHandlerMiddleware", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _dynalite.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
