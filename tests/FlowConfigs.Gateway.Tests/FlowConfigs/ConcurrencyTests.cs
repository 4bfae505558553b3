using System.Net;
using System.Net.Http.Headers;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.FlowConfigs;

/// <summary>Optimistic concurrency through ETags: two people editing the same config cannot overwrite each other.</summary>
public sealed class ConcurrencyTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Concurrent_edits_of_one_version_let_exactly_one_win()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId("race");
        await Documents.SaveAsync(admin, id, Documents.Branch());

        var saves = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Documents.Path(id)) { Content = Documents.Json(Documents.Branch(greeting: $"Hello {i}.")) };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            return admin.SendAsync(request);
        }));

        Assert.Single(saves, s => s.StatusCode == HttpStatusCode.OK);
        Assert.Equal(5, saves.Count(s => s.StatusCode == HttpStatusCode.PreconditionFailed));
        Assert.All(saves.Where(s => s.StatusCode != HttpStatusCode.OK),
            s => Assert.Equal("application/problem+json", s.Content.Headers.ContentType?.MediaType));
        var stored = await (await admin.GetAsync(Documents.Path(id))).ReadObjectAsync();
        Assert.Equal(2, stored["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_body_version_that_is_stale_is_refused_like_If_Match()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId("bodyversion");
        await Documents.SaveAsync(admin, id, Documents.Branch());
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "true"));

        var stale = Documents.Branch(closure: "false");
        stale["version"] = 1;
        using var response = await admin.PostAsync(Documents.Path(id), Documents.Json(stale));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("true", (await (await admin.GetAsync(Documents.Path(id))).ReadObjectAsync())["variables"]!["closure"]!.GetValue<string>());
    }

    [Fact]
    public async Task ETags_drive_create_only_saves_and_conditional_reads()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId("etag");

        HttpRequestMessage CreateOnly() => new(HttpMethod.Put, Documents.Path(id))
        {
            Content = Documents.Json(Documents.Branch()),
            Headers = { IfNoneMatch = { EntityTagHeaderValue.Any } },
        };
        using var created = await admin.SendAsync(CreateOnly());
        using var again = await admin.SendAsync(CreateOnly());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);

        var conditional = new HttpRequestMessage(HttpMethod.Get, Documents.Path(id)) { Headers = { IfNoneMatch = { new EntityTagHeaderValue("\"1\"") } } };
        using var notModified = await admin.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        var staleDelete = new HttpRequestMessage(HttpMethod.Delete, Documents.Path(id)) { Headers = { IfMatch = { new EntityTagHeaderValue("\"9\"") } } };
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(staleDelete)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Documents.Path(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(Documents.Path(id))).StatusCode);
    }
}
