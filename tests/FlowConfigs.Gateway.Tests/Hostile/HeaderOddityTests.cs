using System.Text;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hostile;

/// <summary>Preconditions, media types, sizes, hosts and framing nobody sane sends, written on the raw socket.</summary>
[Collection(HostileCollection.Name)]
public sealed class HeaderOddityTests(HostileGateway gateway, ITestOutputHelper output)
{
    private int Public => gateway.Gateway.PublicPort;
    private int Internal => gateway.Gateway.InternalPort;

    private string SignedIn => $"Authorization: Bearer {gateway.AdminToken}\r\n";

    private static string Head(string method, string target, string headers, int? contentLength = null) =>
        $"{method} {target} HTTP/1.1\r\n{headers}" + (contentLength is { } length ? $"Content-Length: {length}\r\n" : "") + "Connection: close\r\n\r\n";

    private async Task<RawResponse> SendAsync(int port, string head, byte[]? body = null)
    {
        var response = await RawHttp.SendAsync(port, head, body);
        Assert.True(response is not null, $"no answer to {head}");
        return response;
    }

    [Fact]
    public async Task Odd_preconditions_never_let_a_save_through()
    {
        var id = await gateway.CreateConfigAsync("precondition-target");
        var before = await gateway.CheckpointAsync();
        // The stored document itself, so only the precondition can stop the save.
        var current = JsonNode.Parse(await gateway.Admin.GetStringAsync($"/api/flow-config/{id}"))!.AsObject();
        foreach (var field in new[] { "version", "updatedAt", "updatedBy" }) current.Remove(field);
        var body = Encoding.UTF8.GetBytes(current.ToJsonString());
        string[] preconditions =
        [
            "If-Match: \"1\"\r\nIf-Match: \"2\"\r\n",
            "If-Match: \"999\"\r\nIf-Match: \"999\"\r\n",
            "If-Match: <script>alert(1)</script>\r\n",
            "If-Match: W/\"999\"\r\n",
            "If-Match: \"99999999999999999999999\"\r\n",
            "If-Match: \"-1\"\r\n",
            "If-Match: \"1\" garbage\r\n",
            $"If-Match: \"{new string('9', 20_000)}\"\r\n",
            "If-None-Match: \"1\"\r\n",
            "If-None-Match: *\r\n",
            "If-Match: *\r\nIf-None-Match: *\r\n",
        ];

        foreach (var precondition in preconditions)
        {
            var response = await SendAsync(Public, Head("PUT", $"/api/flow-config/{id}",
                $"Host: 127.0.0.1\r\n{SignedIn}Content-Type: application/json\r\n{precondition}", body.Length), body);
            BodyEndpoints.AssertRefused(response.Status, response.Body, Shorten(precondition), 400, 412);
        }
        await gateway.AssertUnharmedAsync(before, output);
    }

    [Fact]
    public async Task Absurd_content_types_are_415()
    {
        var before = await gateway.CheckpointAsync();
        var body = Encoding.UTF8.GetBytes(Documents.Branch().ToJsonString());
        string[] contentTypes =
        [
            "", "Content-Type: text/plain\r\n", "Content-Type: application/xml\r\n", "Content-Type: application/x-www-form-urlencoded\r\n",
            "Content-Type: multipart/form-data; boundary=xyz\r\n", "Content-Type: application/jsonp\r\n", "Content-Type: +json\r\n",
            "Content-Type: json\r\n", $"Content-Type: text/plain; {new string('a', 10_000)}=1\r\n",
        ];

        foreach (var contentType in contentTypes)
        {
            var response = await SendAsync(Public, Head("PUT", "/api/flow-config/hostile-target", $"Host: 127.0.0.1\r\n{SignedIn}{contentType}", body.Length), body);
            BodyEndpoints.AssertRefused(response.Status, response.Body, $"Content-Type '{Shorten(contentType.Trim())}'", 415);
        }
        var control = await SendAsync(Internal, Head("POST", "/internal/connect", "Host: 127.0.0.1\r\nContent-Type: application/json\u0001\r\n", body.Length), body);
        BodyEndpoints.AssertRefused(control.Status, control.Body, "a control character in Content-Type", 400, 415);
        await gateway.AssertUnharmedAsync(before, output);
    }

