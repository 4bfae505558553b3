using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Grains.Listing;

/// <summary>
/// What one look through the directory found, and where it stopped: <paramref name="LastLookedAt"/> is the last id it
/// looked at (matching or not), so the next look starts after it; <paramref name="IsEnd"/> says nothing follows.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DirectoryMatches(
    [property: Id(0)] FlowConfigSummary[] Summaries,
    [property: Id(1)] int LookedAt,
    [property: Id(2)] string? LastLookedAt,
    [property: Id(3)] bool IsEnd);
