namespace FlowConfigs.Grains.Configs;

/// <summary>How long config activations keep what they do not serve.</summary>
public sealed class FlowConfigGrainOptions
{
    /// <summary>
    /// An id nobody stored keeps its activation this long, so a burst of calls for it reads storage once, but a flood
    /// of made-up ids cannot pile up activations for the two hours a real config stays.
    /// </summary>
    public TimeSpan UnknownIdLifetime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often storage is asked again after a write with an unknown outcome, until it answers.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(2);
}
