using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>The co-hosted silo's identity and ports (silo-to-silo and client gateway).</summary>
public sealed class SiloPortsOptions : IValidatableObject
{
    public const string Section = "FlowConfigs:Cluster";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Silos sharing a membership store form one cluster only when their ids match.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string ClusterId { get; set; } = "flowconfigs";

    /// <summary>Stays the same across deployments: grain identity and storage belong to the service, not the cluster.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string ServiceId { get; set; } = "flowconfigs";

    /// <summary>
    /// The address other silos reach this one on. Empty means the machine's first non-loopback address, which on
    /// Fargate (awsvpc) is the task's own ENI address.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(AdvertisedIPAddress) && !System.Net.IPAddress.TryParse(AdvertisedIPAddress, out _))
            yield return new ValidationResult(
                $"FlowConfigs:Cluster:AdvertisedIPAddress '{AdvertisedIPAddress}' is not an IP address.", [nameof(AdvertisedIPAddress)]);
    }
}

[TypeConverter(typeof(ProviderConverter<ClusteringProvider>))]
public enum ClusteringProvider
{
    Localhost,
    Redis,
}

/// <summary>How silos find each other: alone on localhost (the embedded default) or through a Redis membership table.</summary>
public sealed class ClusteringOptions : IValidatableObject
{
    public const string Section = "FlowConfigs:Clustering";

    public ClusteringProvider Provider { get; set; } = ClusteringProvider.Localhost;

    public RedisClusteringSettings Redis { get; set; } = new();

    public sealed class RedisClusteringSettings
    {
        /// <summary>A StackExchange.Redis connection string, e.g. <c>my-cache.xxxx.use1.cache.amazonaws.com:6379,ssl=true</c>.</summary>
        public string? ConnectionString { get; set; }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == ClusteringProvider.Redis && string.IsNullOrWhiteSpace(Redis.ConnectionString))
            yield return new ValidationResult(
                "FlowConfigs:Clustering:Provider is 'Redis' but FlowConfigs:Clustering:Redis:ConnectionString is empty.", [nameof(Redis)]);
    }
}
