using System.Text.Json.Nodes;
using Amazon.CDK;
using FlowConfigs.Gateway.Features.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Infra.Tests;

/// <summary>On-call alerts, the operations dashboard and the Agent Workspace application, in the common synthesis.</summary>
public sealed partial class InfraStackTests
{
    [Fact]
    public void Every_alarm_notifies_the_encrypted_topic_going_off_and_clearing_and_each_alert_address_is_subscribed()
    {
        var (topicId, topic) = synth.Resources("AWS::SNS::Topic").Single();
        var topicRef = $$"""{"Ref":"{{topicId}}"}""";
        var alarms = synth.Resources("AWS::CloudWatch::Alarm").ToArray();
        Assert.Equal(4, alarms.Length);
        foreach (var (id, alarm) in alarms)
        {
            Assert.Equal([topicRef], alarm["AlarmActions"]?.AsArray().Select(a => a!.ToJsonString()) ?? [], StringComparer.Ordinal);
            Assert.Equal([topicRef], alarm["OKActions"]?.AsArray().Select(a => a!.ToJsonString()) ?? [], StringComparer.Ordinal);
        }

        // -c alertEmails="a@x.com, b@y.org": one e-mail subscription per address, to that topic.
        var subscriptions = synth.Resources("AWS::SNS::Subscription").Select(s => s.Properties).ToArray();
        Assert.Equal(["a@x.com", "b@y.org"], subscriptions.Select(s => s["Endpoint"]!.GetValue<string>()).Order());
        Assert.All(subscriptions, s =>
        {
            Assert.Equal("email", s["Protocol"]!.GetValue<string>());
            Assert.Equal(topicRef, s["TopicArn"]!.ToJsonString());
        });

        // Its own key, which CloudWatch may use: alarms cannot publish to a topic under the AWS-managed key.
        var (keyId, key) = synth.Resources("AWS::KMS::Key").Single();
        Assert.Equal($$"""{"Fn::GetAtt":["{{keyId}}","Arn"]}""", topic["KmsMasterKeyId"]!.ToJsonString());
        Assert.True(key["EnableKeyRotation"]!.GetValue<bool>());
        var cloudWatch = Assert.Single(key["KeyPolicy"]!["Statement"]!.AsArray(),
            s => s!["Principal"]?["Service"]?.ToJsonString() == "\"cloudwatch.amazonaws.com\"")!;
        Assert.Equal("Allow", cloudWatch["Effect"]!.GetValue<string>());
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey*"], cloudWatch["Action"]!.AsArray().Select(a => a!.GetValue<string>()).Order());
    }

    [Fact]
    public void Alert_addresses_are_read_from_context_and_a_malformed_one_stops_synth_naming_the_setting()
    {
        static App WithAlertEmails(string value) => new(new AppProps
        {
            Context = new Dictionary<string, object> { ["connectInstanceArn"] = SynthesizedStack.ConnectInstanceArn, ["alertEmails"] = value },
        });
        Assert.Equal(["oncall@example.com", "ops@example.org"], InfraSettings.FromContext(WithAlertEmails(" oncall@example.com,, ops@example.org ,")).AlertEmails);
        Assert.Empty(InfraSettings.FromContext(WithAlertEmails("")).AlertEmails);

        foreach (var bad in new[] { "oncall@example", "On Call <oncall@example.com>", "oncall.example.com" })
        {
            var error = Assert.Throws<ArgumentException>(() => FlowConfigsStack.Create(WithAlertEmails($"ok@example.com, {bad}")));
            Assert.Contains($"alertEmails '{bad}' is not an e-mail address", error.Message);
        }
    }

