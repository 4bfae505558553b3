using System.Text;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hostile;

/// <summary>
/// Ids built to escape their path segment, hide characters or look like another id, sent exactly as written (raw
/// request targets: HttpClient would normalize some of them away) on every route that takes an id.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileIdTests(HostileGateway gateway, ITestOutputHelper output)
{
    private static readonly (string Method, string Path, bool InternalPort)[] Routes =
    [
        ("GET", "/api/flow-config/{id}", false),
        ("PUT", "/api/flow-config/{id}", false),
        ("POST", "/api/flow-config/{id}", false),
        ("DELETE", "/api/flow-config/{id}", false),
        ("GET", "/api/flow-config/{id}/resolve", false),
        ("GET", "/api/flow-config/{id}/history", false),
        ("GET", "/api/flow-config/{id}/history/1", false),
        ("POST", "/api/flow-config/{id}/rollback/1", false),
        ("GET", "/internal/config/{id}", true),
    ];

    /// <summary>As they travel in the request target.</summary>
    public static TheoryData<string> Ids() =>
    [
        "..%2F..%2Fetc%2Fpasswd", // encoded slashes around dot segments
        "queue%2F..%2Fbranch-office-austin",
        "%2e%2e", // dot segments the server resolves before routing
        "%2e%2e%2Fbranch-office-austin",
        "%252e%252e%252Fbranch-office-austin", // double encoding
        "%2Fbranch-office-austin",
        "branch-office-austin%2F",
        "branch-office-austin%00", // NUL
        "branch%E2%80%AEniatsua-office", // right-to-left override
        "branch-office-austin%E2%80%8B", // zero-width space
        "%E2%81%A6branch-office-austin%E2%81%A9", // isolate
        "%EF%BC%8Fetc%EF%BC%8Fpasswd", // fullwidth solidus (NFKC: '/')
        "%E2%84%AAelvin", // Kelvin sign (NFKC: 'K')
        "branch-office-austi%CC%81n", // combining accent
        "%C0%AE%C0%AE%C0%AF", // overlong UTF-8 for "../"
        "application-settings", // a storage name
        new string('y', 10 * 1024), // 10 KB
    ];

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Every_id_route_refuses_it(string encodedId)
    {
        var before = await gateway.CheckpointAsync();
        var document = Encoding.UTF8.GetBytes(Documents.Branch().ToJsonString());

        foreach (var (method, template, internalPort) in Routes)
        {
            var target = template.Replace("{id}", encodedId);
            var head = $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                       (internalPort ? "" : $"Authorization: Bearer {gateway.AdminToken}\r\n") +
                       (method is "PUT" or "POST" ? $"Content-Type: application/json\r\nContent-Length: {document.Length}\r\n" : "") +
                       "Connection: close\r\n\r\n";
            var response = await RawHttp.SendAsync(internalPort ? gateway.Gateway.InternalPort : gateway.Gateway.PublicPort, head,
                method is "PUT" or "POST" ? document : null);
            Assert.True(response is not null, $"{method} {Shorten(target)}: no answer");
            BodyEndpoints.AssertRefused(response.Status, response.Body, $"{method} {Shorten(target)}");
        }

        await gateway.AssertUnharmedAsync(before, output);
    }

    private static string Shorten(string target) => target.Length > 120 ? target[..120] + "…" : target;
}
