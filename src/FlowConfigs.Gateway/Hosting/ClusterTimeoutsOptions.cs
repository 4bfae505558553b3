using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// How fast the cluster notices a lost task and how long anything waits on another silo. The defaults are set for
/// Fargate tasks in one VPC (round trips well under 5 ms); docs/architecture.md, "Losing a task", explains each one
/// and why it does not evict a task that is only slow.
/// </summary>
public sealed class ClusterTimeoutsOptions
{
    public const string Section = "FlowConfigs:Cluster";

    /// <summary>
    /// Period of the silo-to-silo probes, and the base of their adaptive timeout (half to twice this, from measured
    /// round trips). A healthy peer answers in milliseconds; one second keeps a lost task's detection near
    /// <see cref="MissedProbesLimit"/> seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive missed probes before a silo votes its peer dead. One miss is noise; three in a row is not.</summary>
    [Range(2, 10)]
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>
    /// Longest wait for any grain call, a call to a silo that has just died included: past it the request answers
    /// 503 with Retry-After. A call here is memory work and at most one storage round trip; 1.5 s keeps every
    /// request under the 2 s the API promises.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan GrainCallTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// How long a stopping task (SIGTERM, ECS stopping it) may take to hand its activations over and leave the
    /// membership table before the process exits anyway. Below ECS's stopTimeout (30 s by default), which kills.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
