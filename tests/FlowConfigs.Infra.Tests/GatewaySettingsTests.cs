namespace FlowConfigs.Infra.Tests;

public sealed class GatewaySettingsTests
{
    [Theory]
    [InlineData("FlowConfigs__Storage__DynamoDB__TableName", true)]
    [InlineData("FlowConfigs__Storage__DynamoDB__RevisionLease", true)]
    [InlineData("FlowConfigs__Storage__KeepRevisions", true)]
    [InlineData("FlowConfigs__Clustering__Redis__ConnectionString", true)]
    [InlineData("FlowConfigs__Authorization__VerifiedPermissions__PolicyStoreId", true)]
    [InlineData("FlowConfigs__Events__Provider", true)]
    [InlineData("FlowConfigs__Events__Webhook__Urls__0", true)]
    [InlineData("FlowConfigs__Events__Webhook__Secret", true)]
    [InlineData("FlowConfigs__Events__EventBridge__BusName", true)]
    [InlineData("FlowConfigs__Events__EventBridge__Region", true)]
    [InlineData("FlowConfigs__Events__MaxRetryDelay", true)]
    [InlineData("FlowConfigs__Web__FrameAncestors__0", true)]
    [InlineData("FlowConfigs__Web__FrameAncestors__origin", false)]
    [InlineData("FlowConfigs__Storage__DynamoDB__TableNme", false)]
    [InlineData("FlowConfigs__Events__Webhook__Urls__first", false)]
    [InlineData("FlowConfigs__Events__Webhook__Secret__0", false)]
    [InlineData("FlowConfigs__Nowhere__Provider", false)]
    [InlineData("FlowConfigs__Storage", false)]
    public void The_check_knows_a_real_setting_from_a_typo(string key, bool binds) => Assert.Equal(binds, GatewaySettings.Binds(key));

    [Fact]
    public void Every_options_section_is_found()
    {
        foreach (var section in new[] { "Ports", "Cluster", "Clustering", "Storage", "Identity", "Authorization", "Speech", "Telemetry", "SampleData", "Web", "Events" })
            Assert.Contains("FlowConfigs:" + section, GatewaySettings.SectionNames);
    }
}
