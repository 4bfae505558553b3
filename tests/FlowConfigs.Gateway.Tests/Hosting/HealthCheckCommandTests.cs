using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>The container image's HEALTHCHECK: <c>FlowConfigs.Gateway.dll health-check</c> against the running gateway.</summary>
public sealed class HealthCheckCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-healthcmd-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Exits_0_for_a_ready_gateway_and_1_when_nothing_answers()
    {
        await using var gateway = await GatewayProcess.StartAsync(_dataDirectory);
        var ready = await GatewayProcess.RunCommandAsync("health-check", _dataDirectory,
            new Dictionary<string, string> { ["FlowConfigs__Ports__Internal"] = gateway.InternalPort.ToString() });
        Assert.Equal(0, ready.ExitCode);
        Assert.Contains("/health/ready: 200", ready.Output);

        var nobody = await GatewayProcess.RunCommandAsync("health-check", _dataDirectory,
            new Dictionary<string, string> { ["FlowConfigs__Ports__Internal"] = GatewayProcess.FreePort().ToString() });
        Assert.Equal(1, nobody.ExitCode);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
