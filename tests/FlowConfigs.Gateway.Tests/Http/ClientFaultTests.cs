using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Gateway.Tests.Http;

/// <summary>
/// Bodies that trickle in, stop short or are badly framed are the client's fault: 408 or 400 problems and a warning
/// without a stack trace, never a 500 and never an error in the log.
/// </summary>
public sealed class ClientFaultTests(LoggedGatewayFixture fixture) : IClassFixture<LoggedGatewayFixture>
{
    private static string Head(string method, string path, string? token, string framing) =>
        $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
        (token is null ? "" : $"Authorization: Bearer {token}\r\n") +
        framing + "\r\n\r\n";

    [Fact]
    public async Task Bodies_that_trickle_in_are_408_problems_and_warnings()
    {
        var token = await fixture.TokenAsync("admin", ["FlowConfigAdmin"]);
        var id = Documents.NewId("slow");
        var requests = new[]
        {
            (Port: fixture.InternalPort, Head: Head("POST", "/internal/connect", null, "Content-Length: 100000"), Drip: " "),
            (Port: fixture.PublicPort, Head: Head("POST", "/api/dev/token", null, "Content-Length: 10000"), Drip: " "),
            (Port: fixture.PublicPort, Head: Head("PUT", Documents.Path(id), token, "Content-Length: 100000"), Drip: " "),
            (Port: fixture.PublicPort, Head: Head("POST", "/api/preview-speech", token, "Transfer-Encoding: chunked") + "1\r\n{\r\n", Drip: "1\r\n \r\n"),
        };

        var responses = await Task.WhenAll(requests.Select(r => RawHttp.TrickleAsync(r.Port, r.Head, TimeSpan.FromSeconds(30), r.Drip)));

        foreach (var (response, request) in responses.Zip(requests))
        {
            Assert.True(response is not null, $"no answer to {request.Head}");
            Assert.True(response.Status == 408, $"{request.Head}: {response.Status} {response.Body}");
            Assert.Equal("application/problem+json", response.Header("Content-Type"));
            Assert.NotNull(JsonNode.Parse(response.Body)!["errors"]!["body"]);
        }
        using var admin = fixture.PublicClient(token);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Documents.Path(id))).StatusCode);
        AssertLoggedAsWarnings(408, requests.Length);
    }

    [Fact]
    public async Task A_badly_framed_chunked_body_is_a_400_problem_and_a_warning()
    {
        var response = await RawHttp.SendAsync(fixture.InternalPort,
            Head("POST", "/internal/connect", null, "Transfer-Encoding: chunked") + "5\r\n{\"id\"\r\nZZ\r\nxx\r\n0\r\n\r\n");

        Assert.NotNull(response);
        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.NotNull(JsonNode.Parse(response.Body)!["errors"]!["body"]);
        AssertLoggedAsWarnings(400, 1);
    }

    [Fact]
    public async Task A_body_the_client_stops_short_is_never_a_server_error()
    {
        // Kestrel takes the client's FIN for the end of the connection, so the 400 it would earn cannot be sent;
        // what matters is that nothing is logged as a server error and the gateway keeps serving.
        using var connection = await RawHttp.ConnectAsync(fixture.InternalPort);
        await connection.WriteAsync(Head("POST", "/internal/connect", null, "Content-Length: 100") + """{"id": "branch-""");
        connection.EndSending();

        var response = await connection.ReadResponseAsync(TimeSpan.FromSeconds(15));

        Assert.True(response is null || response.Status == 400, $"{response?.Status} {response?.Body}");
        await AssertStillServingAsync();
        AssertNoErrors();
    }

    [Fact]
    public async Task A_client_that_resets_mid_body_leaves_no_error()
    {
        using (var connection = await RawHttp.ConnectAsync(fixture.InternalPort))
        {
            await connection.WriteAsync(Head("POST", "/internal/connect", null, "Content-Length: 100") + "{");
            await Task.Delay(200);
            connection.Reset();
        }

        await AssertStillServingAsync();
        // The request ends on the server shortly after the reset arrives.
        await Task.Delay(500);
        AssertNoErrors();
    }

    [Fact]
    public async Task A_bad_request_escaping_any_endpoint_is_answered_with_its_status()
    {
        var handler = Assert.Single(fixture.Services.GetServices<IExceptionHandler>().OfType<ClientFaultHandler>());
        var context = new DefaultHttpContext { RequestServices = fixture.Services };
        context.Request.Method = "POST";
        context.Request.Path = "/api/somewhere";
        context.Response.Body = new MemoryStream();

        var handled = await handler.TryHandleAsync(context, new BadHttpRequestException("Request body too large.", 413), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(413, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        var problem = JsonNode.Parse(context.Response.Body)!;
        Assert.Equal(413, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["errors"]!["body"]);
        Assert.False(await handler.TryHandleAsync(new DefaultHttpContext(), new InvalidOperationException("ours"), CancellationToken.None));
    }

    private async Task AssertStillServingAsync()
    {
        using var response = await fixture.InternalClient().GetAsync("/internal/config/branch-office-austin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private void AssertNoErrors()
    {
        var errors = fixture.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Category}: {e.Message} {e.Exception}")));
    }

    private void AssertLoggedAsWarnings(int status, int atLeast)
    {
        AssertNoErrors();
        var warnings = fixture.Logs.Entries
            .Where(e => e.Category == typeof(ClientFaultHandler).FullName && e.Message.Contains($": {status} ", StringComparison.Ordinal))
            .ToList();
        Assert.True(warnings.Count >= atLeast, $"expected {atLeast} client-fault warnings for {status}, saw {warnings.Count}");
        Assert.All(warnings, w =>
        {
            Assert.Equal(LogLevel.Warning, w.Level);
            Assert.Null(w.Exception); // no stack trace
        });
    }
}
