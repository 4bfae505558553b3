using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Storage;

/// <summary>
/// A grain's writes of its document, passing on every version storage acknowledges: at once after a write that
/// landed or, after one whose outcome is unknown (or lost to another writer), once a background re-read learns what
/// storage holds. Until then the previous state keeps serving.
/// </summary>
public sealed class AcknowledgedWrites<T>(IGrainBase grain, PersistedDocument<T> document, Func<Task> passOn, TimeSpan recheckInterval, ILogger logger)
    where T : class
{
    private IGrainTimer? _recheck;

    /// <summary>Writes <paramref name="value"/> (null: deleted) with <paramref name="revision"/> and what <paramref name="note"/> tells, in the same durable step.</summary>
    public async Task<DocumentWriteOutcome> WriteAsync(T? value, StoredRevision revision, ChangeNote note)
    {
        var written = await document.WriteAsync(value, revision, note);
        if (written.Status == DocumentWriteStatus.Written)
        {
            await passOn();
        }
        else if (document.Uncertain)
        {
            if (written.Status == DocumentWriteStatus.Conflict)
                logger.LogWarning("{Key} was written elsewhere (storage is at version {Version})", document.Key, written.StoredVersion);
            _recheck ??= grain.RegisterGrainTimer(RecheckAsync, new GrainTimerCreationOptions(TimeSpan.Zero, recheckInterval));
        }
        return written;
    }

    private async Task RecheckAsync(CancellationToken cancellationToken)
    {
        var before = document.Version;
        if (await document.EnsureCurrentAsync(cancellationToken) is not null)
            return;
        _recheck?.Dispose();
        _recheck = null;
        if (document.Version != before)
        {
            logger.LogInformation("{Key}: storage holds version {Version} (was serving {Before})", document.Key, document.Version, before);
            await passOn();
        }
    }
}
