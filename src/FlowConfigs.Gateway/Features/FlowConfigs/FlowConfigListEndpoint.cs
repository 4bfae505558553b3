using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Listing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

public sealed record FlowConfigListItem(string Id, string Description, AccessLevel AccessLevel, long Version, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record FlowConfigList(IReadOnlyList<FlowConfigListItem> Items);

internal static class FlowConfigListEndpoint
{
    /// <summary>Configs the caller may read whose id starts with <paramref name="pattern"/>, sorted by id.</summary>
    public static async Task<Results<Ok<FlowConfigList>, BadRequestProblem>> ListAsync(
        IGrainFactory grains, CallerAccess access, CancellationToken cancellationToken, string? pattern = null)
    {
        if (pattern is { Length: > FlowConfigId.MaxLength })
            return Problems.Field("pattern", $"pattern is an id prefix of at most {FlowConfigId.MaxLength} characters.");

        var summaries = (await grains.GetGrain<IFlowConfigDirectoryGrain>(0).ListAsync(pattern)).Value;
        var levels = await access.LevelsAsync(Array.ConvertAll(summaries, s => s.Id), cancellationToken);

        var items = new List<FlowConfigListItem>();
        for (var i = 0; i < summaries.Length; i++)
        {
            if (levels[i] == AccessLevel.None) continue;
            var s = summaries[i];
            items.Add(new FlowConfigListItem(s.Id, s.Description, levels[i], s.Version, s.UpdatedAt, s.UpdatedBy));
        }
        return TypedResults.Ok(new FlowConfigList(items));
    }
}