    [Fact]
    public async Task Huge_headers_are_431()
    {
        var before = await gateway.CheckpointAsync();
        string[] heads =
        [
            Head("GET", "/api/me", $"Host: 127.0.0.1\r\nX-Padding: {new string('a', 100_000)}\r\n"),
            Head("GET", "/api/me", $"Host: 127.0.0.1\r\nAuthorization: Bearer {new string('a', 40_000)}\r\n"),
            Head("GET", "/api/me", "Host: 127.0.0.1\r\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"X-H{i}: {i}\r\n"))),
            Head("GET", "/api/me", $"Host: 127.0.0.1\r\nCookie: {string.Join("; ", Enumerable.Range(0, 6000).Select(i => $"c{i}=v"))}\r\n"),
        ];
        foreach (var head in heads)
        {
            var response = await SendAsync(Public, head);
            BodyEndpoints.AssertRefused(response.Status, response.Body, Shorten(head), 431);
        }
        await gateway.AssertUnharmedAsync(before, output);
    }

    [Fact]
    public async Task Host_tricks_change_neither_port_nor_issuer()
    {
        var before = await gateway.CheckpointAsync();

        var init = await SendAsync(Public, Head("GET", "/api/init", "Host: evil.example\r\n"));
        Assert.Equal(200, init.Status);
        Assert.DoesNotContain("evil", init.Body);
        var discovery = await SendAsync(Public, Head("GET", "/dev-issuer/.well-known/openid-configuration", "Host: evil.example\r\n"));
        Assert.Equal(200, discovery.Status);
        Assert.DoesNotContain("evil", discovery.Body);

        // The internal port is the port the connection reached, whatever the request names.
        var named = await SendAsync(Public, Head("GET", "/internal/config/branch-office-austin", $"Host: 127.0.0.1:{Internal}\r\n"));
        BodyEndpoints.AssertRefused(named.Status, named.Body, "the internal port in Host", 404);
        var absolute = await SendAsync(Public, Head("GET", $"http://127.0.0.1:{Internal}/internal/config/branch-office-austin", $"Host: 127.0.0.1:{Internal}\r\n"));
        BodyEndpoints.AssertRefused(absolute.Status, absolute.Body, "an absolute-form target naming the internal port", 404);

        foreach (var (head, because) in new[]
        {
            (Head("GET", "/api/init", ""), "no Host"),
            (Head("GET", "/api/init", "Host: a.example\r\nHost: b.example\r\n"), "two Hosts"),
            (Head("GET", "/api/init", "Host: evil.example/../admin\r\n"), "a path in Host"),
            (Head("GET", "/api/init", "Host: evil.example@127.0.0.1\r\n"), "userinfo in Host"),
            (Head("GET", "http://evil.example/api/init", "Host: 127.0.0.1\r\n"), "an absolute-form target for another host"),
        })
        {
            var response = await SendAsync(Public, head);
            BodyEndpoints.AssertRefused(response.Status, response.Body, because, 400);
        }
        await gateway.AssertUnharmedAsync(before, output);
    }

    [Fact]
    public async Task Conflicting_framing_is_refused_and_never_smuggles_a_request()
    {
        var before = await gateway.CheckpointAsync();
        var body = """{"id": "branch-office-austin"}"""u8.ToArray();
        var chunk = Encoding.ASCII.GetBytes($"{body.Length:x}\r\n").Concat(body).Concat("\r\n0\r\n\r\n"u8.ToArray()).ToArray();
        var smuggled = "GET /internal/config/queue%2Ftechnical-support HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray();

        // Transfer-Encoding wins over Content-Length, and the connection ends after that one request: what follows the
        // chunked body is never read as a second request.
        using (var connection = await RawHttp.ConnectAsync(Internal))
        {
            await connection.WriteAsync("POST /internal/connect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                                        "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n");
            await connection.WriteAsync([.. chunk, .. smuggled]);
            var first = await connection.ReadResponseAsync(TimeSpan.FromSeconds(10));
            Assert.True(first is { Status: < 500 }, $"{first?.Status} {first?.Body}");
            Assert.Null(await connection.ReadResponseAsync(TimeSpan.FromSeconds(5)));
        }

        foreach (var (framing, because) in new[]
        {
            ("Transfer-Encoding: gzip\r\n", "a final coding other than chunked"),
            ("Transfer-Encoding: chunked, identity\r\n", "chunked not last"),
            ($"Content-Length: {body.Length}\r\nContent-Length: {body.Length + 1}\r\n", "two different lengths"),
            ("Content-Length: -1\r\n", "a negative length"),
            ("Content-Length: 1e3\r\n", "a length that is not digits"),
            ("Content-Length: 99999999999999999999999\r\n", "a length past 64 bits"),
        })
        {
            var response = await SendAsync(Internal, $"POST /internal/connect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{framing}Connection: close\r\n\r\n", body);
            BodyEndpoints.AssertRefused(response.Status, response.Body, because, 400);
        }
        await gateway.AssertUnharmedAsync(before, output);
    }

    private static string Shorten(string text) => text.Length > 100 ? text[..100] + "…" : text;
}
