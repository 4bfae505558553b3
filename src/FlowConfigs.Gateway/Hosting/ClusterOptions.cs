using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>The co-hosted silo's own ports (silo-to-silo and client gateway).</summary>
public sealed class SiloPortsOptions
{
    public const string Section = "FlowConfigs:Cluster";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}
