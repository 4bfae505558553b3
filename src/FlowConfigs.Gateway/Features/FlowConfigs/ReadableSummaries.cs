using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Grains.Listing;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>
/// One batch of the directory in id order, with the caller's level on each id. <paramref name="ResumeAfter"/> is where
/// the walk stopped when it was not at the end: the last id looked at, matching or not.
/// </summary>
internal sealed record SummaryBatch(FlowConfigSummary[] Summaries, AccessLevel[] Levels, bool IsLast, string? ResumeAfter);

/// <summary>Which part of the directory to walk: an id prefix, and text the id, description or changed-by contains.</summary>
internal sealed record DirectoryFilter(string? IdPrefix = null, string? Text = null)
{
    public static readonly DirectoryFilter All = new();
}

/// <summary>
/// Walks the directory a batch at a time and asks the access decider about each batch only, so neither the gateway
/// nor the decider ever holds or judges every id of a large directory at once.
/// </summary>
internal static class ReadableSummaries
{
    /// <param name="lookAtMost">
    /// Directory entries the whole walk may look at; when they are used up before the end, the last batch says where to
    /// resume.
    /// </param>
    public static async IAsyncEnumerable<SummaryBatch> BatchesAsync(
        IGrainFactory grains, CallerAccess access, DirectoryFilter filter, string? after, int batchSize, int lookAtMost = int.MaxValue,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var directory = grains.GetGrain<IFlowConfigDirectoryGrain>(0);
        var remaining = lookAtMost;
        while (true)
        {
            var found = await directory.FindAsync(filter.IdPrefix, filter.Text, after, batchSize, remaining);
            var summaries = found.Summaries;
            var levels = summaries.Length == 0 ? [] : await access.LevelsAsync(Array.ConvertAll(summaries, s => s.Id), cancellationToken);
            remaining -= found.LookedAt;
            var isLast = found.IsEnd || remaining <= 0;
            yield return new SummaryBatch(summaries, levels, isLast, found.IsEnd ? null : found.LastLookedAt ?? after);
            if (isLast) yield break;
            after = found.LastLookedAt;
        }
    }
}
