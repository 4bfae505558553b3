using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Connect;
using Constructs;
using HealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;
using Protocol = Amazon.CDK.AWS.ECS.Protocol;

namespace FlowConfigs.Infra;

/// <summary>
/// FlowConfigs in one AWS account: VPC over two AZs, the gateway on Fargate (one Orleans cluster over ElastiCache
/// Redis) behind an internal ALB, DynamoDB tables, Cognito, Verified Permissions, the GetConfig Lambda for Amazon
/// Connect, logs, alarms notifying an on-call topic, an operations dashboard, an ADOT sidecar for traces and metrics,
/// and (with a domain) the web app as an Agent Workspace application.
/// </summary>
public sealed class FlowConfigsStack : Stack
{
    public const int PublicPort = 8080;
    public const int InternalPort = 8081;
    public const int SiloPort = 11111;
    public const int OrleansGatewayPort = 30000;
    public const int RedisNodes = 2;

    public static FlowConfigsStack Create(App app, InfraSettings? settings = null)
    {
        settings ??= InfraSettings.FromContext(app);
        return new FlowConfigsStack(app, $"FlowConfigs-{settings.EnvironmentName}", settings, new StackProps
        {
            Env = new Amazon.CDK.Environment
            {
                Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
                Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
            },
            Description = "FlowConfigs: variables and prompts for Amazon Connect contact flows",
        });
    }

