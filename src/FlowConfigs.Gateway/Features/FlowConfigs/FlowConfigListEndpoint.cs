using System.ComponentModel;
using System.Globalization;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

public sealed record FlowConfigListItem(string Id, string Description, AccessLevel AccessLevel, long Version, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>One page of the list; <paramref name="Cursor"/> asks for the next and is absent on the last page.</summary>
public sealed record FlowConfigList(IReadOnlyList<FlowConfigListItem> Items, string? Cursor = null);

internal static class FlowConfigListEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>
    /// How many directory entries one request looks at before it answers with what it found: a caller who may read few
    /// of many configs, or searches for something rare, gets short pages (each with a cursor) rather than a request
    /// that walks the whole directory.
    /// </summary>
    public const int MaxScannedPerPage = 5000;

    /// <summary>
    /// A page of the configs the caller may read, sorted by id: those whose id starts with <paramref name="pattern"/>
    /// and whose id, description or changed-by contains <paramref name="q"/> in any letter case.
    /// </summary>
    public static async Task<Results<Ok<FlowConfigList>, BadRequestProblem>> ListAsync(
        IGrainFactory grains, CallerAccess access, CancellationToken cancellationToken,
        [Description("An id prefix: only configs whose id starts with it.")] string? pattern = null,
        [Description("Text the id, description or changed-by contains, in any letter case. Send it again with the cursor.")] string? q = null,
        [Description("Most configs on the page, 1 to 1000 (default 100). A page can hold fewer and still have a cursor.")] string? limit = null,
        [Description("The cursor the previous page returned, to read the page after it.")] string? cursor = null)
    {
        if (pattern is { Length: > FlowConfigId.MaxLength })
            return Problems.Field("pattern", $"pattern is an id prefix of at most {FlowConfigId.MaxLength} characters.");
        var text = q?.Trim();
        if (text is { Length: > FlowConfigDocument.MaxDescriptionLength })
            return Problems.Field("q", $"q is at most {FlowConfigDocument.MaxDescriptionLength} characters (no description is longer).");
        var pageSize = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
            return Problems.Field("limit", $"limit is a whole number from 1 to {MaxLimit}.");
        string? after = null;
        if (cursor is not null && (after = ListCursor.Decode(cursor)) is null)
            return Problems.Field("cursor", "cursor is not one this API returned; start from the first page without it.");

        var items = new List<FlowConfigListItem>(Math.Min(pageSize, 128));
        string? next = null;
        var filter = new DirectoryFilter(pattern, string.IsNullOrEmpty(text) ? null : text);
        // One more than the page, so a full page of readable configs also tells whether another follows.
        await foreach (var batch in ReadableSummaries.BatchesAsync(grains, access, filter, after, Math.Max(pageSize + 1, 100), MaxScannedPerPage, cancellationToken))
        {
            for (var i = 0; i < batch.Summaries.Length; i++)
            {
                if (batch.Levels[i] == AccessLevel.None) continue;
                if (items.Count == pageSize) return Page(items, items[^1].Id);
                var s = batch.Summaries[i];
                items.Add(new FlowConfigListItem(s.Id, s.Description, batch.Levels[i], s.Version, s.UpdatedAt, s.UpdatedBy));
            }
            next = batch.ResumeAfter;
        }
        return Page(items, next);
    }

    private static Ok<FlowConfigList> Page(List<FlowConfigListItem> items, string? lastId) =>
        TypedResults.Ok(new FlowConfigList(items, lastId is null ? null : ListCursor.Encode(lastId)));
}
