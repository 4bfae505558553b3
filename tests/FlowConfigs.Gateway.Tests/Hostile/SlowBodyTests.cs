using FlowConfigs.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hostile;

/// <summary>Slow-loris bodies on several sockets at once: each is a 408 problem, and nobody else waits for them.</summary>
[Collection(HostileCollection.Name)]
public sealed class SlowBodyTests(HostileGateway gateway, ITestOutputHelper output)
{
    [Fact]
    public async Task Trickling_bodies_are_408_and_GetConfig_keeps_answering_meanwhile()
    {
        var before = await gateway.CheckpointAsync();
        var trickles = BodyEndpoints.All.Select(endpoint =>
        {
            var port = endpoint.InternalPort ? gateway.Gateway.InternalPort : gateway.Gateway.PublicPort;
            var head = $"{endpoint.Method} {endpoint.Path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                       (endpoint.SignedIn ? $"Authorization: Bearer {gateway.AdminToken}\r\n" : "") +
                       $"Content-Length: {endpoint.MaxBytes}\r\n\r\n{{";
            return (Endpoint: endpoint, Response: RawHttp.TrickleAsync(port, head, TimeSpan.FromSeconds(30)));
        }).ToList();

        // While the sockets trickle, callers are served as usual.
        for (var i = 0; i < 5; i++)
        {
            using var live = await gateway.Internal.GetAsync("/internal/config/branch-office-austin");
            Assert.Equal(200, (int)live.StatusCode);
            await Task.Delay(500);
        }

        foreach (var (endpoint, pending) in trickles)
        {
            var response = await pending;
            Assert.True(response is not null, $"{endpoint}: no answer");
            BodyEndpoints.AssertRefused(response.Status, response.Body, $"a trickling body to {endpoint}", 408);
            Assert.Equal("application/problem+json", response.Header("Content-Type"));
        }
        await gateway.AssertUnharmedAsync(before, output);
    }
}