    public FlowConfigsStack(Construct scope, string id, InfraSettings settings, IStackProps props) : base(scope, id, props)
    {
        // Before anything is built: the GetConfig bundle is published while the stack is constructed.
        settings.Validate();
        var name = $"FlowConfigs-{settings.EnvironmentName}";
        var onCall = new OnCallAlerts(this, "OnCall", settings);
        var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 2 });

        // Data: configs and history (on-demand, point-in-time recovery, deletion protection, encrypted at rest).
        var configs = Table("Configs", name, null);
        var revisions = Table("Revisions", name + "-Revisions", new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "version", Type = AttributeType.NUMBER });

        var serviceSecurityGroup = new SecurityGroup(this, "GatewaySecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc, Description = "FlowConfigs gateway tasks", AllowAllOutbound = true,
        });
        // Silos talk to each other directly.
        serviceSecurityGroup.AddIngressRule(serviceSecurityGroup, Port.Tcp(SiloPort), "Orleans silo-to-silo");
        serviceSecurityGroup.AddIngressRule(serviceSecurityGroup, Port.Tcp(OrleansGatewayPort), "Orleans gateway");

        var redis = Redis(vpc, serviceSecurityGroup, settings);
        var redisConnection = $"{redis.AttrPrimaryEndPointAddress}:{redis.AttrPrimaryEndPointPort},ssl=true,abortConnect=false";
        var policies = new AccessPolicies(this, "AccessPolicies");

        var alb = new ApplicationLoadBalancer(this, "Alb", new ApplicationLoadBalancerProps
        {
            Vpc = vpc, InternetFacing = false, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
        });
        // The one web app URL: Cognito's callback and logout URLs and the Agent Workspace application all use it.
        var appUrl = settings.Domain is { } domain ? $"https://{domain}" : $"http://{alb.LoadBalancerDnsName}";
        var users = new UserDirectory(this, "Users", settings, appUrl);
        // The Agent Workspace is https and frames the app, so a plain-http app would be blocked as mixed content.
        if (settings.Domain is not null)
            _ = new AgentWorkspaceApplication(this, "AgentWorkspace", settings, appUrl);

        // The gateway service.
        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc, ContainerInsights = true, ClusterName = name });
        var logs = new LogGroup(this, "GatewayLogs", new LogGroupProps
        {
            LogGroupName = $"/flowconfigs/{settings.EnvironmentName}/gateway", Retention = RetentionDays.ONE_MONTH, RemovalPolicy = RemovalPolicy.RETAIN,
        });
        var task = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Cpu = settings.TaskCpu, MemoryLimitMiB = settings.TaskMemoryMiB,
            RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitecture.X86_64, OperatingSystemFamily = OperatingSystemFamily.LINUX },
        });
        var gateway = task.AddContainer("gateway", new ContainerDefinitionOptions
        {
            Image = settings.Image is { } image
                ? ContainerImage.FromRegistry(image)
                : ContainerImage.FromAsset(RepositoryPaths.Root, new AssetImageProps { File = "Dockerfile" }),
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logs, StreamPrefix = "gateway" }),
            Environment = new Dictionary<string, string>
            {
                ["FlowConfigs__Ports__BindAddress"] = "0.0.0.0",
                ["FlowConfigs__Ports__Public"] = PublicPort.ToString(),
                ["FlowConfigs__Ports__Internal"] = InternalPort.ToString(),
                ["FlowConfigs__Cluster__SiloPort"] = SiloPort.ToString(),
                ["FlowConfigs__Cluster__GatewayPort"] = OrleansGatewayPort.ToString(),
                ["FlowConfigs__Cluster__ClusterId"] = name,
                ["FlowConfigs__Cluster__ServiceId"] = name,
                ["FlowConfigs__Clustering__Provider"] = "Redis",
                ["FlowConfigs__Clustering__Redis__ConnectionString"] = redisConnection,
                ["FlowConfigs__Storage__Provider"] = "DynamoDB",
                ["FlowConfigs__Storage__DynamoDB__TableName"] = configs.TableName,
                ["FlowConfigs__Storage__DynamoDB__RevisionsTableName"] = revisions.TableName,
                ["FlowConfigs__Identity__Provider"] = "Oidc",
                ["FlowConfigs__Identity__Authority"] = $"https://cognito-idp.{Region}.amazonaws.com/{users.Pool.UserPoolId}",
                ["FlowConfigs__Identity__ClientId"] = users.Client.UserPoolClientId,
                ["FlowConfigs__Authorization__Provider"] = "VerifiedPermissions",
                ["FlowConfigs__Authorization__VerifiedPermissions__PolicyStoreId"] = policies.Store.AttrPolicyStoreId,
                ["FlowConfigs__Speech__Provider"] = "Polly",
                ["FlowConfigs__SampleData__Enabled"] = "false",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4317",
                ["OTEL_SERVICE_NAME"] = "flowconfigs-gateway",
            },
            PortMappings =
            [
                new PortMapping { ContainerPort = PublicPort, Protocol = Protocol.TCP },
                new PortMapping { ContainerPort = InternalPort, Protocol = Protocol.TCP },
                new PortMapping { ContainerPort = SiloPort, Protocol = Protocol.TCP },
                new PortMapping { ContainerPort = OrleansGatewayPort, Protocol = Protocol.TCP },
            ],
            HealthCheck = new Amazon.CDK.AWS.ECS.HealthCheck
            {
                Command = ["CMD", "dotnet", "FlowConfigs.Gateway.dll", "health-check"],
                Interval = Duration.Seconds(15), Timeout = Duration.Seconds(5), StartPeriod = Duration.Seconds(30), Retries = 3,
            },
            StopTimeout = Duration.Seconds(30),
        });
        // ADOT collector: OTLP from the gateway to X-Ray (traces) and CloudWatch (EMF metrics), into this
        // environment's own log group rather than the image's default, account-wide one that nothing expires.
        var metricsLogGroup = $"/flowconfigs/{settings.EnvironmentName}/metrics";
        var metricsLogs = new LogGroup(this, "MetricsLogs", new LogGroupProps
        {
            LogGroupName = metricsLogGroup, Retention = RetentionDays.ONE_MONTH, RemovalPolicy = RemovalPolicy.RETAIN,
        });
        // Named in the collector's config as text, not a reference; without this the first tasks could start before the
        // group exists, and the collector may not create it.
        task.Node.AddDependency(metricsLogs);
        task.AddContainer("adot", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry("public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1"),
            // The collector reads its whole configuration from this variable when it is set, ahead of any --config.
            Environment = new Dictionary<string, string> { [AdotCollectorConfig.Variable] = AdotCollectorConfig.Content(metricsLogGroup) },
            Essential = false,
            MemoryReservationMiB = 128,
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logs, StreamPrefix = "adot" }),
        });
        task.AddToTaskRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AdotTraces",
            Actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
            Resources = ["*"],
        }));
        // The awsemf exporter writes metrics as embedded-metric-format log events to that group (CloudWatch turns them
        // into metrics); it never calls PutMetricData. The stack owns the group, so the collector need not create it.
        task.AddToTaskRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AdotMetrics",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            // The group and its streams by name (the group's Arn attribute already ends in ":*").
            Resources =
            [
                $"arn:{Partition}:logs:{Region}:{Account}:log-group:{metricsLogGroup}",
                $"arn:{Partition}:logs:{Region}:{Account}:log-group:{metricsLogGroup}:log-stream:*",
            ],
        }));

        // Least privilege for the gateway: its two tables, its policy store, Polly's two calls, its event bus if it has one.
        configs.GrantReadWriteData(task.TaskRole);
        revisions.GrantReadWriteData(task.TaskRole);
        task.AddToTaskRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "VerifiedPermissions",
            Actions = ["verifiedpermissions:IsAuthorized", "verifiedpermissions:BatchIsAuthorized", "verifiedpermissions:GetPolicyStore"],
            Resources = [policies.Store.AttrArn],
        }));
        task.AddToTaskRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PollySpeech",
            Actions = ["polly:SynthesizeSpeech", "polly:DescribeVoices"],
            Resources = ["*"],
        }));

        // frame-ancestors: only our instance's Agent Workspace instead of every Connect instance's.
        if (settings.ConnectInstanceOrigin is { } connectOrigin)
            gateway.AddEnvironment("FlowConfigs__Web__FrameAncestors__0", connectOrigin);

        if (settings.EventBusName is { } bus)
        {
            gateway.AddEnvironment("FlowConfigs__Events__Provider", "EventBridge");
            gateway.AddEnvironment("FlowConfigs__Events__EventBridge__BusName", bus);
            task.AddToTaskRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "ChangeEvents",
                Actions = ["events:PutEvents"],
                Resources = [$"arn:{Partition}:events:{Region}:{Account}:event-bus/{bus}"],
            }));
        }

        var service = new FargateService(this, "Service", new FargateServiceProps
        {
            Cluster = cluster,
            TaskDefinition = task,
            DesiredCount = settings.MinTasks,
            MinHealthyPercent = 100,
            MaxHealthyPercent = 200,
            SecurityGroups = [serviceSecurityGroup],
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
            HealthCheckGracePeriod = Duration.Seconds(60),
            ServiceName = name,
        });

        // The Lambda's security group is the only way to the internal listener.
        var lambdaSecurityGroup = new SecurityGroup(this, "GetConfigSecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc, Description = "FlowConfigs GetConfig Lambda", AllowAllOutbound = true,
        });
        var publicTargets = Listener(alb, settings, service, gateway);
        var internalTargets = InternalListener(alb, lambdaSecurityGroup, service);

        var scaling = service.AutoScaleTaskCount(new Amazon.CDK.AWS.ApplicationAutoScaling.EnableScalingProps { MinCapacity = settings.MinTasks, MaxCapacity = settings.MaxTasks });
        scaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = 60 });
        scaling.ScaleOnRequestCount("GetConfigRequests", new RequestCountScalingProps { TargetGroup = internalTargets, RequestsPerTarget = 20_000 });

        var getConfig = GetConfigLambda(vpc, lambdaSecurityGroup, alb, settings);
        var alarms = Alarms(name, publicTargets, internalTargets, getConfig, cluster, service, settings);
        var operations = new OperationsDashboard(this, "Operations", name, new WatchedResources(
            getConfig, alb, publicTargets, internalTargets, cluster, service, [configs, revisions], redis, RedisNodes, alarms));

        _ = new CfnOutput(this, "WebAppUrl", new CfnOutputProps { Value = appUrl });
        _ = new CfnOutput(this, "GetConfigFunctionArn", new CfnOutputProps { Value = getConfig.FunctionArn });
        _ = new CfnOutput(this, "UserPoolId", new CfnOutputProps { Value = users.Pool.UserPoolId });
        _ = new CfnOutput(this, "PolicyStoreId", new CfnOutputProps { Value = policies.Store.AttrPolicyStoreId });
        _ = new CfnOutput(this, "DashboardUrl", new CfnOutputProps
        {
            Value = $"https://{Region}.console.aws.amazon.com/cloudwatch/home?region={Region}#dashboards:name={operations.Dashboard.DashboardName}",
        });
        _ = new CfnOutput(this, "AlarmTopicArn", new CfnOutputProps { Value = onCall.Topic.TopicArn });
    }

    private Table Table(string id, string tableName, Amazon.CDK.AWS.DynamoDB.Attribute? sortKey) => new(this, id, new TableProps
    {
        TableName = tableName,
        PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
        SortKey = sortKey,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        PointInTimeRecovery = true,
        DeletionProtection = true,
        Encryption = TableEncryption.AWS_MANAGED,
        RemovalPolicy = RemovalPolicy.RETAIN,
    });

    /// <summary>ElastiCache Redis for cluster membership: two nodes across AZs, TLS and encryption at rest.</summary>
    private CfnReplicationGroup Redis(Vpc vpc, SecurityGroup gateways, InfraSettings settings)
    {
        var securityGroup = new SecurityGroup(this, "RedisSecurityGroup", new SecurityGroupProps { Vpc = vpc, Description = "FlowConfigs membership Redis" });
        securityGroup.AddIngressRule(gateways, Port.Tcp(6379), "gateway tasks");
        var subnets = new CfnSubnetGroup(this, "RedisSubnets", new CfnSubnetGroupProps
        {
            Description = "FlowConfigs membership Redis",
            SubnetIds = vpc.SelectSubnets(new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS }).SubnetIds,
        });
        return new CfnReplicationGroup(this, "Redis", new CfnReplicationGroupProps
        {
            ReplicationGroupDescription = "FlowConfigs Orleans membership",
            Engine = "redis",
            CacheNodeType = settings.RedisNodeType,
            NumCacheClusters = RedisNodes,
            AutomaticFailoverEnabled = true,
            MultiAzEnabled = true,
            TransitEncryptionEnabled = true,
            AtRestEncryptionEnabled = true,
            CacheSubnetGroupName = subnets.Ref,
            SecurityGroupIds = [securityGroup.SecurityGroupId],
        });
    }

    /// <summary>The API and web app: HTTPS with a certificate, else HTTP, from the allowed network only.</summary>
    private ApplicationTargetGroup Listener(ApplicationLoadBalancer alb, InfraSettings settings, FargateService service, ContainerDefinition gateway)
    {
        var https = settings.CertificateArn is not null;
        var listener = alb.AddListener("Public", new BaseApplicationListenerProps
        {
            Port = https ? 443 : 80,
            Protocol = https ? ApplicationProtocol.HTTPS : ApplicationProtocol.HTTP,
            Certificates = https ? [ListenerCertificate.FromArn(settings.CertificateArn!)] : null,
            Open = false,
        });
        listener.Connections.AllowFrom(Peer.Ipv4(settings.AllowedCidr), Port.Tcp(https ? 443 : 80), "admins and the agent workspace");
        return listener.AddTargets("Gateway", new AddApplicationTargetsProps
        {
            Port = PublicPort,
            Protocol = ApplicationProtocol.HTTP,
            Targets = [service.LoadBalancerTarget(new LoadBalancerTargetOptions { ContainerName = gateway.ContainerName, ContainerPort = PublicPort })],
            HealthCheck = new HealthCheck { Path = "/health/ready", Interval = Duration.Seconds(10), HealthyThresholdCount = 2 },
            DeregistrationDelay = Duration.Seconds(20),
        });
    }

    /// <summary>GetConfig: port 8081 on the same ALB, reachable only from the Lambda's security group.</summary>
    private ApplicationTargetGroup InternalListener(ApplicationLoadBalancer alb, SecurityGroup lambda, FargateService service)
    {
        var listener = alb.AddListener("Internal", new BaseApplicationListenerProps
        {
            Port = InternalPort, Protocol = ApplicationProtocol.HTTP, Open = false,
            DefaultAction = ListenerAction.FixedResponse(404, new FixedResponseOptions { ContentType = "text/plain", MessageBody = "Not found" }),
        });
        listener.Connections.AllowFrom(lambda, Port.Tcp(InternalPort), "GetConfig Lambda");
        return listener.AddTargets("GetConfig", new AddApplicationTargetsProps
        {
            Port = InternalPort,
            Protocol = ApplicationProtocol.HTTP,
            Priority = 10,
            Conditions = [ListenerCondition.PathPatterns(["/internal/*"])],
            Targets = [service.LoadBalancerTarget(new LoadBalancerTargetOptions { ContainerName = "gateway", ContainerPort = InternalPort })],
            HealthCheck = new HealthCheck { Path = "/health/ready", Interval = Duration.Seconds(10), HealthyThresholdCount = 2 },
            DeregistrationDelay = Duration.Seconds(20),
        });
    }

    /// <summary>The Native AOT function Connect invokes, in the VPC, granted to the Connect instance.</summary>
    private Function GetConfigLambda(Vpc vpc, SecurityGroup securityGroup, ApplicationLoadBalancer alb, InfraSettings settings)
    {
        var logs = new LogGroup(this, "GetConfigLogs", new LogGroupProps
        {
            LogGroupName = $"/flowconfigs/{settings.EnvironmentName}/getconfig", Retention = RetentionDays.ONE_MONTH, RemovalPolicy = RemovalPolicy.RETAIN,
        });
        var function = new Function(this, "GetConfig", new FunctionProps
        {
            FunctionName = $"FlowConfigs-{settings.EnvironmentName}-GetConfig",
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = Architecture.X86_64,
            Handler = "bootstrap",
            Code = Code.FromAsset(Path.Combine(RepositoryPaths.Root, "src", "FlowConfigs.GetConfig"), new Amazon.CDK.AWS.S3.Assets.AssetOptions
            {
                AssetHashType = AssetHashType.CUSTOM,
                AssetHash = RepositoryPaths.GetConfigSourceHash(),
                Bundling = new BundlingOptions
                {
                    // cdk synth publishes the bootstrap with the local dotnet SDK; Docker is the fallback.
                    Local = new DotnetPublish(),
                    Image = DockerImage.FromRegistry("mcr.microsoft.com/dotnet/sdk:10.0-aot"),
                    Command = ["bash", "-c", "echo 'Install the .NET 10 SDK to build the GetConfig Lambda locally' && exit 1"],
                },
            }),
            MemorySize = 256,
            // Connect waits at most 8 s; the function answers from its cache well before that.
            Timeout = Duration.Seconds(8),
            Vpc = vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            SecurityGroups = [securityGroup],
            LogGroup = logs,
            Tracing = Tracing.ACTIVE,
            Environment = new Dictionary<string, string>
            {
                ["FLOWCONFIGS_INTERNAL_URL"] = $"http://{alb.LoadBalancerDnsName}:{InternalPort}",
                ["FLOWCONFIGS_GATEWAY_TIMEOUT_MS"] = "2500",
            },
        });
        function.AddPermission("ConnectInvoke", new Permission
        {
            Principal = new ServicePrincipal("connect.amazonaws.com"),
            SourceArn = settings.ConnectInstanceArn,
            SourceAccount = Account,
        });
        _ = new CfnIntegrationAssociation(this, "ConnectAssociation", new CfnIntegrationAssociationProps
        {
            InstanceId = settings.ConnectInstanceArn,
            IntegrationType = "LAMBDA_FUNCTION",
            IntegrationArn = function.FunctionArn,
        });
        return function;
    }

    private IAlarm[] Alarms(string name, ApplicationTargetGroup publicTargets, ApplicationTargetGroup internalTargets, Function getConfig,
        Cluster cluster, FargateService service, InfraSettings settings)
    {
        var gateway5xx = new Alarm(this, "Gateway5xx", new AlarmProps
        {
            AlarmName = $"{name} gateway 5xx",
            AlarmDescription = "The gateway answered 5xx on the API or GetConfig.",
            Metric = new MathExpression(new MathExpressionProps
            {
                Expression = "api + getconfig",
                UsingMetrics = new Dictionary<string, IMetric>
                {
                    ["api"] = publicTargets.Metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, new MetricOptions { Period = Duration.Minutes(1) }),
                    ["getconfig"] = internalTargets.Metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, new MetricOptions { Period = Duration.Minutes(1) }),
                },
                Period = Duration.Minutes(1),
            }),
            Threshold = 5,
            EvaluationPeriods = 3,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        var getConfigP99 = new Alarm(this, "GetConfigP99", new AlarmProps
        {
            AlarmName = $"{name} GetConfig p99",
            AlarmDescription = "Callers wait on GetConfig: the Lambda's p99 duration is above 1 s.",
            Metric = getConfig.MetricDuration(new MetricOptions { Statistic = "p99", Period = Duration.Minutes(1) }),
            Threshold = 1000,
            EvaluationPeriods = 5,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        var getConfigErrors = new Alarm(this, "GetConfigErrors", new AlarmProps
        {
            AlarmName = $"{name} GetConfig errors",
            AlarmDescription = "Contact flows are taking the GetConfig block's Error branch.",
            Metric = getConfig.MetricErrors(new MetricOptions { Period = Duration.Minutes(1) }),
            Threshold = 5,
            EvaluationPeriods = 3,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        var taskCount = new Alarm(this, "TaskCount", new AlarmProps
        {
            AlarmName = $"{name} running tasks",
            AlarmDescription = $"Fewer than {settings.MinTasks} gateway tasks are running.",
            Metric = new Metric(new MetricProps
            {
                Namespace = "ECS/ContainerInsights",
                MetricName = "RunningTaskCount",
                DimensionsMap = new Dictionary<string, string> { ["ClusterName"] = cluster.ClusterName, ["ServiceName"] = service.ServiceName },
                Statistic = "Minimum",
                Period = Duration.Minutes(1),
            }),
            Threshold = settings.MinTasks,
            ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
            EvaluationPeriods = 3,
            TreatMissingData = TreatMissingData.BREACHING,
        });
        if (settings.EventBusName is null)
            return [gateway5xx, getConfigP99, getConfigErrors, taskCount];
        // The gateway delivers change events in order, so one the bus keeps refusing holds back all later ones; the
        // silo hosting the dispatcher reports how long the oldest has waited (the sidecar's EMF export dimensions
        // every metric by its meter, OTelLib).
        var eventsBehind = new Alarm(this, "ChangeEventsBehind", new AlarmProps
        {
            AlarmName = $"{name} change events behind",
            AlarmDescription = "A change event has waited over 15 minutes to be delivered to the event bus; later ones wait behind it.",
            Metric = new Metric(new MetricProps
            {
                Namespace = AdotCollectorConfig.MetricsNamespace,
                MetricName = "flowconfigs.events.undelivered_age",
                DimensionsMap = new Dictionary<string, string> { ["OTelLib"] = "FlowConfigs.Events" },
                Statistic = "Maximum",
                Period = Duration.Minutes(5),
            }),
            Threshold = 900,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        return [gateway5xx, getConfigP99, getConfigErrors, taskCount, eventsBehind];
    }
}
