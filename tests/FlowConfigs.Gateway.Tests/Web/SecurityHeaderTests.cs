using System.Text.RegularExpressions;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Web;

/// <summary>Every response of either port tells the browser not to guess its content type.</summary>
public sealed partial class SecurityHeaderTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("public", "/api/init", false)]
    [InlineData("public", "/api/me", false)] // 401 problem
    [InlineData("public", "/api/flow-config/a%20b", true)] // 400 problem
    [InlineData("public", "/api/flow-config/nobody-stored-this", true)] // 404 problem
    [InlineData("public", "/api/no-such-route", false)]
    [InlineData("public", "/internal/config/branch-office-austin", false)] // wrong port
    [InlineData("public", "/health/live", false)]
    [InlineData("public", "/health/ready", false)]
    [InlineData("public", "/", false)]
    [InlineData("public", "/settings", false)]
    [InlineData("public", "/favicon.svg", false)]
    [InlineData("public", "/assets/missing.js", false)]
    [InlineData("internal", "/internal/config/branch-office-austin", false)]
    [InlineData("internal", "/internal/config/nobody-stored-this", false)]
    [InlineData("internal", "/internal/config/a%20b", false)]
    [InlineData("internal", "/health/ready", false)]
    [InlineData("internal", "/", false)]
    public async Task Nosniff_is_on_every_response(string port, string path, bool signedIn)
    {
        var client = port == "internal" ? fixture.InternalClient()
            : fixture.PublicClient(signedIn ? await fixture.TokenAsync("admin", ["FlowConfigAdmin"]) : null);
        using var response = await client.GetAsync(path);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Nosniff_is_on_the_app_script_and_on_bodies_refused_by_the_internal_port()
    {
        var html = await fixture.PublicClient(null).GetStringAsync("/");
        using var script = await fixture.PublicClient(null).GetAsync(ScriptSource().Match(html).Groups[1].Value);
        Assert.Equal("nosniff", Assert.Single(script.Headers.GetValues("X-Content-Type-Options")));

        using var refused = await fixture.InternalClient().PostAsync("/internal/connect", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("nosniff", Assert.Single(refused.Headers.GetValues("X-Content-Type-Options")));
    }

    [GeneratedRegex("<script[^>]+src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
