using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using static FlowConfigs.Gateway.Tests.Calendars.Calendars;

namespace FlowConfigs.Gateway.Tests.Calendars;

/// <summary>What a gateway started again on the same SQLite data directory, after kill -9 of the last one, finds of calendars.</summary>
public sealed class CalendarRestartTests : IAsyncLifetime
{
    private readonly string _dataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "flowconfigs-calendar-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Calendars_their_history_and_the_list_survive_a_killed_gateway()
    {
        var (kept, gone) = (NewId("kept"), NewId("gone"));
        await using (var first = await GatewayProcess.StartAsync(_dataDirectory))
        {
            using var admin = first.PublicClient(await first.TokenAsync("admin", ["FlowConfigAdmin"]));
            await SaveAsync(admin, kept, Holidays("Kept"));
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(Path(kept) + "/import", Ics(CalendarImportTests.TwoHolidays))).StatusCode);
            await SaveAsync(admin, gone);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Path(gone))).StatusCode);
            first.KillHard();
        }

        await using var second = await GatewayProcess.StartAsync(_dataDirectory);
        using var again = second.PublicClient(await second.TokenAsync("admin", ["FlowConfigAdmin"]));
        using var read = await again.GetAsync(Path(kept));
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (read.StatusCode, read.Headers.ETag?.Tag));
        var calendar = await read.ReadObjectAsync();
        Assert.Equal(("Kept", 2), (calendar["description"]!.GetValue<string>(), calendar["events"]!.AsArray().Count));

        var listed = (await (await again.GetAsync("/api/calendars")).ReadObjectAsync())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());
        Assert.Contains(kept, listed);
        Assert.DoesNotContain(gone, listed);
        Assert.Equal(2, (await (await again.GetAsync(Path(gone) + "/history")).ReadObjectAsync())["items"]!.AsArray().Count);
        Assert.Equal(3, await SaveAsync(again, gone));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
