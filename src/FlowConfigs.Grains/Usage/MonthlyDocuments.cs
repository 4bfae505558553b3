using FlowConfigs.Domain.Usage;
using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Grains.Usage;

/// <summary>
/// A usage grain's stored months: one document per UTC month (key <c>{month}</c> or <c>{month}/{owner}</c>), the
/// months still holding kept days loaded at activation, only the months counts arrive for written. Months past
/// retention are deleted by <see cref="UsageRetentionSweep"/>.
/// </summary>
internal sealed class MonthlyDocuments<T>(DocumentStorage storage, string kind, string? owner, TimeProvider clock) where T : class, new()
{
    private readonly Dictionary<string, PersistedDocument<T>> _months = new(StringComparer.Ordinal);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The acknowledged months still holding kept days.</summary>
    public IEnumerable<T> Kept
    {
        get
        {
            var kept = UsageRetention.KeptMonths(Today);
            return _months.Where(m => kept.Contains(m.Key) && m.Value.Value is not null).Select(m => m.Value.Value!);
        }
    }

    /// <exception cref="StorageFaultException">Storage did not answer.</exception>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        try
        {
            await Task.WhenAll(UsageRetention.KeptMonths(today).Select(month => OpenAsync(month, cancellationToken)));
        }
        catch (StorageUnavailableException)
        {
            throw Unavailable();
        }
    }

    /// <summary>Writes <paramref name="month"/> as <paramref name="change"/> makes it from the acknowledged one.</summary>
    /// <exception cref="StorageFaultException">Storage did not take it (or its outcome is unknown).</exception>
    public async Task UpdateAsync(string month, Func<T, T> change)
    {
        try
        {
            var document = await OpenAsync(month, CancellationToken.None);
            for (var attempt = 1; ; attempt++)
            {
                if (await document.EnsureCurrentAsync() is { } fault) throw new StorageFaultException(fault);
                var written = await document.WriteAsync(change(document.Value ?? new T()));
                if (written.Status == DocumentWriteStatus.Written) break;
                if (written.Status == DocumentWriteStatus.Unavailable) throw new StorageFaultException(written.Fault!);
                // Another activation of this grain wrote meanwhile (a silo lost and found again): re-read and add to its.
                if (attempt == 3) throw Unavailable();
            }
        }
        catch (StorageUnavailableException)
        {
            throw Unavailable();
        }
        foreach (var old in _months.Keys.Except(UsageRetention.KeptMonths(Today)).ToList())
            _months.Remove(old);
    }

    private async Task<PersistedDocument<T>> OpenAsync(string month, CancellationToken cancellationToken)
    {
        if (_months.TryGetValue(month, out var open)) return open;
        var document = storage.Open<T>(new DocumentKey(kind, owner is null ? month : $"{month}/{owner}"));
        await document.LoadAsync(cancellationToken);
        _months[month] = document;
        return document;
    }

    private static StorageFaultException Unavailable() =>
        new(new StorageFault("Storage is not answering, so usage cannot be read or recorded now. Try again in a moment.", StorageFault.Shortly));
}
