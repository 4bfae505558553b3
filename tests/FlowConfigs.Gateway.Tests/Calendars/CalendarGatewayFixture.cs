using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Calendars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FlowConfigs.Gateway.Tests.Calendars;

/// <summary>The real gateway, its silo also running the test-only calendar notice recorder.</summary>
public sealed class CalendarGatewayFixture : GatewayFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IIncomingGrainCallFilter, CalendarNoticeRecorder>());
    }
}
