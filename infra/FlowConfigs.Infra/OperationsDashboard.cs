using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace FlowConfigs.Infra;

/// <summary>What the on-call dashboard watches.</summary>
internal sealed record WatchedResources(
    Function GetConfig,
    ApplicationLoadBalancer Alb,
    ApplicationTargetGroup PublicTargets,
    ApplicationTargetGroup InternalTargets,
    Cluster Cluster,
    FargateService Service,
    IReadOnlyList<Table> Tables,
    CfnReplicationGroup Redis,
    int RedisNodes,
    IReadOnlyList<IAlarm> Alarms);

/// <summary>
/// One page for the on-call operator: GetConfig as Connect sees it (the Lambda) and as the gateway sees it (the
/// internal target group), the tasks, 5xx, DynamoDB throttling, the membership Redis and every alarm's state.
/// </summary>
/// <remarks>
/// The gateway's own <c>flowconfigs.getconfig.duration</c> histogram is not graphed: the ADOT sidecar's awsemf
/// exporter (<see cref="AdotCollectorConfig"/>) turns histograms into EMF statistic sets (count, sum, min, max), from which CloudWatch cannot give
/// percentiles, under dimensions that depend on the exporter's roll-ups. The internal target group sees every GetConfig
/// request the gateway answers, with p50/p99 of its own.
/// </remarks>
internal sealed class OperationsDashboard : Construct
{
    private static readonly Duration Minute = Duration.Minutes(1);

    /// <summary>The DynamoDB calls the gateway makes; ThrottledRequests is published per operation only.</summary>
    private static readonly string[] GatewayOperations = ["GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan"];

    public Dashboard Dashboard { get; }

    public OperationsDashboard(Construct scope, string id, string name, WatchedResources watched) : base(scope, id)
    {
        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = name,
            DefaultInterval = Duration.Hours(3),
        });
        Dashboard.AddWidgets(
            Graph("GetConfig calls (Lambda)", [
                watched.GetConfig.MetricInvocations(Sum("Invocations")),
                watched.GetConfig.MetricErrors(Sum("Errors")),
                watched.GetConfig.MetricThrottles(Sum("Throttles")),
            ]),
            Graph("GetConfig duration (Lambda, ms)", [
                watched.GetConfig.MetricDuration(Stat("p50", "p50")),
                watched.GetConfig.MetricDuration(Stat("p99", "p99")),
            ]),
            Graph("GetConfig at the gateway (internal target group)", [
                watched.InternalTargets.Metrics.RequestCount(Sum("Requests")),
            ], right: [
                watched.InternalTargets.Metrics.TargetResponseTime(Stat("p50", "Response time p50 (s)")),
                watched.InternalTargets.Metrics.TargetResponseTime(Stat("p99", "Response time p99 (s)")),
            ]));
        Dashboard.AddWidgets(
            Graph("5xx", [
                watched.Alb.Metrics.HttpCodeElb(HttpCodeElb.ELB_5XX_COUNT, Sum("Load balancer 5xx")),
                watched.PublicTargets.Metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, Sum("Web app and API 5xx")),
                watched.InternalTargets.Metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, Sum("GetConfig 5xx")),
            ]),
            Graph("Gateway tasks", [
                new Metric(new MetricProps
                {
                    Namespace = "ECS/ContainerInsights",
                    MetricName = "RunningTaskCount",
                    DimensionsMap = new Dictionary<string, string> { ["ClusterName"] = watched.Cluster.ClusterName, ["ServiceName"] = watched.Service.ServiceName },
                    Statistic = "Minimum",
                    Period = Minute,
                    Label = "Running",
                }),
            ], right: [
                watched.Service.MetricCpuUtilization(Stat("Average", "CPU %")),
                watched.Service.MetricMemoryUtilization(Stat("Average", "Memory %")),
            ]),
            Graph("DynamoDB throttling", watched.Tables.SelectMany(Throttling).ToArray()));
        Dashboard.AddWidgets(
            Graph("Redis (cluster membership)", RedisNodes(watched, "EngineCPUUtilization", "engine CPU %")
                .Concat(RedisNodes(watched, "DatabaseMemoryUsagePercentage", "memory %")).ToArray(),
                right: RedisNodes(watched, "CurrConnections", "connections").ToArray(), width: 12),
            new AlarmStatusWidget(new AlarmStatusWidgetProps
            {
                Title = "Alarms",
                Alarms = watched.Alarms.ToArray(),
                SortBy = AlarmStatusWidgetSortBy.STATE_UPDATED_TIMESTAMP,
                Width = 12,
                Height = 6,
            }));
    }

    private static GraphWidget Graph(string title, IMetric[] left, IMetric[]? right = null, int width = 8) => new(new GraphWidgetProps
    {
        Title = title, Left = left, Right = right, Width = width, Height = 6,
    });

    private static MetricOptions Sum(string label) => Stat("Sum", label);

    private static MetricOptions Stat(string statistic, string label) => new() { Statistic = statistic, Label = label, Period = Minute };

    private static IEnumerable<IMetric> Throttling(Table table, int index)
    {
        yield return table.Metric("ReadThrottleEvents", Sum($"{table.Node.Id} read throttles"));
        yield return table.Metric("WriteThrottleEvents", Sum($"{table.Node.Id} write throttles"));
        // Ids unique across tables: one graph holds both tables' expressions.
        var metrics = GatewayOperations.ToDictionary(operation => $"t{index}{operation.ToLowerInvariant()}", IMetric (operation) => new Metric(new MetricProps
        {
            Namespace = "AWS/DynamoDB",
            MetricName = "ThrottledRequests",
            DimensionsMap = new Dictionary<string, string> { ["TableName"] = table.TableName, ["Operation"] = operation },
            Statistic = "Sum",
            Period = Minute,
        }));
        yield return new MathExpression(new MathExpressionProps
        {
            Expression = $"SUM([{string.Join(",", metrics.Keys)}])",
            UsingMetrics = metrics,
            Label = $"{table.Node.Id} throttled requests",
            Period = Minute,
        });
    }

    /// <summary>
    /// ElastiCache publishes per member cluster, named after the replication group: &lt;group&gt;-001, -002, ...
    /// </summary>
    private static IEnumerable<IMetric> RedisNodes(WatchedResources watched, string metricName, string label) =>
        Enumerable.Range(1, watched.RedisNodes).Select(node => new Metric(new MetricProps
        {
            Namespace = "AWS/ElastiCache",
            MetricName = metricName,
            DimensionsMap = new Dictionary<string, string> { ["CacheClusterId"] = $"{watched.Redis.Ref}-{node:000}" },
            Statistic = metricName == "CurrConnections" ? "Maximum" : "Average",
            Period = Minute,
            Label = $"node {node} {label}",
        }));
}
