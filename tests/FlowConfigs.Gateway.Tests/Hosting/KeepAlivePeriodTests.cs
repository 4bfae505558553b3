using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>
/// A keep-alive period the cluster could not live with stops the gateway at start, naming the setting: a sub-second one
/// would flood the always-active grains with calls, an hour-long one would let a publish on a lost task go that late.
/// </summary>
public sealed class KeepAlivePeriodTests
{
    private sealed class ConfiguredGateway(string period) : GatewayFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("FlowConfigs:Cluster:KeepAlivePeriod", period)];
    }

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("01:00:00")]
    public async Task Out_of_range_stops_the_start(string period)
    {
        var gateway = new ConfiguredGateway(period);
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(gateway.InitializeAsync);
            Assert.True(error is OptionsValidationException or InvalidOperationException, error.ToString());
            Assert.Contains("KeepAlivePeriod", error.ToString());
        }
        finally
        {
            await ((IAsyncLifetime)gateway).DisposeAsync();
        }
    }
}
