using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Web;

/// <summary>With an OIDC provider, pages may reach the endpoints its discovery document names, and nothing else.</summary>
public sealed class OidcContentSecurityPolicyTests(OidcGatewayFixture fixture) : IClassFixture<OidcGatewayFixture>
{
    [Fact]
    public async Task Pages_may_connect_to_the_issuer_and_the_providers_token_endpoint()
    {
        using var response = await fixture.PublicClient(null).GetAsync("/configs/new");
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

        var directives = policy.Split("; ").ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        var issuerOrigin = new Uri(fixture.Oidc.Issuer).GetLeftPart(UriPartial.Authority);
        Assert.Equal(["'self'", issuerOrigin, LoopbackOidcServer.HostedUi], directives["connect-src"]);
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'none'"], directives["object-src"]);
    }
}
