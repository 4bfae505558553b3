using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using FlowConfigs.Domain.Access;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Events;
using FlowConfigs.Gateway.Features.Identity;
using FlowConfigs.Gateway.Features.SampleData;
using FlowConfigs.Gateway.Features.Speech;
using FlowConfigs.Gateway.Features.Web;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Storage.Sqlite;
using FlowConfigs.Grains.Events;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;
using FlowConfigs.Grains.Usage;
using FlowConfigs.Grains.Tests.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using Orleans.Storage;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>
/// Every <c>FlowConfigs__*</c> setting the README documents, set to a value that is not its default, reaches the object
/// that uses it. The gateway is built as it runs (Program, all its registrations) with its hosted services removed, so
/// no silo, Redis, DynamoDB or AWS service is started: what is checked is the wiring from a setting to its consumer.
/// </summary>
public sealed class DocumentedSettingsTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-settings-" + Guid.NewGuid().ToString("N"));

    /// <summary>One documented setting, the value the test gives it, and where that value must show up.</summary>
    private sealed record Reach(string Setting, string Value, Func<IServiceProvider, object?> Actual, object? Expected);

    /// <summary>The AWS shape: every provider switched away from its embedded default.</summary>
    private Dictionary<string, string> AwsSettings => new()
    {
        ["FlowConfigs__Storage__Provider"] = "DynamoDB",
        ["FlowConfigs__Storage__KeepRevisions"] = "17",
        ["FlowConfigs__Storage__DynamoDB__TableName"] = "Configs-Test",
        ["FlowConfigs__Storage__DynamoDB__RevisionsTableName"] = "Revisions-Test",
        ["FlowConfigs__Storage__DynamoDB__Region"] = "eu-north-1",
        ["FlowConfigs__Storage__DynamoDB__ServiceUrl"] = "http://127.0.0.1:4567",
        ["FlowConfigs__Storage__DynamoDB__CreateTables"] = "true",
        ["FlowConfigs__Storage__DynamoDB__RevisionLease"] = "00:02:05",
        ["FlowConfigs__Storage__DynamoDB__RequestTimeout"] = "00:00:03",
        ["FlowConfigs__Storage__DynamoDB__ItemIds__flowconfig"] = "configs/{id}",
        ["FlowConfigs__Clustering__Provider"] = "Redis",
        ["FlowConfigs__Clustering__Redis__ConnectionString"] = "cache.example.internal:6390,ssl=true",
        ["FlowConfigs__Cluster__ClusterId"] = "blue-cluster",
        ["FlowConfigs__Cluster__ServiceId"] = "flowconfigs-test-service",
        ["FlowConfigs__Cluster__AdvertisedIPAddress"] = "10.20.30.40",
        ["FlowConfigs__Cluster__SiloPort"] = "21111",
        ["FlowConfigs__Cluster__GatewayPort"] = "23000",
        ["FlowConfigs__Cluster__ProbeTimeout"] = "00:00:02",
        ["FlowConfigs__Cluster__MissedProbesLimit"] = "4",
        ["FlowConfigs__Cluster__GrainCallTimeout"] = "00:00:03",
        ["FlowConfigs__Cluster__ShutdownTimeout"] = "00:00:20",
        ["FlowConfigs__Cluster__KeepAlivePeriod"] = "00:00:45",
        ["FlowConfigs__Health__ProbePeriod"] = "00:00:07",
        ["FlowConfigs__Health__ProbeTimeout"] = "00:00:03",
        ["FlowConfigs__Identity__Provider"] = "Oidc",
        ["FlowConfigs__Identity__Authority"] = "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Test/",
        ["FlowConfigs__Identity__ClientId"] = "app-client-7",
        ["FlowConfigs__Identity__GroupsClaim"] = "test:groups",
        ["FlowConfigs__Identity__FullClaim"] = "test:full",
        ["FlowConfigs__Identity__EditClaim"] = "test:edit",
        ["FlowConfigs__Identity__ReadClaim"] = "test:read",
        ["FlowConfigs__Authorization__Provider"] = "VerifiedPermissions",
        ["FlowConfigs__Authorization__VerifiedPermissions__PolicyStoreId"] = "PStest123",
        ["FlowConfigs__Authorization__VerifiedPermissions__DecisionCacheSeconds"] = "45",
        ["FlowConfigs__Authorization__VerifiedPermissions__DecidePerId"] = "true",
        ["FlowConfigs__Authorization__VerifiedPermissions__MaxConcurrentBatches"] = "9",
        ["FlowConfigs__Authorization__VerifiedPermissions__Region"] = "ap-southeast-2",
        ["FlowConfigs__Authorization__VerifiedPermissions__ServiceUrl"] = "http://127.0.0.1:4568/",
        ["FlowConfigs__Speech__Provider"] = "Polly",
        ["FlowConfigs__Speech__Polly__Engine"] = "generative",
        ["FlowConfigs__Speech__Polly__CacheMegabytes"] = "12",
        ["FlowConfigs__Speech__Polly__Region"] = "ca-central-1",
        ["FlowConfigs__Speech__Polly__ServiceUrl"] = "http://127.0.0.1:4569/",
        ["FlowConfigs__Telemetry__GetConfigTraceRatio"] = "0.25",
        ["FlowConfigs__Events__Provider"] = "EventBridge",
        ["FlowConfigs__Events__EventBridge__BusName"] = "changes-bus-test",
        ["FlowConfigs__Events__EventBridge__Region"] = "sa-east-1",
        ["FlowConfigs__Events__EventBridge__ServiceUrl"] = "http://127.0.0.1:4570/",
    };

    /// <summary>The embedded shape: SQLite, one silo on localhost, the development issuer, espeak-ng.</summary>
    private Dictionary<string, string> EmbeddedSettings => new()
    {
        ["FlowConfigs__Ports__Public"] = "18080",
        ["FlowConfigs__Ports__Internal"] = "18081",
        ["FlowConfigs__Ports__BindAddress"] = "0.0.0.0",
        ["FlowConfigs__Cluster__SiloPort"] = "21112",
        ["FlowConfigs__Cluster__GatewayPort"] = "23001",
        ["FlowConfigs__Storage__DataDirectory"] = _dataDirectory,
        ["FlowConfigs__Storage__KeepRevisions"] = "5",
        ["FlowConfigs__Identity__Authority"] = "http://127.0.0.1:18080/issuer-under-test/",
        ["FlowConfigs__Identity__Audience"] = "audience-under-test",
        ["FlowConfigs__Identity__EnableDevelopmentIssuer"] = "true",
        ["FlowConfigs__Speech__EspeakPath"] = "/opt/speech/espeak-ng",
        ["FlowConfigs__Speech__MaxConcurrentSyntheses"] = "3",
        ["FlowConfigs__Speech__MaxQueuedSyntheses"] = "11",
        ["FlowConfigs__Speech__TimeoutSeconds"] = "42",
        ["FlowConfigs__Speech__VoiceListMinutes"] = "7",
        ["FlowConfigs__SampleData__Enabled"] = "false",
        ["FlowConfigs__Web__FrameAncestors__0"] = "https://agents.example.com",
        ["FlowConfigs__Events__Provider"] = "Webhook",
        ["FlowConfigs__Events__Webhook__Urls__0"] = "https://hooks.example.com/flowconfigs?token=t1",
        ["FlowConfigs__Events__Webhook__Secret"] = "secret-under-test",
        ["FlowConfigs__Events__Webhook__Timeout"] = "00:00:04",
        ["FlowConfigs__Events__PollInterval"] = "00:00:09",
        ["FlowConfigs__Events__FirstRetryDelay"] = "00:00:02",
        ["FlowConfigs__Events__MaxRetryDelay"] = "00:03:00",
        ["FlowConfigs__Usage__Enabled"] = "false",
        ["FlowConfigs__Usage__FlushEvery"] = "00:00:03",
        ["FlowConfigs__Usage__MaxUnknownIds"] = "77",
        ["FlowConfigs__Usage__MaxCounters"] = "1234",
    };

    private static DynamoDbStorageOptions Dynamo(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DynamoDbStorageOptions>>().Value;

    private static SqliteStorageOptions Sqlite(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value;

    private static T Value<T>(IServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;

    private static JwtBearerOptions Jwt(IServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

    private static bool AudienceAccepted(IServiceProvider services, string audience)
    {
        var validation = Jwt(services).TokenValidationParameters;
        return validation.AudienceValidator([audience], null!, validation);
    }

    /// <summary>The caller the access checks see for a token carrying these claims.</summary>
    private static Principal CallerWith(IServiceProvider services, params (string Type, string Value)[] claims) =>
        CallerClaims.PrincipalOf(services.GetRequiredService<IClaimsTransformation>()
            .TransformAsync(new ClaimsPrincipal(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test")))
            .GetAwaiter().GetResult());

    private static IEnumerable<Reach> AwsReaches() =>
    [
        new("FlowConfigs__Storage__Provider", "DynamoDB", s => s.GetRequiredService<IDocumentStore>().GetType(), typeof(DynamoDbDocumentStore)),
        new("FlowConfigs__Storage__KeepRevisions", "17", s => Dynamo(s).KeepRevisions, 17),
        new("FlowConfigs__Storage__DynamoDB__TableName", "Configs-Test", s => Dynamo(s).TableName, "Configs-Test"),
        new("FlowConfigs__Storage__DynamoDB__RevisionsTableName", "Revisions-Test", s => Dynamo(s).RevisionsTableName, "Revisions-Test"),
        new("FlowConfigs__Storage__DynamoDB__Region", "eu-north-1", s => Dynamo(s).Region, "eu-north-1"),
        new("FlowConfigs__Storage__DynamoDB__ServiceUrl", "http://127.0.0.1:4567", s => Dynamo(s).ServiceUrl, "http://127.0.0.1:4567"),
        new("FlowConfigs__Storage__DynamoDB__CreateTables", "true", s => Dynamo(s).CreateTables, true),
        new("FlowConfigs__Storage__DynamoDB__RevisionLease", "00:02:05", s => Dynamo(s).RevisionLease, TimeSpan.FromSeconds(125)),
        new("FlowConfigs__Storage__DynamoDB__RequestTimeout", "00:00:03", s => Dynamo(s).RequestTimeout, TimeSpan.FromSeconds(3)),
        new("FlowConfigs__Storage__DynamoDB__ItemIds__flowconfig", "configs/{id}", s => Dynamo(s).ItemIds["flowconfig"], "configs/{id}"),
        new("FlowConfigs__Clustering__Provider", "Redis", s => s.GetRequiredService<IMembershipTable>().GetType().Name, "RedisMembershipTable"),
        new("FlowConfigs__Clustering__Redis__ConnectionString", "cache.example.internal:6390,ssl=true",
            s => Value<RedisClusteringOptions>(s).ConfigurationOptions is { Ssl: true, EndPoints: [DnsEndPoint redis] } ? $"{redis.Host}:{redis.Port}" : null,
            "cache.example.internal:6390"),
        new("FlowConfigs__Cluster__ClusterId", "blue-cluster", s => Value<ClusterOptions>(s).ClusterId, "blue-cluster"),
        new("FlowConfigs__Cluster__ServiceId", "flowconfigs-test-service", s => Value<ClusterOptions>(s).ServiceId, "flowconfigs-test-service"),
        new("FlowConfigs__Cluster__AdvertisedIPAddress", "10.20.30.40", s => Value<EndpointOptions>(s).AdvertisedIPAddress, IPAddress.Parse("10.20.30.40")),
        new("FlowConfigs__Cluster__SiloPort", "21111", s => Value<EndpointOptions>(s).SiloListeningEndpoint, new IPEndPoint(IPAddress.Any, 21111)),
        new("FlowConfigs__Cluster__GatewayPort", "23000", s => Value<EndpointOptions>(s).GatewayListeningEndpoint, new IPEndPoint(IPAddress.Any, 23000)),
        new("FlowConfigs__Cluster__ProbeTimeout", "00:00:02", s => Value<ClusterMembershipOptions>(s).ProbeTimeout, TimeSpan.FromSeconds(2)),
        new("FlowConfigs__Cluster__MissedProbesLimit", "4", s => Value<ClusterMembershipOptions>(s).NumMissedProbesLimit, 4),
        new("FlowConfigs__Cluster__GrainCallTimeout", "00:00:03", s => Value<SiloMessagingOptions>(s).ResponseTimeout, TimeSpan.FromSeconds(3)),
        new("FlowConfigs__Cluster__ShutdownTimeout", "00:00:20", s => Value<HostOptions>(s).ShutdownTimeout, TimeSpan.FromSeconds(20)),
        new("FlowConfigs__Cluster__KeepAlivePeriod", "00:00:45", s => Value<Grains.AlwaysActiveGrainsOptions>(s).KeepAlivePeriod, TimeSpan.FromSeconds(45)),
        new("FlowConfigs__Health__ProbePeriod", "00:00:07", s => Value<HealthProbeOptions>(s).ProbePeriod, TimeSpan.FromSeconds(7)),
        new("FlowConfigs__Health__ProbeTimeout", "00:00:03",
            s => Value<HealthCheckServiceOptions>(s).Registrations.Single(r => r.Name == "storage").Timeout, TimeSpan.FromSeconds(3)),
        new("FlowConfigs__Identity__Provider", "Oidc", s => s.GetService<DevelopmentIssuer>(), null),
        new("FlowConfigs__Identity__Authority", "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Test/",
            s => Jwt(s).MetadataAddress, "https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Test/.well-known/openid-configuration"),
        new("FlowConfigs__Identity__ClientId", "app-client-7", s => AudienceAccepted(s, "app-client-7"), true),
        new("FlowConfigs__Identity__GroupsClaim", "test:groups", s => CallerWith(s, ("test:groups", "Supervisors")).Groups.Single(), "Supervisors"),
        new("FlowConfigs__Identity__FullClaim", "test:full", s => CallerWith(s, ("test:full", "branch-*")).FullPatterns.Single(), "branch-*"),
        new("FlowConfigs__Identity__EditClaim", "test:edit", s => CallerWith(s, ("test:edit", "queue/*")).EditPatterns.Single(), "queue/*"),
        new("FlowConfigs__Identity__ReadClaim", "test:read", s => CallerWith(s, ("test:read", "*-austin")).ReadPatterns.Single(), "*-austin"),
        new("FlowConfigs__Authorization__Provider", "VerifiedPermissions", s => s.GetRequiredService<IAccessDecider>().GetType(), typeof(VerifiedPermissionsAccessDecider)),
        new("FlowConfigs__Authorization__VerifiedPermissions__PolicyStoreId", "PStest123", s => s.GetRequiredService<VerifiedPermissionsClient>().PolicyStoreId, "PStest123"),
        new("FlowConfigs__Authorization__VerifiedPermissions__DecisionCacheSeconds", "45", s => Value<AuthorizationProviderOptions>(s).VerifiedPermissions.DecisionCacheSeconds, 45),
        new("FlowConfigs__Authorization__VerifiedPermissions__DecidePerId", "true", s => Value<AuthorizationProviderOptions>(s).VerifiedPermissions.DecidePerId, true),
        new("FlowConfigs__Authorization__VerifiedPermissions__MaxConcurrentBatches", "9", s => Value<AuthorizationProviderOptions>(s).VerifiedPermissions.MaxConcurrentBatches, 9),
        new("FlowConfigs__Authorization__VerifiedPermissions__Region", "ap-southeast-2", s => s.GetRequiredService<VerifiedPermissionsClient>().Region, "ap-southeast-2"),
        new("FlowConfigs__Authorization__VerifiedPermissions__ServiceUrl", "http://127.0.0.1:4568/", s => s.GetRequiredService<VerifiedPermissionsClient>().Endpoint, new Uri("http://127.0.0.1:4568/")),
        new("FlowConfigs__Speech__Provider", "Polly", s => s.GetRequiredService<ISpeechSynthesizer>().GetType(), typeof(PollySpeechSynthesizer)),
        new("FlowConfigs__Speech__Polly__Engine", "generative", s => Value<SpeechOptions>(s).Polly.Engine, "generative"),
        new("FlowConfigs__Speech__Polly__CacheMegabytes", "12", s => Value<SpeechOptions>(s).Polly.CacheMegabytes, 12),
        new("FlowConfigs__Speech__Polly__Region", "ca-central-1", s => s.GetRequiredService<PollySpeechSynthesizer>().Region, "ca-central-1"),
        new("FlowConfigs__Speech__Polly__ServiceUrl", "http://127.0.0.1:4569/", s => s.GetRequiredService<PollySpeechSynthesizer>().Endpoint, new Uri("http://127.0.0.1:4569/")),
        new("FlowConfigs__Telemetry__GetConfigTraceRatio", "0.25", s => Value<TelemetryOptions>(s).GetConfigTraceRatio, 0.25),
        new("FlowConfigs__Events__Provider", "EventBridge", s => s.GetRequiredService<IChangeEventSink>().GetType(), typeof(EventBridgeSink)),
        new("FlowConfigs__Events__EventBridge__BusName", "changes-bus-test", s => s.GetRequiredService<EventBridgeSink>().BusName, "changes-bus-test"),
        new("FlowConfigs__Events__EventBridge__Region", "sa-east-1", s => s.GetRequiredService<EventBridgeSink>().Region, "sa-east-1"),
        new("FlowConfigs__Events__EventBridge__ServiceUrl", "http://127.0.0.1:4570/", s => s.GetRequiredService<EventBridgeSink>().Endpoint, new Uri("http://127.0.0.1:4570/")),
    ];

    private IEnumerable<Reach> EmbeddedReaches() =>
    [
        new("FlowConfigs__Ports__Public", "18080", s => Value<PortsOptions>(s).Public, 18080),
        new("FlowConfigs__Ports__Internal", "18081", s => Value<PortsOptions>(s).Internal, 18081),
        new("FlowConfigs__Ports__BindAddress", "0.0.0.0", s => Value<PortsOptions>(s).BindAddress, "0.0.0.0"),
        new("FlowConfigs__Cluster__SiloPort", "21112", s => Value<EndpointOptions>(s).SiloPort, 21112),
        new("FlowConfigs__Cluster__GatewayPort", "23001", s => Value<EndpointOptions>(s).GatewayPort, 23001),
        new("FlowConfigs__Storage__DataDirectory", _dataDirectory, s => Sqlite(s).DataDirectory, _dataDirectory),
        new("FlowConfigs__Storage__DataDirectory", _dataDirectory,
            s => s.GetRequiredService<DevelopmentIssuer>() is not null && File.Exists(Path.Combine(_dataDirectory, DevelopmentIssuer.KeyFileName)), true),
        new("FlowConfigs__Storage__KeepRevisions", "5", s => Sqlite(s).KeepRevisions, 5),
        new("FlowConfigs__Identity__Authority", "http://127.0.0.1:18080/issuer-under-test/", s => s.GetRequiredService<DevelopmentIssuer>().Issuer, "http://127.0.0.1:18080/issuer-under-test"),
        new("FlowConfigs__Identity__Authority", "http://127.0.0.1:18080/issuer-under-test/", s => Jwt(s).Authority, "http://127.0.0.1:18080/issuer-under-test"),
        new("FlowConfigs__Identity__Audience", "audience-under-test", s => s.GetRequiredService<DevelopmentIssuer>().Audience, "audience-under-test"),
        new("FlowConfigs__Identity__Audience", "audience-under-test", s => AudienceAccepted(s, "audience-under-test"), true),
        // Bound to 0.0.0.0 the development issuer refuses to run unless this is set.
        new("FlowConfigs__Identity__EnableDevelopmentIssuer", "true", s => s.GetService<DevelopmentIssuer>() is not null, true),
        new("FlowConfigs__Speech__EspeakPath", "/opt/speech/espeak-ng", s => Value<SpeechOptions>(s).EspeakPath, "/opt/speech/espeak-ng"),
        new("FlowConfigs__Speech__MaxConcurrentSyntheses", "3", s => Value<SpeechOptions>(s).MaxConcurrentSyntheses, 3),
        new("FlowConfigs__Speech__MaxQueuedSyntheses", "11", s => Value<SpeechOptions>(s).MaxQueuedSyntheses, 11),
        new("FlowConfigs__Speech__TimeoutSeconds", "42", s => Value<SpeechOptions>(s).TimeoutSeconds, 42),
        new("FlowConfigs__Speech__VoiceListMinutes", "7", s => Value<SpeechOptions>(s).VoiceListMinutes, 7),
        new("FlowConfigs__SampleData__Enabled", "false", s => Value<SampleDataOptions>(s).Enabled, false),
        // Configured origins replace the default ones (every Connect instance), so a deployment can admit only its own.
        new("FlowConfigs__Web__FrameAncestors__0", "https://agents.example.com", s => string.Join(' ', Value<WebOptions>(s).FramingOrigins), "https://agents.example.com"),
        new("FlowConfigs__Events__Provider", "Webhook", s => s.GetRequiredService<IChangeEventSink>().GetType(), typeof(WebhookSink)),
        new("FlowConfigs__Events__Webhook__Urls__0", "https://hooks.example.com/flowconfigs?token=t1",
            s => s.GetRequiredService<WebhookSink>().Urls.Single(), new Uri("https://hooks.example.com/flowconfigs?token=t1")),
        new("FlowConfigs__Events__Webhook__Secret", "secret-under-test", s => Value<EventsOptions>(s).Webhook.Secret, "secret-under-test"),
        new("FlowConfigs__Events__Webhook__Timeout", "00:00:04",
            s => s.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookSink.ClientName).Timeout, TimeSpan.FromSeconds(4)),
        new("FlowConfigs__Events__PollInterval", "00:00:09", s => Value<ChangeEventDeliveryOptions>(s).PollInterval, TimeSpan.FromSeconds(9)),
        new("FlowConfigs__Events__FirstRetryDelay", "00:00:02", s => Value<ChangeEventDeliveryOptions>(s).FirstRetryDelay, TimeSpan.FromSeconds(2)),
        new("FlowConfigs__Events__MaxRetryDelay", "00:03:00", s => Value<ChangeEventDeliveryOptions>(s).MaxRetryDelay, TimeSpan.FromMinutes(3)),
        new("FlowConfigs__Usage__Enabled", "false", s => Value<UsageOptions>(s).Enabled, false),
        new("FlowConfigs__Usage__FlushEvery", "00:00:03", s => Value<UsageOptions>(s).FlushEvery, TimeSpan.FromSeconds(3)),
        new("FlowConfigs__Usage__MaxUnknownIds", "77", s => Value<UsageOptions>(s).MaxUnknownIds, 77),
        new("FlowConfigs__Usage__MaxCounters", "1234", s => Value<UsageOptions>(s).MaxCounters, 1234),
    ];

    [Fact]
    public void Every_setting_the_README_documents_is_checked()
    {
        var checkedSettings = AwsReaches().Concat(EmbeddedReaches()).Select(r => r.Setting).ToHashSet();
        var documented = DocumentedSettings();
        Assert.True(documented.Count > 40, $"only {documented.Count} settings found in the README's tables");
        var notChecked = documented.Except(checkedSettings).ToArray();
        Assert.True(notChecked.Length == 0, "documented but not checked: " + string.Join(", ", notChecked));
    }

    [Fact]
    public async Task In_the_AWS_shape_each_setting_reaches_its_consumer() => await AssertReachAsync(AwsSettings, AwsReaches());

    [Fact]
    public async Task In_the_embedded_shape_each_setting_reaches_its_consumer() => await AssertReachAsync(EmbeddedSettings, EmbeddedReaches());

    private static async Task AssertReachAsync(Dictionary<string, string> settings, IEnumerable<Reach> reaches)
    {
        DynaliteFixture.UseTestCredentials();
        await using var gateway = new UnstartedGateway(settings);
        var services = gateway.Services;
        var missed = new List<string>();
        foreach (var reach in reaches)
        {
            Assert.True(settings.TryGetValue(reach.Setting, out var value) && value == reach.Value, $"{reach.Setting} is not set to {reach.Value}");
            object? actual;
            try
            {
                actual = reach.Actual(services);
            }
            catch (Exception exception)
            {
                actual = exception.GetType().Name + ": " + exception.Message;
            }
            if (!Equals(actual, reach.Expected))
                missed.Add($"{reach.Setting}={reach.Value}: expected {reach.Expected ?? "null"}, found {actual ?? "null"}");
        }
        Assert.True(missed.Count == 0, "settings that did not reach their consumer:\n" + string.Join("\n", missed));
    }

    /// <summary>The <c>FlowConfigs__*</c> rows of the README's configuration tables; <c>`__GatewayPort`</c> continues the key before it.</summary>
    private static HashSet<string> DocumentedSettings()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var tables = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..readme.IndexOf("## Architecture", StringComparison.Ordinal)];
        var settings = new HashSet<string>();
        foreach (var row in tables.Split('\n').Where(line => line.StartsWith("| `FlowConfigs__", StringComparison.Ordinal)))
        {
            string? previous = null;
            foreach (Match key in Regex.Matches(row.Split('|')[1], "`([^`]+)`"))
            {
                var name = key.Groups[1].Value;
                previous = name.StartsWith("__", StringComparison.Ordinal) ? previous![..previous!.LastIndexOf("__", StringComparison.Ordinal)] + name : name;
                settings.Add(previous);
            }
        }
        return settings;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FlowConfigs.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("FlowConfigs.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The gateway's own Program with the given environment-style settings and no hosted service: nothing is started.</summary>
    private sealed class UnstartedGateway(Dictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
                builder.UseSetting(key.Replace("__", ":"), value);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services => services.RemoveAll<IHostedService>());
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (DirectoryNotFoundException) { } catch (IOException) { }
    }
}