    [Fact]
    public void The_dashboard_graphs_GetConfig_the_gateway_tasks_5xx_DynamoDB_Redis_and_every_alarm()
    {
        var (dashboardId, dashboard) = synth.Resources("AWS::CloudWatch::Dashboard").Single();
        Assert.Equal("FlowConfigs-test", dashboard["DashboardName"]!.GetValue<string>());
        var widgets = DashboardBody.Widgets(dashboard["DashboardBody"]!);
        var metrics = widgets.SelectMany(DashboardBody.Metrics).ToArray();

        void Has(string ns, string name, string? stat, params (string Name, string Value)[] dimensions) =>
            Assert.True(metrics.Any(m => m.Namespace == ns && m.Name == name && (stat is null || m.Stat == stat)
                    && dimensions.All(d => m.Dimensions.TryGetValue(d.Name, out var value) && value == d.Value)),
                $"no {ns} {name} {stat} [{string.Join(", ", dimensions)}] among {string.Join("; ", metrics)}");
        string Id(string type, Func<(string Id, JsonObject Properties), bool> which) => synth.Resources(type).Single(which).Id;
        var function = Id("AWS::Lambda::Function", f => f.Properties["Runtime"]?.GetValue<string>() == "provided.al2023");
        var targetGroups = synth.Resources("AWS::ElasticLoadBalancingV2::TargetGroup").ToDictionary(t => t.Properties["Port"]!.GetValue<int>(), t => t.Id);

        // GetConfig from the Lambda: rate, latency, errors.
        foreach (var (name, stat) in new[] { ("Invocations", "Sum"), ("Errors", "Sum"), ("Throttles", "Sum"), ("Duration", "p50"), ("Duration", "p99") })
            Has("AWS/Lambda", name, stat, ("FunctionName", $"{{Ref:{function}}}"));
        // GetConfig at the gateway: the internal target group sees every request it answers.
        foreach (var (name, stat) in new[] { ("RequestCount", "Sum"), ("TargetResponseTime", "p50"), ("TargetResponseTime", "p99"), ("HTTPCode_Target_5XX_Count", "Sum") })
            Has("AWS/ApplicationELB", name, stat, ("TargetGroup", $"{{GetAtt:{targetGroups[8081]}.TargetGroupFullName}}"));
        Has("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", ("TargetGroup", $"{{GetAtt:{targetGroups[8080]}.TargetGroupFullName}}"));
        Has("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", ("LoadBalancer", $"{{GetAtt:{Id("AWS::ElasticLoadBalancingV2::LoadBalancer", _ => true)}.LoadBalancerFullName}}"));
        // The tasks.
        var (cluster, service) = ($"{{Ref:{Id("AWS::ECS::Cluster", _ => true)}}}", $"{{GetAtt:{Id("AWS::ECS::Service", _ => true)}.Name}}");
        Has("ECS/ContainerInsights", "RunningTaskCount", "Minimum", ("ClusterName", cluster), ("ServiceName", service));
        Has("AWS/ECS", "CPUUtilization", null, ("ClusterName", cluster), ("ServiceName", service));
        // Both tables' throttling; ThrottledRequests exists only per operation.
        foreach (var (table, _) in synth.Resources("AWS::DynamoDB::Table"))
        {
            Has("AWS/DynamoDB", "ReadThrottleEvents", "Sum", ("TableName", $"{{Ref:{table}}}"));
            Has("AWS/DynamoDB", "WriteThrottleEvents", "Sum", ("TableName", $"{{Ref:{table}}}"));
            foreach (var operation in new[] { "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan" })
                Has("AWS/DynamoDB", "ThrottledRequests", "Sum", ("TableName", $"{{Ref:{table}}}"), ("Operation", operation));
        }
        // Redis: each member cluster of the replication group the stack creates.
        var redis = Id("AWS::ElastiCache::ReplicationGroup", _ => true);
        foreach (var node in new[] { "-001", "-002" })
        foreach (var name in new[] { "EngineCPUUtilization", "CurrConnections", "DatabaseMemoryUsagePercentage" })
            Has("AWS/ElastiCache", name, null, ("CacheClusterId", $"{{Ref:{redis}}}{node}"));

        // The alarm widget lists every alarm in the stack.
        var listed = widgets.Where(w => w["type"]!.GetValue<string>() == "alarm")
            .SelectMany(w => w["properties"]!["alarms"]!.AsArray().Select(a => a!.GetValue<string>())).Order();
        Assert.Equal(synth.Resources("AWS::CloudWatch::Alarm").Select(a => $"{{GetAtt:{a.Id}.Arn}}").Order(), listed);

        var url = synth.Json["Outputs"]!["DashboardUrl"]!["Value"]!.ToJsonString();
        Assert.Contains("console.aws.amazon.com/cloudwatch/home?region=", url);
        Assert.Contains("#dashboards:name=", url);
        Assert.Contains(dashboardId, url);
    }

