using System.Net;
using System.Text;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using static FlowConfigs.Gateway.Tests.Calendars.Calendars;

namespace FlowConfigs.Gateway.Tests.Calendars;

/// <summary>iCalendar files replace a calendar's events: all-day events, recurrence, refusals of what is not one.</summary>
public sealed class CalendarImportTests(CalendarGatewayFixture fixture) : IClassFixture<CalendarGatewayFixture>
{
    /// <summary>An all-day holiday, a recurring one with a folded summary, as calendar apps export them.</summary>
    public const string TwoHolidays =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Holidays//EN\r\n" +
        "BEGIN:VEVENT\r\nUID:1@example\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261126\r\nDTEND;VALUE=DATE:20261127\r\nSUMMARY:Thanksgiving\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nUID:2@example\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Christmas\r\n  Day\r\nEND:VEVENT\r\n" +
        "END:VCALENDAR\r\n";

    private async Task<HttpClient> AdminAsync() => fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));

    [Fact]
    public async Task A_file_creates_a_calendar_then_replaces_its_events_and_keeps_its_description()
    {
        var admin = await AdminAsync();
        var id = NewId();

        using var created = await admin.PostAsync(Path(id) + "/import", Ics(TwoHolidays));
        Assert.Equal((HttpStatusCode.Created, "\"1\""), (created.StatusCode, created.Headers.ETag?.Tag));
        var calendar = await created.ReadObjectAsync();
        Assert.Equal("Imported from an iCalendar file", calendar["description"]!.GetValue<string>());
        var events = calendar["events"]!.AsArray();
        Assert.Equal(("Thanksgiving", "2026-11-26T00:00", "2026-11-27T00:00"),
            (events[0]!["name"]!.GetValue<string>(), events[0]!["start"]!.GetValue<string>(), events[0]!["end"]!.GetValue<string>()));
        Assert.Null(events[0]!["repeat"]);
        Assert.Equal(("Christmas Day", "2026-12-25T00:00", "FREQ=YEARLY"),
            (events[1]!["name"]!.GetValue<string>(), events[1]!["start"]!.GetValue<string>(), events[1]!["repeat"]!.GetValue<string>()));

        await SaveAsync(admin, id, Holidays("Named by a person"));
        var oneDay = TwoHolidays[..TwoHolidays.IndexOf("BEGIN:VEVENT\r\nUID:2", StringComparison.Ordinal)] + "END:VCALENDAR\r\n";
        using var stale = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, Path(id) + "/import") { Content = Ics(oneDay), Headers = { { "If-Match", "\"1\"" } } });
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        using var replaced = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, Path(id) + "/import") { Content = Ics(oneDay), Headers = { { "If-Match", "\"2\"" } } });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var stored = await (await admin.GetAsync(Path(id))).ReadObjectAsync();
        Assert.Equal(("Named by a person", 3L), (stored["description"]!.GetValue<string>(), stored["version"]!.GetValue<long>()));
        Assert.Equal("Thanksgiving", Assert.Single(stored["events"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task What_is_not_an_iCalendar_file_is_refused_and_nothing_is_stored()
    {
        var admin = await AdminAsync();
        var id = NewId();

        var notCalendar = await (await admin.PostAsync(Path(id) + "/import", Ics("Christmas is on the 25th."))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(notCalendar["errors"]!.AsObject());
        await (await admin.PostAsync(Path(id) + "/import", Ics(""))).ProblemAsync(HttpStatusCode.BadRequest);
        var asJson = new StringContent(TwoHolidays, Encoding.UTF8, "application/json");
        await (await admin.PostAsync(Path(id) + "/import", asJson)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var latin1 = new ByteArrayContent([.. Encoding.ASCII.GetBytes("BEGIN:VCALENDAR\r\nX-NAME:Caf"), 0xE9, .. "\r\nEND:VCALENDAR\r\n"u8.ToArray()]);
        latin1.Headers.ContentType = new("text/calendar");
        Assert.Equal("body", (await (await admin.PostAsync(Path(id) + "/import", latin1)).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);

        await (await admin.GetAsync(Path(id))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_over_one_megabyte_is_a_413_whether_or_not_it_says_its_length()
    {
        var admin = await AdminAsync();
        var id = NewId();
        var padding = string.Concat(Enumerable.Repeat("X-PADDING:" + new string('x', 1000) + "\r\n", 1100));
        var huge = "BEGIN:VCALENDAR\r\n" + padding + "END:VCALENDAR\r\n";

        var declared = await (await admin.PostAsync(Path(id) + "/import", Ics(huge))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("body", declared["errors"]!.AsObject().Single().Key);

        var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        streamed.Headers.ContentType = new("text/calendar");
        using var chunked = new HttpRequestMessage(HttpMethod.Post, Path(id) + "/import") { Content = streamed };
        chunked.Headers.TransferEncodingChunked = true;
        await (await admin.SendAsync(chunked)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await admin.GetAsync(Path(id))).ProblemAsync(HttpStatusCode.NotFound);
    }
}
