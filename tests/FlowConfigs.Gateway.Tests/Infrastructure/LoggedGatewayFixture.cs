using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>The in-process gateway with its log captured.</summary>
public sealed class LoggedGatewayFixture : GatewayFixture
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs)));
    }
}
