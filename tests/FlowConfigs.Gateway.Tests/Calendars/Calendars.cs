using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;

namespace FlowConfigs.Gateway.Tests.Calendars;

/// <summary>Calendar documents and HTTP shortcuts the calendar tests share.</summary>
internal static class Calendars
{
    public static string NewId(string prefix = "calendar") => $"{prefix}-{Guid.NewGuid():N}";

    public static string Path(string id) => "/api/calendars/" + Uri.EscapeDataString(id);

    public static JsonObject Holidays(string description = "US holidays", params JsonObject[] events) => new()
    {
        ["description"] = description,
        ["events"] = new JsonArray(events.Length > 0 ? events : [Event("Christmas Day", "2026-12-25T00:00", "2026-12-26T00:00", "FREQ=YEARLY")]),
    };

    public static JsonObject Event(string name, string start, string end, string? repeat = null)
    {
        var item = new JsonObject { ["name"] = name, ["start"] = start, ["end"] = end };
        if (repeat is not null) item["repeat"] = repeat;
        return item;
    }

    public static HttpRequestMessage Put(string id, JsonNode body, string? ifMatch = null, bool ifNoneMatchAny = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Path(id)) { Content = Documents.Json(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (ifNoneMatchAny) request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return request;
    }

    public static StringContent Ics(string text) => new(text, Encoding.UTF8, "text/calendar");

    /// <summary>Saves as a calendar manager and returns the stored version.</summary>
    public static async Task<long> SaveAsync(HttpClient manager, string id, JsonObject? body = null)
    {
        using var response = await manager.SendAsync(Put(id, body ?? Holidays()));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Save calendar {id}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["version"]!.GetValue<long>();
    }

    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadObjectAsync();
    }
}
