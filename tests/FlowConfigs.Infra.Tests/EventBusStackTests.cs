using System.Text.Json.Nodes;
using Amazon.CDK;

namespace FlowConfigs.Infra.Tests;

/// <summary>
/// The stack synthesized with <c>-c eventBusName=...</c>, and (one synthesis for every optional setting left out)
/// without a domain, certificate, Connect instance URL or alert addresses, for a second environment.
/// </summary>
public sealed class SynthesizedStackWithEventBus() : SynthesizedStack(settings => settings with
{
    EnvironmentName = "staging", EventBusName = BusName, Domain = null, CertificateArn = null, ConnectInstanceUrl = null, AlertEmails = [],
})
{
    public const string BusName = "flowconfigs-changes";
}

/// <summary>Change events go to an existing bus when one is named, and the task role may put events on that bus only.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class EventBusStackTests(SynthesizedStackWithEventBus withBus) : IClassFixture<SynthesizedStackWithEventBus>
{
    internal static Dictionary<string, JsonNode> GatewayEnvironment(SynthesizedStack stack) =>
        stack.Resources("AWS::ECS::TaskDefinition").Single().Properties["ContainerDefinitions"]!.AsArray()
            .Single(c => c!["Name"]!.GetValue<string>() == "gateway")!["Environment"]!.AsArray()
            .ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!["Value"]!);

    internal static JsonObject[] Statements(SynthesizedStack stack) => stack.Resources("AWS::IAM::Policy")
        .SelectMany(p => p.Properties["PolicyDocument"]!["Statement"]!.AsArray()).Select(s => s!.AsObject()).ToArray();

    private static bool Names(JsonObject statement, string action) =>
        statement["Action"] is JsonArray many ? many.Any(a => a!.GetValue<string>() == action) : statement["Action"]!.GetValue<string>() == action;

    [Fact]
    public void With_a_bus_the_gateway_sends_to_EventBridge_and_may_put_events_on_that_bus_only()
    {
        var environment = GatewayEnvironment(withBus);
        Assert.Equal("EventBridge", environment["FlowConfigs__Events__Provider"]!.GetValue<string>());
        Assert.Equal(SynthesizedStackWithEventBus.BusName, environment["FlowConfigs__Events__EventBridge__BusName"]!.GetValue<string>());
        foreach (var key in environment.Keys.Where(k => k.StartsWith("FlowConfigs__")))
            Assert.True(GatewaySettings.Binds(key), $"{key} binds to no option");

        var statement = Assert.Single(Statements(withBus), s => Names(s, "events:PutEvents"));
        Assert.Equal("events:PutEvents", statement["Action"]!.GetValue<string>());
        Assert.Equal("Allow", statement["Effect"]!.GetValue<string>());
        // arn:${Partition}:events:${Region}:${Account}:event-bus/<name>, one resource, no wildcard.
        var resource = statement["Resource"]!.AsObject();
        Assert.Equal("""["arn:",{"Ref":"AWS::Partition"},":events:",{"Ref":"AWS::Region"},":",{"Ref":"AWS::AccountId"},":event-bus/flowconfigs-changes"]""",
            resource["Fn::Join"]![1]!.ToJsonString());
        Assert.DoesNotContain("*", resource.ToJsonString());
    }

    [Fact]
    public void With_a_bus_an_alarm_pages_when_an_event_has_waited_over_15_minutes()
    {
        var alarm = Assert.Single(withBus.Resources("AWS::CloudWatch::Alarm"), a => a.Properties["AlarmName"]!.ToJsonString().Contains("change events behind"));
        var properties = alarm.Properties;
        Assert.Equal("ECS/AWSOTel/Application", properties["Namespace"]!.GetValue<string>());
        Assert.Equal("flowconfigs.events.undelivered_age", properties["MetricName"]!.GetValue<string>());
        Assert.Equal("""[{"Name":"OTelLib","Value":"FlowConfigs.Events"}]""", properties["Dimensions"]!.ToJsonString());
        Assert.Equal(("Maximum", 300, 900.0), (properties["Statistic"]!.GetValue<string>(), properties["Period"]!.GetValue<int>(), properties["Threshold"]!.GetValue<double>()));
        Assert.Equal("notBreaching", properties["TreatMissingData"]!.GetValue<string>());
    }

    [Fact]
    public void The_bus_is_read_from_context()
    {
        var app = new App(new AppProps
        {
            Context = new Dictionary<string, object>
            {
                ["connectInstanceArn"] = SynthesizedStack.ConnectInstanceArn,
                ["eventBusName"] = "ops-bus",
            },
        });
        Assert.Equal("ops-bus", InfraSettings.FromContext(app).EventBusName);
        Assert.Null(InfraSettings.FromContext(new App(new AppProps
        {
            Context = new Dictionary<string, object> { ["connectInstanceArn"] = SynthesizedStack.ConnectInstanceArn },
        })).EventBusName);
    }

    [Fact]
    public void A_bus_arn_is_refused_with_what_to_give_instead()
    {
        var error = Assert.Throws<ArgumentException>(() => FlowConfigsStack.Create(new App(), new InfraSettings
        {
            ConnectInstanceArn = SynthesizedStack.ConnectInstanceArn,
            EventBusName = "arn:aws:events:us-east-1:123456789012:event-bus/x",
        }));
        Assert.Contains("is not an event bus name", error.Message);
    }

    [Fact]
    public void Without_alert_addresses_alarms_still_notify_a_topic_and_without_a_domain_there_is_no_workspace_application()
    {
        var topic = withBus.Resources("AWS::SNS::Topic").Single().Id;
        Assert.All(withBus.Resources("AWS::CloudWatch::Alarm"), a => Assert.Contains(topic, a.Properties["AlarmActions"]!.ToJsonString()));
        Assert.Empty(withBus.Resources("AWS::SNS::Subscription"));
        // The app is plain http without one, which the https Agent Workspace could not frame.
        Assert.Empty(withBus.Resources("AWS::AppIntegrations::Application"));
        Assert.DoesNotContain(withBus.Resources("AWS::Connect::IntegrationAssociation"), a => a.Properties["IntegrationType"]!.GetValue<string>() == "APPLICATION");
    }

    [Fact]
    public void Another_environment_sends_its_metrics_to_a_log_group_of_its_own()
    {
        InfraStackTests.AssertAdotWritesTo(withBus, "/flowconfigs/staging/metrics");
        Assert.DoesNotContain(withBus.Resources("AWS::Logs::LogGroup"), g => g.Properties["LogGroupName"]!.GetValue<string>().Contains("/test/"));
    }

    [Fact]
    public void Without_a_connect_instance_url_every_connect_instance_may_frame_the_app()
    {
        Assert.DoesNotContain(GatewayEnvironment(withBus).Keys, key => key.StartsWith("FlowConfigs__Web__"));
        Assert.Equal(["https://*.my.connect.aws", "https://*.awsapps.com"], InfraStackTests.FrameAncestors(GatewayEnvironment(withBus)));
    }
}
