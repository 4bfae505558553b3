using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace FlowConfigs.Infra.Tests;

/// <summary>The synthesized template has the deployment the README's "Deploy to AWS" lists, with least-privilege IAM.</summary>
[Collection(SynthesisCollection.Name)]
public sealed partial class InfraStackTests(SynthesizedStack synth) : IClassFixture<SynthesizedStack>
{
    private static Dictionary<string, object> Props(params (string Key, object Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void The_vpc_spans_two_availability_zones_with_private_subnets()
    {
        var subnets = synth.Resources("AWS::EC2::Subnet").ToArray();
        Assert.Equal(4, subnets.Length);
        var zones = subnets.Select(s => s.Properties["AvailabilityZone"]!.ToJsonString()).Distinct().ToArray();
        Assert.Equal(2, zones.Length);
        Assert.Equal(2, subnets.Count(s => s.Properties["MapPublicIpOnLaunch"]?.GetValue<bool>() == false));
    }

    [Fact]
    public void Fargate_runs_at_least_two_tasks_with_cpu_and_request_scaling_and_container_insights()
    {
        synth.Template.HasResourceProperties("AWS::ECS::Cluster", Props(("ClusterSettings", new[] { Props(("Name", "containerInsights"), ("Value", "enabled")) })));
        synth.Template.HasResourceProperties("AWS::ECS::Service", Props(("LaunchType", "FARGATE"), ("DesiredCount", 2)));
        synth.Template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Props(("MinCapacity", 2), ("MaxCapacity", 10)));
        var policies = synth.Resources("AWS::ApplicationAutoScaling::ScalingPolicy")
            .Select(p => p.Properties["TargetTrackingScalingPolicyConfiguration"]!["PredefinedMetricSpecification"]!["PredefinedMetricType"]!.GetValue<string>())
            .Order().ToArray();
        Assert.Equal(["ALBRequestCountPerTarget", "ECSServiceAverageCPUUtilization"], policies);
    }

    [Fact]
    public void The_task_runs_the_gateway_configured_for_AWS_and_an_ADOT_sidecar()
    {
        var containers = synth.Resources("AWS::ECS::TaskDefinition").Single().Properties["ContainerDefinitions"]!.AsArray();
        var gateway = containers.Single(c => c!["Name"]!.GetValue<string>() == "gateway")!;
        var environment = gateway["Environment"]!.AsArray().ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!["Value"]!);
        foreach (var key in environment.Keys.Where(k => k.StartsWith("FlowConfigs__")))
            Assert.True(GatewaySettings.Binds(key), $"{key} binds to no option");
        Assert.Equal("DynamoDB", environment["FlowConfigs__Storage__Provider"]!.GetValue<string>());
        Assert.Equal("Redis", environment["FlowConfigs__Clustering__Provider"]!.GetValue<string>());
        Assert.Equal("Oidc", environment["FlowConfigs__Identity__Provider"]!.GetValue<string>());
        Assert.Equal("VerifiedPermissions", environment["FlowConfigs__Authorization__Provider"]!.GetValue<string>());
        Assert.Equal("Polly", environment["FlowConfigs__Speech__Provider"]!.GetValue<string>());
        Assert.Equal("http://localhost:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]!.GetValue<string>());
        Assert.Contains("ssl=true", environment["FlowConfigs__Clustering__Redis__ConnectionString"]!.ToJsonString());
        Assert.Equal([8080, 8081, 11111, 30000], gateway["PortMappings"]!.AsArray().Select(p => p!["ContainerPort"]!.GetValue<int>()));
        Assert.Equal(["CMD", "dotnet", "FlowConfigs.Gateway.dll", "health-check"], gateway["HealthCheck"]!["Command"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains(containers, c => c!["Image"]!.ToJsonString().Contains("aws-otel-collector"));
    }

    [Fact]
    public void The_alb_is_internal_and_only_the_lambda_reaches_the_internal_listener()
    {
        synth.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Props(("Scheme", "internal")));
        var listeners = synth.Resources("AWS::ElasticLoadBalancingV2::Listener").ToDictionary(l => l.Properties["Port"]!.GetValue<int>(), l => l.Properties);
        Assert.Equal([443, 8081], listeners.Keys.Order());
        Assert.Equal("HTTPS", listeners[443]["Protocol"]!.GetValue<string>());
        synth.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Props(
            ("Conditions", new[] { Props(("Field", "path-pattern"), ("PathPatternConfig", Props(("Values", new[] { "/internal/*" })))) })));

        var lambdaGroup = synth.Resources("AWS::EC2::SecurityGroup").Single(g => g.Properties["GroupDescription"]!.GetValue<string>() == "FlowConfigs GetConfig Lambda").Id;
        var albGroup = synth.Resources("AWS::EC2::SecurityGroup").Single(g => g.Id.StartsWith("AlbSecurityGroup")).Id;
        var toAlbOn8081 = synth.Resources("AWS::EC2::SecurityGroupIngress")
            .Where(i => i.Properties["FromPort"]?.GetValue<int>() == 8081 && i.Properties["GroupId"]!.ToJsonString().Contains(albGroup)).ToArray();
        var only = Assert.Single(toAlbOn8081);
        Assert.Contains(lambdaGroup, only.Properties["SourceSecurityGroupId"]!.ToJsonString());
        // Nothing opens 8081 to an address range.
        var albInline = synth.Resources("AWS::EC2::SecurityGroup").Single(g => g.Id == albGroup).Properties["SecurityGroupIngress"]?.AsArray() ?? [];
        Assert.DoesNotContain(albInline, rule => rule!["FromPort"]?.GetValue<int>() == 8081);
    }

    [Fact]
    public void Tables_are_on_demand_with_recovery_deletion_protection_and_encryption()
    {
        var tables = synth.Resources("AWS::DynamoDB::Table").ToArray();
        Assert.Equal(2, tables.Length);
        foreach (var (_, table) in tables)
        {
            Assert.Equal("PAY_PER_REQUEST", table["BillingMode"]!.GetValue<string>());
            Assert.True(table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!.GetValue<bool>());
            Assert.True(table["DeletionProtectionEnabled"]!.GetValue<bool>());
            Assert.True(table["SSESpecification"]!["SSEEnabled"]!.GetValue<bool>());
        }
        var keys = tables.Select(t => string.Join(",", t.Properties["KeySchema"]!.AsArray().Select(k => k!["AttributeName"]!.GetValue<string>()))).Order();
        Assert.Equal(["id", "id,version"], keys);
        synth.Template.HasResource("AWS::DynamoDB::Table", Props(("DeletionPolicy", "Retain")));
    }

    [Fact]
    public void Redis_membership_is_encrypted_across_zones()
    {
        synth.Template.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", Props(
            ("TransitEncryptionEnabled", true), ("AtRestEncryptionEnabled", true), ("MultiAZEnabled", true), ("NumCacheClusters", 2)));
    }

    [Fact]
    public void Cognito_has_the_groups_tag_attributes_and_a_code_flow_client()
    {
        var schema = synth.Resources("AWS::Cognito::UserPool").Single().Properties["Schema"]!.AsArray().Select(a => a!["Name"]!.GetValue<string>());
        Assert.Equal(["FlowConfigEdit", "FlowConfigFull", "FlowConfigRead"], schema.Order());
        Assert.Equal(["FlowConfigAdmin", "FlowConfigEdit", "FlowConfigRead"],
            synth.Resources("AWS::Cognito::UserPoolGroup").Select(g => g.Properties["GroupName"]!.GetValue<string>()).Order());
        synth.Template.HasResourceProperties("AWS::Cognito::UserPoolClient", Props(
            ("AllowedOAuthFlows", new[] { "code" }), ("GenerateSecret", false), ("CallbackURLs", new[] { "https://flowconfigs.example.com/auth/callback" }), ("LogoutURLs", new[] { "https://flowconfigs.example.com" })));
        // The callback is the route the web app really registers with its OIDC client.
        Assert.Contains("redirect_uri: `${window.location.origin}/auth/callback`", File.ReadAllText(Repository.PathOf("src/FlowConfigs.Web/src/auth/oidc.ts")));
        Assert.Contains(synth.Resources("AWS::Cognito::UserPoolClient").Single().Properties["ReadAttributes"]!.AsArray(),
            a => a!.GetValue<string>() == "custom:FlowConfigFull");
    }

    [Fact]
    public void Verified_Permissions_holds_the_repository_schema_and_every_policy()
    {
        var store = synth.Resources("AWS::VerifiedPermissions::PolicyStore").Single().Properties;
        Assert.Equal("STRICT", store["ValidationSettings"]!["Mode"]!.GetValue<string>());
        Assert.Equal(File.ReadAllText(Repository.PathOf("policies/flowconfigs.cedarschema.json")), store["Schema"]!["CedarJson"]!.GetValue<string>());
        var statements = synth.Resources("AWS::VerifiedPermissions::Policy")
            .Select(p => p.Properties["Definition"]!["Static"]!["Statement"]!.GetValue<string>()).Order().ToArray();
        var files = Directory.GetFiles(Repository.PathOf("policies"), "*.cedar").Select(File.ReadAllText).Order().ToArray();
        Assert.Equal(files, statements);
    }

    [Fact]
    public void The_GetConfig_lambda_is_a_custom_runtime_in_the_vpc_granted_to_the_connect_instance()
    {
        var function = synth.Resources("AWS::Lambda::Function").Single(f => f.Properties["Runtime"]?.GetValue<string>() == "provided.al2023").Properties;
        Assert.Equal("bootstrap", function["Handler"]!.GetValue<string>());
        Assert.Equal(8, function["Timeout"]!.GetValue<int>());
        Assert.NotNull(function["VpcConfig"]);
        Assert.Contains(":8081", function["Environment"]!["Variables"]!["FLOWCONFIGS_INTERNAL_URL"]!.ToJsonString());
        synth.Template.HasResourceProperties("AWS::Lambda::Permission", Props(
            ("Principal", "connect.amazonaws.com"), ("SourceArn", SynthesizedStack.ConnectInstanceArn), ("Action", "lambda:InvokeFunction")));
        synth.Template.HasResourceProperties("AWS::Connect::IntegrationAssociation", Props(
            ("InstanceId", SynthesizedStack.ConnectInstanceArn), ("IntegrationType", "LAMBDA_FUNCTION")));

        // The local bundler published the Native AOT bootstrap into the asset.
        var asset = Directory.GetDirectories(synth.Outdir, "asset.*").Where(d => File.Exists(Path.Combine(d, "bootstrap"))).ToArray();
        Assert.Single(asset);
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], File.ReadAllBytes(Path.Combine(asset[0], "bootstrap"))[..4]);
    }

    [Fact]
    public void Alarms_watch_5xx_GetConfig_latency_and_errors_and_the_task_count()
    {
        var alarms = synth.Resources("AWS::CloudWatch::Alarm").Select(a => a.Properties["AlarmName"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["FlowConfigs-test GetConfig errors", "FlowConfigs-test GetConfig p99", "FlowConfigs-test gateway 5xx", "FlowConfigs-test running tasks"], alarms);
        synth.Template.HasResourceProperties("AWS::CloudWatch::Alarm", Props(("ExtendedStatistic", "p99"), ("MetricName", "Duration")));
        Assert.All(synth.Resources("AWS::Logs::LogGroup"), g => Assert.Equal(30, g.Properties["RetentionInDays"]!.GetValue<int>()));
    }

    [Fact]
    public void No_policy_grants_a_wildcard_action_and_data_is_scoped_to_its_resources()
    {
        var statements = synth.Resources("AWS::IAM::Policy")
            .SelectMany(p => p.Properties["PolicyDocument"]!["Statement"]!.AsArray()).Select(s => s!.AsObject()).ToArray();
        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            var actions = statement["Action"] is JsonArray many ? many.Select(a => a!.GetValue<string>()).ToArray() : [statement["Action"]!.GetValue<string>()];
            Assert.DoesNotContain(actions, a => a == "*" || a.EndsWith(":*"));
            if (actions.Any(a => a.StartsWith("dynamodb:") || a.StartsWith("verifiedpermissions:")))
                Assert.DoesNotContain("\"*\"", statement["Resource"]!.ToJsonString());
        }
        var dataActions = statements.SelectMany(s => s["Action"] is JsonArray a ? a.Select(x => x!.GetValue<string>()) : [s["Action"]!.GetValue<string>()]).ToHashSet();
        Assert.Contains("dynamodb:PutItem", dataActions);
        Assert.Contains("verifiedpermissions:BatchIsAuthorized", dataActions);
        Assert.Contains("polly:SynthesizeSpeech", dataActions);
    }

    [Fact]
    public void Without_an_event_bus_the_gateway_sends_no_change_events_and_may_put_none()
    {
        Assert.DoesNotContain(EventBusStackTests.GatewayEnvironment(synth).Keys, key => key.StartsWith("FlowConfigs__Events__"));
        Assert.DoesNotContain(EventBusStackTests.Statements(synth), s => s["Action"]!.ToJsonString().Contains("events:"));
    }
}
