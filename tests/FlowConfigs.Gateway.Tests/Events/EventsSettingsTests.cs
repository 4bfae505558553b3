using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Tests.Events;

/// <summary>A provider that could never deliver stops the gateway at start, naming the setting to fix.</summary>
public sealed class EventsSettingsTests
{
    private sealed class ConfiguredGateway(Dictionary<string, string> settings) : GatewayFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => settings;
    }

    private static async Task<string> StartupErrorAsync(Dictionary<string, string> settings)
    {
        var gateway = new ConfiguredGateway(settings);
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(gateway.InitializeAsync);
            Assert.True(error is OptionsValidationException or InvalidOperationException, error.ToString());
            return error.ToString();
        }
        finally
        {
            await ((IAsyncLifetime)gateway).DisposeAsync();
        }
    }

    [Fact]
    public async Task Webhook_without_a_url_or_a_secret()
    {
        var error = await StartupErrorAsync(new() { ["FlowConfigs:Events:Provider"] = "Webhook" });
        Assert.Contains("FlowConfigs:Events:Provider is 'Webhook' but FlowConfigs:Events:Webhook:Urls is empty (set FlowConfigs__Events__Webhook__Urls__0)", error);
        Assert.Contains("FlowConfigs:Events:Webhook:Secret is empty", error);
    }

    [Theory]
    [InlineData("hooks.example.com/flowconfigs")]
    [InlineData("ftp://hooks.example.com/flowconfigs")]
    public async Task Webhook_with_a_url_that_is_not_absolute_http(string url)
    {
        var error = await StartupErrorAsync(new()
        {
            ["FlowConfigs:Events:Provider"] = "Webhook",
            ["FlowConfigs:Events:Webhook:Urls:0"] = "https://hooks.example.com/ok",
            ["FlowConfigs:Events:Webhook:Urls:1"] = url,
            ["FlowConfigs:Events:Webhook:Secret"] = "s3cret",
        });
        Assert.Contains($"FlowConfigs:Events:Webhook:Urls:1 '{url}' is not an absolute http or https URL.", error);
        Assert.DoesNotContain("Urls:0", error);
    }

    [Fact]
    public async Task EventBridge_without_a_bus_name()
    {
        Assert.Contains("FlowConfigs:Events:Provider is 'EventBridge' but FlowConfigs:Events:EventBridge:BusName is empty.",
            await StartupErrorAsync(new() { ["FlowConfigs:Events:Provider"] = "EventBridge" }));
    }

    [Fact]
    public async Task A_provider_that_is_not_one()
    {
        var error = await StartupErrorAsync(new() { ["FlowConfigs:Events:Provider"] = "Kafka" });
        Assert.Contains("'Kafka' at 'FlowConfigs:Events:Provider'", error);
        Assert.Contains("use 'None' or 'Webhook' or 'EventBridge'.", error);
    }

    [Fact]
    public async Task Retry_pacing_out_of_range()
    {
        Assert.Contains("MaxRetryDelay", await StartupErrorAsync(new() { ["FlowConfigs:Events:MaxRetryDelay"] = "02:00:00" }));
    }
}
