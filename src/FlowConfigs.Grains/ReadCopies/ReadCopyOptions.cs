namespace FlowConfigs.Grains.ReadCopies;

/// <summary>Bounds of the read copies one silo keeps of configs whose activations live elsewhere.</summary>
public sealed class ReadCopyOptions
{
    /// <summary>Configs held at most; past this a config is answered through its grain until idle ones are swept out.</summary>
    public int MaxConfigs { get; set; } = 10_000;

    /// <summary>
    /// A copy used after this long is checked against its grain in the background (the answer is not held up). Only
    /// a silo that missed a change announcement needs it, so it bounds how long such a silo can lag.
    /// </summary>
    public TimeSpan RevalidateAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A copy nobody asked for in this long is dropped, so ids asked for once do not stay in memory.</summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often idle copies are dropped and, over <see cref="MaxConfigs"/>, the least recently used.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(10);
}
