using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;

namespace FlowConfigs.Gateway.Tests.Events;

/// <summary>Saves through the public API, as a person makes them: each acknowledged one yields one change event.</summary>
internal static class Saves
{
    /// <summary>Saves the next version of <paramref name="id"/> (its greeting names <paramref name="mark"/>) and returns the version stored.</summary>
    public static async Task<long> PutAsync(HttpClient admin, string id, string mark)
    {
        using var response = await admin.PutAsync(Documents.Path(id), Documents.Json(Documents.Branch(greeting: $"<speak>{mark}</speak>")));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"save {id}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["version"]!.GetValue<long>();
    }

    /// <summary>A save naming a version that is not the stored one: refused with 412, so it must yield no event.</summary>
    public static async Task PutStaleAsync(HttpClient admin, string id, long staleVersion, string mark)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Documents.Path(id))
        {
            Content = Documents.Json(Documents.Branch(greeting: $"<speak>{mark}</speak>")),
            Headers = { IfMatch = { new EntityTagHeaderValue($"\"{staleVersion}\"") } },
        };
        using var response = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }
}