    [Fact]
    public void The_web_app_is_an_Agent_Workspace_application_associated_with_the_connect_instance()
    {
        const string appUrl = "https://flowconfigs.example.com";
        var (applicationId, application) = synth.Resources("AWS::AppIntegrations::Application").Single();
        Assert.Equal(appUrl, application["ApplicationSourceConfig"]!["ExternalUrlConfig"]!["AccessUrl"]!.GetValue<string>());
        Assert.Equal([appUrl], application["ApplicationSourceConfig"]!["ExternalUrlConfig"]!["ApprovedOrigins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("flowconfigs-test", application["Namespace"]!.GetValue<string>());
        Assert.Equal("FlowConfigs-test", application["Name"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(application["Description"]?.GetValue<string>()));

        var association = Assert.Single(synth.Resources("AWS::Connect::IntegrationAssociation"), a => a.Properties["IntegrationType"]!.GetValue<string>() == "APPLICATION").Properties;
        Assert.Equal(SynthesizedStack.ConnectInstanceArn, association["InstanceId"]!.GetValue<string>());
        Assert.Equal($$"""{"Fn::GetAtt":["{{applicationId}}","ApplicationArn"]}""", association["IntegrationArn"]!.ToJsonString());

        // Sign-in comes back to the same URL the workspace opens.
        Assert.Equal([appUrl + "/auth/callback"], synth.Resources("AWS::Cognito::UserPoolClient").Single().Properties["CallbackURLs"]!.AsArray().Select(u => u!.GetValue<string>()));
        // The workspace may frame it, and only our instance's: -c connectInstanceUrl narrows the gateway's frame-ancestors.
        Assert.Equal(["https://mycenter.my.connect.aws"], FrameAncestors(EventBusStackTests.GatewayEnvironment(synth)));
    }

    /// <summary>The origins the gateway admits as frame ancestors, bound from the container environment as the gateway binds it.</summary>
    internal static IReadOnlyList<string> FrameAncestors(Dictionary<string, JsonNode> environment)
    {
        foreach (var key in environment.Keys.Where(k => k.StartsWith("FlowConfigs__Web__")))
            Assert.True(GatewaySettings.Binds(key), $"{key} binds to no option");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(environment
            .Where(e => e.Key.StartsWith("FlowConfigs__Web__")).Select(e => KeyValuePair.Create(e.Key.Replace("__", ":"), (string?)e.Value.GetValue<string>())))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).Services.BuildServiceProvider()
            .GetRequiredService<IOptions<WebOptions>>().Value.FramingOrigins;
    }

    [Fact]
    public void The_ADOT_sidecar_sends_traces_to_XRay_and_metrics_to_the_environments_own_log_group_and_may_write_only_there()
    {
        // Its own configuration, which the collector reads instead of any --config; none is passed.
        Assert.Null(synth.Container("adot")["Command"]);
        AssertAdotWritesTo(synth, "/flowconfigs/test/metrics");
        // OTLP where the gateway sends it.
        var receiver = synth.AdotConfig()["receivers"]!["otlp"]!["protocols"]!;
        Assert.Equal("0.0.0.0:4317", receiver["grpc"]!["endpoint"]!.GetValue<string>());
        Assert.Equal("0.0.0.0:4318", receiver["http"]!["endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost:4317", EventBusStackTests.GatewayEnvironment(synth)["OTEL_EXPORTER_OTLP_ENDPOINT"]!.GetValue<string>());
    }

    /// <summary>
    /// Metrics go as EMF to <paramref name="logGroup"/> in the namespace of the collector's default configuration, traces
    /// to X-Ray; the group exists with a retention and outlives the stack; the task role may write to that group only.
    /// </summary>
    internal static void AssertAdotWritesTo(SynthesizedStack stack, string logGroup)
    {
        var config = stack.AdotConfig();
        var pipelines = config["service"]!["pipelines"]!;
        Assert.Equal(["awsxray"], pipelines["traces"]!["exporters"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["awsemf"], pipelines["metrics"]!["exporters"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.All(pipelines.AsObject(), p => Assert.Equal(["otlp"], p.Value!["receivers"]!.AsArray().Select(r => r!.GetValue<string>())));
        var emf = config["exporters"]!["awsemf"]!;
        Assert.Equal(logGroup, emf["log_group_name"]!.GetValue<string>());
        Assert.Equal("ECS/AWSOTel/Application", emf["namespace"]!.GetValue<string>());
        Assert.True(config["exporters"]!.AsObject().ContainsKey("awsxray"));
        foreach (var processor in pipelines.AsObject().SelectMany(p => p.Value!["processors"]!.AsArray()))
            Assert.True(config["processors"]!.AsObject().ContainsKey(processor!.GetValue<string>()), $"processor {processor} is not defined");

        var (groupId, group) = Assert.Single(stack.Resources("AWS::Logs::LogGroup"), g => g.Properties["LogGroupName"]?.GetValue<string>() == logGroup);
        Assert.Equal(30, group["RetentionInDays"]!.GetValue<int>());
        Assert.Equal("Retain", stack.Json["Resources"]![groupId]!["DeletionPolicy"]!.GetValue<string>());
        // The group exists before any task that writes to it.
        var taskId = stack.Resources("AWS::ECS::TaskDefinition").Single().Id;
        Assert.Contains(groupId, stack.Json["Resources"]![taskId]!["DependsOn"]!.AsArray().Select(d => d!.GetValue<string>()));

        var statement = Assert.Single(EventBusStackTests.Statements(stack), s => s["Sid"]?.GetValue<string>() == "AdotMetrics");
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], statement["Action"]!.AsArray().Select(a => a!.GetValue<string>()).Order());
        // arn:${Partition}:logs:${Region}:${Account}:log-group:<group> and its streams, nothing else.
        var resources = statement["Resource"]!.AsArray().Select(r => r!["Fn::Join"]![1]!.AsArray().Last()!.GetValue<string>()).ToArray();
        Assert.Equal([$":log-group:{logGroup}", $":log-group:{logGroup}:log-stream:*"], resources);
        Assert.DoesNotContain(EventBusStackTests.Statements(stack), s => s.ToJsonString().Contains("/aws/ecs/application/metrics"));
    }
}
