using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Grains.ReadCopies;

/// <summary>
/// What another silo needs to answer GetConfig for one config on its own: the served version, the config (null when
/// deleted or never stored) and the calendars its schedule references, so the copy switches at schedule boundaries
/// by itself. <see cref="Unchanged"/>: the asker already holds this version, so nothing else is sent again.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ConfigCopy(
    [property: Id(0)] ServedVersion Version,
    [property: Id(1)] FlowConfig? Config,
    [property: Id(2)] bool Unchanged = false,
    [property: Id(3)] Calendar[]? Calendars = null)
{
    /// <summary>The copy of the grain's acknowledged state for an asker holding <paramref name="knownVersion"/>.</summary>
    public static ConfigCopy Of(ServedVersion version, FlowConfig? config, ServedVersion knownVersion, Calendar[]? calendars = null) =>
        version == knownVersion ? new ConfigCopy(version, null, Unchanged: true) : new ConfigCopy(version, config, Calendars: calendars);
}
