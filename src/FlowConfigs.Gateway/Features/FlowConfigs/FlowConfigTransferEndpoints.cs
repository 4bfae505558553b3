using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Configs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>Moving configs between environments as JSON files.</summary>
internal static class FlowConfigTransferEndpoints
{
    public const int MaxImportBytes = 10 * 1024 * 1024;

    /// <summary>Most configs in one import file, and most ids in one export request.</summary>
    public const int MaxImportItems = 1000;

    /// <summary>Ids taken from the directory (and judged by the access decider) at a time while exporting everything.</summary>
    private const int ExportBatchSize = 500;

    /// <summary>
    /// <c>?ids=a,b</c> exports those (each must exist and be readable, checked before the first byte is sent); without
    /// ids, every config the caller may read, in id order.
    /// </summary>
    public static async Task<Results<StreamedConfigs, BadRequestProblem, ForbiddenProblem, NotFoundProblem>> ExportAsync(
        IGrainFactory grains, CallerAccess access, CancellationToken cancellationToken, string? ids = null)
    {
        if (string.IsNullOrEmpty(ids))
            return new StreamedConfigs(ReadableIdsAsync(grains, access, cancellationToken), grains);

        var wanted = ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length > MaxImportItems)
            return Problems.Field("ids", $"At most {MaxImportItems} ids per export.");
        foreach (var id in wanted)
        {
            if (FlowConfigId.Validate(id) is { } error) return Problems.Field("ids", $"{id}: {error}");
            if (await access.RequireAsync(id, AccessLevel.Read, "Exporting", cancellationToken) is { } denied) return denied;
        }
        // Asked of the grains themselves, a few at a time: once the array has started, a missing id can no longer be a 404.
        var exists = new bool[wanted.Length];
        await Parallel.ForAsync(0, wanted.Length, new ParallelOptions { MaxDegreeOfParallelism = StreamedConfigs.Parallelism, CancellationToken = cancellationToken },
            async (i, _) => exists[i] = await grains.GetGrain<IFlowConfigGrain>(wanted[i]).GetAsync() is not null);
        if (Array.IndexOf(exists, false) is var missing and >= 0)
            return Problems.ConfigNotFound(wanted[missing]);
        return new StreamedConfigs(wanted.ToAsyncEnumerable(), grains);
    }

    private static async IAsyncEnumerable<string> ReadableIdsAsync(
        IGrainFactory grains, CallerAccess access, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in ReadableSummaries.BatchesAsync(grains, access, DirectoryFilter.All, null, ExportBatchSize, cancellationToken: cancellationToken))
            for (var i = 0; i < batch.Summaries.Length; i++)
                if (batch.Levels[i] >= AccessLevel.Read)
                    yield return batch.Summaries[i].Id;
    }
}
