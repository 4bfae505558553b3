using System.Text.Json.Nodes;

namespace FlowConfigs.Gateway.Tests.FlowConfigs;

/// <summary>The list endpoint as a client pages it: one page's ids and cursor, or every page by following cursors.</summary>
internal static class ListPages
{
    public static async Task<(string[] Ids, string? Cursor)> PageAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/flow-config?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {body}");
        var page = JsonNode.Parse(body)!.AsObject();
        return (page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray(), page["cursor"]?.GetValue<string>());
    }

    /// <summary>Follows cursors to the end; each page's ids, in order.</summary>
    public static async Task<List<string[]>> AllPagesAsync(HttpClient client, string query)
    {
        var pages = new List<string[]>();
        string? cursor = null;
        do
        {
            (var ids, cursor) = await PageAsync(client, query + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            pages.Add(ids);
        } while (cursor is not null && pages.Count < 1000);
        return pages;
    }
}
