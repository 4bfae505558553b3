using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;

namespace FlowConfigs.Gateway.Tests.ChangeControl;

/// <summary>HTTP shortcuts for drafts.</summary>
internal static class Drafts
{
    public static string DraftPath(string id, string? action = null) => Documents.Path(id) + "/draft" + (action is null ? "" : "/" + action);

    public static async Task<JsonObject> PutDraftAsync(HttpClient client, string id, JsonObject document, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, DraftPath(id)) { Content = Documents.Json(document) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Draft {id}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Task<HttpResponseMessage> ReviewAsync(HttpClient client, string id, string action, string? comment = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, DraftPath(id, action))
        {
            Content = Documents.Json(comment is null ? new JsonObject() : new JsonObject { ["comment"] = comment }),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static async Task<JsonObject> OkAsync(this Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> ProblemAsync(this Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<string> GetConfigValueAsync(HttpClient @internal, string id, string key) =>
        (await @internal.GetAsync(Documents.InternalPath(id)).ContinueWith(t => t.Result.ReadMapAsync()).Unwrap())[key];
}
