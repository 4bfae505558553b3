using System.Globalization;
using FlowConfigs.Domain.Usage;
using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Grains.Usage;

/// <summary>
/// Deletes usage months that hold no kept day any more, for every config and the unknown ids. Month documents are
/// named by their month first, so the sweep reads only ids (no bodies) and needs no grain to be active.
/// </summary>
internal static class UsageRetentionSweep
{
    /// <summary>Returns how many month documents it deleted.</summary>
    /// <exception cref="StorageUnavailableException">Storage did not answer; the next sweep tries again.</exception>
    public static async Task<int> RunAsync(IDocumentStore store, DateOnly today, CancellationToken cancellationToken = default)
    {
        var firstKept = UsageMonth.KeyOf(UsageRetention.FirstKept(today));
        var deleted = 0;
        foreach (var kind in new[] { ConfigUsageGrain.Kind, UnknownIdsGrain.Kind })
        {
            var expired = new List<StoredDocument>();
            await foreach (var document in store.ListAsync(kind, fields: [], cancellationToken))
                if (document.Body is not null && string.CompareOrdinal(MonthOf(document.Id), firstKept) < 0)
                    expired.Add(document);
            foreach (var document in expired)
            {
                // A conflict means a late count arrived for that month: the next sweep deletes it.
                var result = await store.WriteAsync(new DocumentKey(kind, document.Id), new DocumentWrite(document.Version, null), cancellationToken);
                if (result.Status == WriteStatus.Written) deleted++;
            }
        }
        return deleted;
    }

    private static string MonthOf(string id) => id.Length >= 7 && DateOnly.TryParseExact(id[..7], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        ? id[..7]
        : "9999-99"; // not a month document: never swept
}
