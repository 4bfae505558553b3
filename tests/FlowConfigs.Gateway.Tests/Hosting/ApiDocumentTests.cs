using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Xunit;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>The OpenAPI document is what a client generator needs: the bearer scheme and every problem each endpoint answers.</summary>
public sealed class ApiDocumentTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<JsonObject> OperationAsync(string path, string method)
    {
        var document = JsonNode.Parse(await fixture.PublicClient(null).GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();
        var item = (paths[path] ?? paths[path + "/"])?.AsObject() ?? throw new Xunit.Sdk.XunitException($"OpenAPI lacks {path}");
        return item[method]!.AsObject();
    }

    private static string[] ProblemStatuses(JsonObject operation) =>
        operation["responses"]!.AsObject()
            .Where(r => r.Value!["content"]?.AsObject().ContainsKey("application/problem+json") == true)
            .Select(r => r.Key).Order().ToArray();

    [Fact]
    public async Task Declares_the_bearer_jwt_scheme()
    {
        var document = JsonNode.Parse(await fixture.PublicClient(null).GetStringAsync("/openapi/v1.json"))!;
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.Equal("JWT", scheme["bearerFormat"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/flow-config/{id}", "get", new[] { "400", "401", "403", "404", "503" })]
    [InlineData("/api/flow-config/{id}", "post", new[] { "400", "401", "403", "408", "409", "412", "413", "415", "503" })]
    [InlineData("/api/flow-config/{id}", "delete", new[] { "400", "401", "403", "404", "408", "409", "412", "413", "415", "503" })]
    [InlineData("/api/flow-config/{id}/resolve", "get", new[] { "400", "401", "403", "404", "503" })]
    [InlineData("/api/flow-config/{id}/rollback/{version}", "post", new[] { "400", "401", "403", "404", "408", "409", "412", "413", "415", "503" })]
    [InlineData("/api/flow-config/{id}/draft/publish", "post", new[] { "400", "401", "403", "404", "408", "409", "412", "413", "415", "503" })]
    [InlineData("/api/flow-config/{id}/draft/approve", "post", new[] { "400", "401", "403", "404", "408", "409", "412", "413", "415", "503" })]
    [InlineData("/api/flow-config/import", "post", new[] { "400", "401", "403", "408", "413", "415", "503" })]
    [InlineData("/api/calendars", "get", new[] { "401", "403", "503" })]
    [InlineData("/api/calendars/{id}", "get", new[] { "400", "401", "403", "404", "503" })]
    [InlineData("/api/calendars/{id}", "put", new[] { "400", "401", "403", "408", "412", "413", "415", "503" })]
    [InlineData("/api/calendars/{id}", "delete", new[] { "400", "401", "403", "404", "412", "503" })]
    [InlineData("/api/calendars/{id}/import", "post", new[] { "400", "401", "403", "408", "412", "413", "415", "503" })]
    [InlineData("/api/calendars/{id}/rollback/{version}", "post", new[] { "400", "401", "403", "404", "412", "503" })]
    [InlineData("/api/settings", "post", new[] { "400", "401", "403", "408", "412", "413", "415", "503" })]
    [InlineData("/api/preview-speech", "post", new[] { "400", "401", "403", "408", "413", "415", "429", "503" })]
    [InlineData("/api/speech/voices", "get", new[] { "401", "403", "503" })]
    [InlineData("/internal/config/{id}", "get", new[] { "400", "404", "503" })]
    [InlineData("/api/ops/cluster", "get", new[] { "401", "403", "503" })]
    public async Task Lists_every_problem_an_endpoint_answers(string path, string method, string[] statuses)
    {
        var operation = await OperationAsync(path, method);
        Assert.Equal(statuses, ProblemStatuses(operation));
    }

    [Fact]
    public async Task Token_routes_require_the_bearer_scheme_and_public_ones_do_not()
    {
        var save = await OperationAsync("/api/flow-config/{id}", "post");
        Assert.True(save["security"]!.AsArray()[0]!.AsObject().ContainsKey("Bearer"));
        var init = await OperationAsync("/api/init", "get");
        Assert.Null(init["security"]);
        Assert.DoesNotContain("401", ProblemStatuses(init));
    }

    [Fact]
    public async Task Serves_an_api_reference_page_on_the_public_port_only()
    {
        using var page = await fixture.PublicClient(null).GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.ToString());
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync());
        var policy = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("awsapps", policy);

        using var onInternal = await fixture.InternalClient().GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.NotFound, onInternal.StatusCode);
    }
}
