using System.ComponentModel;
using System.Globalization;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Usage;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Usage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.Usage;

/// <summary>
/// The usage overview: every config the caller may read with its reads and last read, the unused ones, languages
/// callers ask for that prompts lack and, for those with Full on every id, ids flows ask for that no config has.
/// </summary>
public sealed record UsageOverview(
    IReadOnlyList<ConfigReads> Configs, IReadOnlyList<string> Unused, IReadOnlyList<UnknownIdUsage>? MissingIds,
    IReadOnlyList<MissingTranslation> MissingTranslations);

public sealed record ConfigReads(string Id, long Reads, DateTimeOffset? LastReadAt);

/// <summary>
/// What flows actually read: per config, language, channel and UTC day, counted by every task on the GetConfig path
/// and kept 90 days (numbers trail reads by up to one flush interval).
/// </summary>
internal static class UsageApi
{
    public const int DefaultDays = 30;

    /// <summary>Unknown ids listed at most: the most requested; a flood of random ids would otherwise fill the page.</summary>
    public const int MaxMissingIds = 100;

    /// <summary>Usage grains asked at once for the overview.</summary>
    private const int Parallelism = 32;

    public static WebApplicationBuilder AddUsage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<UsageOptions>().BindConfiguration(UsageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/flow-config/{id}").RequireAuthorization().WithConfigAccessCheck().WithTags("Usage")
            .MapGet("/usage", GetAsync).WithName("GetFlowConfigUsage")
            .RequiresConfigAccess(AccessLevel.Read, "Reading the usage of");
        app.MapGroup("/api/usage").RequireAuthorization().WithTags("Usage")
            .MapGet("/", OverviewAsync).WithName("GetUsageOverview");
        return app;
    }

    public static async Task<Results<Ok<ConfigUsageReport>, BadRequestProblem>> GetAsync(ConfigId configId, IGrainFactory grains,
        [Description("UTC days to cover, today included: 1 to 90 (default 30).")] string? days = null)
    {
        if (Days(days) is not { } window) return DaysProblem();
        return TypedResults.Ok(await grains.GetGrain<IConfigUsageGrain>(configId.Value).GetAsync(window));
    }

    public static async Task<Results<Ok<UsageOverview>, BadRequestProblem>> OverviewAsync(IGrainFactory grains, CallerAccess access,
        CancellationToken cancellationToken,
        [Description("UTC days to cover, today included: 1 to 90 (default 30).")] string? days = null)
    {
        if (Days(days) is not { } window) return DaysProblem();
        var readable = new List<string>();
        await foreach (var batch in ReadableSummaries.BatchesAsync(grains, access, DirectoryFilter.All, null, 500, cancellationToken: cancellationToken))
            for (var i = 0; i < batch.Summaries.Length; i++)
                if (batch.Levels[i] >= AccessLevel.Read) readable.Add(batch.Summaries[i].Id);

        var summaries = new UsageSummary[readable.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, readable.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, _) => summaries[i] = await grains.GetGrain<IConfigUsageGrain>(readable[i]).SummaryAsync(window));

        IReadOnlyList<UnknownIdUsage>? missingIds = null;
        if (await access.CanManageSettingsAsync(cancellationToken))
        {
            // Full on every id: every config is in `readable`, so an id created since it was asked for drops out here.
            var known = readable.ToHashSet(StringComparer.Ordinal);
            var top = await grains.GetGrain<IUnknownIdsGrain>(0).TopAsync(window, MaxMissingIds + known.Count);
            missingIds = [.. top.Where(u => !known.Contains(u.Id)).Take(MaxMissingIds)];
        }
        return TypedResults.Ok(new UsageOverview(
            [.. summaries.Select(s => new ConfigReads(s.Id, s.Reads, s.LastReadAt))],
            [.. summaries.Where(s => s.Reads == 0).Select(s => s.Id)],
            missingIds,
            [.. summaries.SelectMany(s => s.MissingTranslations)]));
    }

    private static int? Days(string? value)
    {
        if (value is null) return DefaultDays;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= UsageRetention.Days ? days : null;
    }

    private static BadRequestProblem DaysProblem() => Problems.Field("days", $"days is a whole number from 1 to {UsageRetention.Days}.");
}
