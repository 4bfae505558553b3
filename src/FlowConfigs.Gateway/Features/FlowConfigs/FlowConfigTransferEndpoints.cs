using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Listing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

public enum ImportStatus { Created, Updated, Failed }

public sealed record ImportResult(string? Id, ImportStatus Status, string? Error = null);

/// <summary>Moving configs between environments as JSON files.</summary>
internal static class FlowConfigTransferEndpoints
{
    public const int MaxImportBytes = 10 * 1024 * 1024;
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
        await foreach (var batch in ReadableSummaries.BatchesAsync(grains, access, null, null, ExportBatchSize, cancellationToken))
            for (var i = 0; i < batch.Summaries.Length; i++)
                if (batch.Levels[i] >= AccessLevel.Read)
                    yield return batch.Summaries[i].Id;
    }

    /// <summary>A JSON array of configs; each is checked, authorized and saved on its own, and reported per item.</summary>
    public static async Task<Results<Ok<ImportResult[]>, ForbiddenProblem, BodyProblem>> ImportAsync(
        HttpContext context, IGrainFactory grains, CallerAccess access, SettingsSnapshot settings)
    {
        if (!AccessPolicy.CanCreateConfigs(access.Caller))
            return Problems.Forbidden("Importing needs Full access on at least the imported ids.");

        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, MaxImportBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var root = body!.RootElement;
        if (root.ValueKind != JsonValueKind.Array) return Problems.Body("body", "The body must be a JSON array of flow configs.");
        if (root.GetArrayLength() > MaxImportItems) return Problems.Body("body", $"At most {MaxImportItems} configs per import.", StatusCodes.Status413PayloadTooLarge);

        var results = new List<ImportResult>();
        foreach (var item in root.EnumerateArray())
            results.Add(await ImportOneAsync(item, grains, access, settings, context.RequestAborted));
        return TypedResults.Ok(results.ToArray());
    }

    private static async Task<ImportResult> ImportOneAsync(
        JsonElement item, IGrainFactory grains, CallerAccess access, SettingsSnapshot settings, CancellationToken cancellationToken)
    {
        string? claimedId = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()
            : null;
        var read = FlowConfigDocument.Read(item, null);
        if (!read.IsValid) return new ImportResult(claimedId, ImportStatus.Failed, read.Errors.ToString());
        var config = read.Value!;

        var level = await access.LevelAsync(config.Id, cancellationToken);
        if (level < AccessLevel.Full) return new ImportResult(config.Id, ImportStatus.Failed, $"Importing flow config {config.Id} needs Full access.");
        if (FlowConfigRules.CheckSize(config, settings.Current.FallbackLocale) is { } tooLarge)
            return new ImportResult(config.Id, ImportStatus.Failed, $"{tooLarge.Field}: {tooLarge.Message}");

        var condition = new SaveCondition(ExpectedVersion: config.Version > 0 ? config.Version : null);
        var outcome = await grains.GetGrain<IFlowConfigGrain>(config.Id).SaveAsync(config, condition, access.Caller.Username, level);
        return outcome.Status switch
        {
            SaveStatus.Created => new ImportResult(config.Id, ImportStatus.Created),
            SaveStatus.Updated => new ImportResult(config.Id, ImportStatus.Updated),
            SaveStatus.Unavailable => new ImportResult(config.Id, ImportStatus.Failed, outcome.Fault!.Detail),
            _ => new ImportResult(config.Id, ImportStatus.Failed, $"Version {config.Version} is not the current version {outcome.CurrentVersion}."),
        };
    }
}
