using System.Net;
using System.Text.RegularExpressions;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Web;

/// <summary>The built web app served from the public port, locked to its own origin and framable only by the Connect Agent Workspace.</summary>
public sealed partial class WebAppTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/configs/queue%2Ftechnical-support")]
    [InlineData("/settings")]
    public async Task Page_routes_get_the_app_with_a_content_security_policy(string path)
    {
        using var response = await fixture.PublicClient(null).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync());
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self' data:; img-src 'self' data:; " +
            "media-src 'self' blob:; connect-src 'self'; frame-ancestors 'self' https://*.my.connect.aws https://*.awsapps.com; " +
            "base-uri 'self'; form-action 'self'; object-src 'none'", policy);
    }

    [Fact]
    public async Task Fingerprinted_assets_are_served_and_cached_for_good()
    {
        var html = await fixture.PublicClient(null).GetStringAsync("/");
        var script = ScriptSource().Match(html).Groups[1].Value;
        using var response = await fixture.PublicClient(null).GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/no-such-route")]
    [InlineData("/assets/missing.js")]
    [InlineData("/dev-issuer/unknown")]
    public async Task Unknown_server_paths_stay_404_problems(string path)
    {
        using var response = await fixture.PublicClient(null).GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_app_is_not_on_the_internal_port()
    {
        using var response = await fixture.InternalClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("<script[^>]+src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
