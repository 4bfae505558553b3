using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Grains.Listing;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>One batch of the directory in id order, with the caller's level on each id.</summary>
internal sealed record SummaryBatch(FlowConfigSummary[] Summaries, AccessLevel[] Levels, bool IsLast);

/// <summary>
/// Walks the directory a batch at a time and asks the access decider about each batch only, so neither the gateway
/// nor the decider ever holds or judges every id of a large directory at once.
/// </summary>
internal static class ReadableSummaries
{
    public static async IAsyncEnumerable<SummaryBatch> BatchesAsync(
        IGrainFactory grains, CallerAccess access, string? idPrefix, string? after, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var directory = grains.GetGrain<IFlowConfigDirectoryGrain>(0);
        while (true)
        {
            var summaries = (await directory.PageAsync(idPrefix, after, batchSize)).Value;
            var levels = summaries.Length == 0 ? [] : await access.LevelsAsync(Array.ConvertAll(summaries, s => s.Id), cancellationToken);
            var isLast = summaries.Length < batchSize;
            yield return new SummaryBatch(summaries, levels, isLast);
            if (isLast) yield break;
            after = summaries[^1].Id;
        }
    }
}
