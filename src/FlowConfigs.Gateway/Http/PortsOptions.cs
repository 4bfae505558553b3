using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Gateway.Http;

/// <summary>Where the gateway listens: the public port (API, web app) and the internal one (GetConfig for the Lambda).</summary>
public sealed class PortsOptions
{
    public const string Section = "FlowConfigs:Ports";

    [Range(1, 65535)]
    public int Public { get; set; } = 8080;

    [Range(1, 65535)]
    public int Internal { get; set; } = 8081;

    /// <summary>Loopback by default so a laptop run is not reachable from the network; containers set 0.0.0.0.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";
}
