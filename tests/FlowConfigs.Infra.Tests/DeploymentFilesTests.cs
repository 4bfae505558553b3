using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Http;

namespace FlowConfigs.Infra.Tests;

/// <summary>
/// The Dockerfile and docker-compose.yml cannot be built or run here (no Docker engine): they are read and
/// cross-checked against the repository and the gateway's Options classes instead.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string[] Dockerfile = File.ReadAllLines(Repository.PathOf("Dockerfile"))
        .Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    private static IEnumerable<string> Instructions(string name) =>
        Dockerfile.Where(l => l.StartsWith(name + " ", StringComparison.Ordinal)).Select(l => l[(name.Length + 1)..]);

    [Fact]
    public void Every_Dockerfile_COPY_from_the_build_context_exists()
    {
        var copies = Instructions("COPY").Where(c => !c.StartsWith("--from", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--")).SkipLast(1);
            foreach (var source in sources)
                Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"COPY source {source} does not exist");
        }
        // The projects it restores and publishes are the gateway and what it references.
        Assert.Contains(Dockerfile, l => l.Contains("dotnet publish src/FlowConfigs.Gateway/FlowConfigs.Gateway.csproj"));
        var gatewayProject = File.ReadAllText(Repository.PathOf("src/FlowConfigs.Gateway/FlowConfigs.Gateway.csproj"));
        foreach (Match reference in ProjectReference().Matches(gatewayProject))
        {
            var name = Path.GetFileNameWithoutExtension(reference.Groups[1].Value.Replace('\\', '/'));
            Assert.Contains(Dockerfile, l => l.StartsWith($"COPY src/{name}/{name}.csproj"));
        }
    }

    [Fact]
    public void The_image_runs_the_gateway_as_non_root_on_its_ports_with_a_health_check()
    {
        var stages = Instructions("FROM").ToArray();
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", stages[^1]);
        var user = Assert.Single(Instructions("USER"));
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);

        var exposed = Instructions("EXPOSE").Single().Split(' ').Select(int.Parse).ToArray();
        var ports = new PortsOptions();
        var silo = new SiloPortsOptions();
        Assert.Equal([ports.Public, ports.Internal, silo.SiloPort, silo.GatewayPort], exposed);

        var entrypoint = JsonNode.Parse(Instructions("ENTRYPOINT").Single())!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        Assert.Equal(["dotnet", typeof(SiloPortsOptions).Assembly.GetName().Name + ".dll"], entrypoint);
        var healthCheck = Instructions("HEALTHCHECK").Single();
        Assert.Contains($"\"{entrypoint[1]}\", \"health-check\"]", healthCheck);

        // Every FlowConfigs__ setting baked into the image binds to a real option.
        foreach (var env in Dockerfile.SkipWhile(l => !l.StartsWith("ENV ")).TakeWhile(l => l.StartsWith("ENV ") || l.StartsWith("    ")))
            foreach (Match setting in EnvKey().Matches(env))
                Assert.True(GatewaySettings.Binds(setting.Value), $"{setting.Value} binds to no option");
        Assert.True(File.Exists(Repository.PathOf(".dockerignore")));
    }

    [Fact]
    public void Compose_runs_two_gateways_over_redis_dynamodb_local_and_a_collector()
    {
        var compose = Repository.Yaml("docker-compose.yml");
        var services = compose["services"]!.AsObject();
        Assert.Equal(["dynamodb", "gateway-1", "gateway-2", "otel-collector", "redis"], services.Select(s => s.Key).Order());
        Assert.StartsWith("amazon/dynamodb-local", services["dynamodb"]!["image"]!.GetValue<string>());
        Assert.StartsWith("redis:", services["redis"]!["image"]!.GetValue<string>());
        Assert.Contains("opentelemetry-collector", services["otel-collector"]!["image"]!.GetValue<string>());

        var hostPorts = new List<string>();
        foreach (var name in new[] { "gateway-1", "gateway-2" })
        {
            var gateway = services[name]!.AsObject();
            Assert.Equal(".", gateway["build"]!.GetValue<string>());
            foreach (var dependency in gateway["depends_on"]!.AsObject())
                Assert.True(services.ContainsKey(dependency.Key), $"{name} depends on unknown service {dependency.Key}");

            var environment = gateway["environment"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.ToString());
            foreach (var key in environment.Keys.Where(k => k.StartsWith("FlowConfigs__")))
                Assert.True(GatewaySettings.Binds(key), $"{name}: {key} binds to no option");
            Assert.Equal("Redis", environment["FlowConfigs__Clustering__Provider"]);
            Assert.Equal("DynamoDB", environment["FlowConfigs__Storage__Provider"]);
            Assert.Equal($"redis:6379", environment["FlowConfigs__Clustering__Redis__ConnectionString"]);
            Assert.StartsWith("http://dynamodb:", environment["FlowConfigs__Storage__DynamoDB__ServiceUrl"]);
            Assert.StartsWith("http://otel-collector:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);

            // Container ports are the gateway's own; host ports do not collide.
            foreach (var mapping in gateway["ports"]!.AsArray().Select(p => p!.GetValue<string>().Split(':')))
            {
                Assert.Contains(int.Parse(mapping[1]), new[] { new PortsOptions().Public, new PortsOptions().Internal });
                hostPorts.Add(mapping[0]);
            }
        }
        Assert.Equal(hostPorts.Count, hostPorts.Distinct().Count());
        // The web app is on localhost:8080.
        Assert.Contains(services["gateway-1"]!["ports"]!.AsArray(), p => p!.GetValue<string>() == "8080:8080");
        // Both gateways are in one cluster.
        Assert.Equal(services["gateway-1"]!["environment"]!["FlowConfigs__Cluster__ClusterId"]!.ToString(),
            services["gateway-2"]!["environment"]!["FlowConfigs__Cluster__ClusterId"]!.ToString());
    }

    [Fact]
    public void The_collector_config_it_mounts_receives_otlp_on_the_port_the_gateways_use()
    {
        var compose = Repository.Yaml("docker-compose.yml");
        var mount = compose["services"]!["otel-collector"]!["volumes"]!.AsArray().Single()!.GetValue<string>().Split(':');
        var collector = Repository.Yaml(mount[0].TrimStart('.', '/'));
        Assert.Equal("0.0.0.0:4317", collector["receivers"]!["otlp"]!["protocols"]!["grpc"]!["endpoint"]!.GetValue<string>());
        foreach (var signal in new[] { "traces", "metrics", "logs" })
            Assert.Contains("otlp", collector["service"]!["pipelines"]![signal]!["receivers"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains(mount[1], compose["services"]!["otel-collector"]!["command"]!.AsArray().Single()!.GetValue<string>());
    }

    [GeneratedRegex("""<ProjectReference Include="([^"]+)" """)]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"FlowConfigs__[A-Za-z_]+")]
    private static partial Regex EnvKey();
}
