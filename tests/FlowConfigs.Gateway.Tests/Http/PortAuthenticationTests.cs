using System.Net;
using System.Net.Http.Headers;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace FlowConfigs.Gateway.Tests.Http;

/// <summary>The gateway with the bearer handler's own log lines captured.</summary>
public sealed class AuthenticationLoggedGatewayFixture : GatewayFixture
{
    public CapturedLogs Logs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Logging:LogLevel:Microsoft.AspNetCore.Authentication", "Information")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs)));
    }
}

/// <summary>
/// Tokens are validated on the public port only: GetConfig on the internal port is reached from inside the VPC and
/// pays nothing for authentication, even when a caller sends an Authorization header.
/// </summary>
public sealed class PortAuthenticationTests(AuthenticationLoggedGatewayFixture fixture) : IClassFixture<AuthenticationLoggedGatewayFixture>
{
    private int BearerFailures() =>
        fixture.Logs.Entries.Count(e => e.Category.Contains("JwtBearer", StringComparison.Ordinal) && e.Message.Contains("not authenticated", StringComparison.Ordinal));

    [Fact]
    public async Task The_internal_port_never_runs_the_bearer_handler()
    {
        using var client = fixture.InternalClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var before = BearerFailures();

        using var response = await client.GetAsync("/internal/config/branch-office-austin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, BearerFailures());
    }

    [Fact]
    public async Task The_public_port_validates_the_same_header()
    {
        using var client = fixture.PublicClient("not-a-token");
        var before = BearerFailures();

        using var response = await client.GetAsync("/api/flow-config/branch-office-austin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before + 1, BearerFailures());
    }
}
