using Microsoft.Extensions.Logging;
using Orleans.Runtime.Services;

namespace FlowConfigs.Grains.ReadCopies;

/// <summary>
/// Tells every active silo that a config's acknowledged version changed, so their read copies of older versions are
/// dropped. The target list is the membership table's active silos at that moment, so a silo that joined late is
/// included and a dead one is skipped without any subscription to keep up. (Orleans' broadcast channels deliver to
/// one subscriber grain per channel, and a stateless-worker subscriber would only activate in the publisher's silo;
/// streams and observers need subscriptions that a restarted silo or a moved grain would have to rebuild.)
/// </summary>
public sealed partial class ConfigChanges(IServiceProvider services, IClusterMembershipService membership, ILocalSiloDetails self,
    ConfigReadCopies copies, ILogger<ConfigChanges> logger) : GrainServiceClient<IReadCopyService>(services)
{
    /// <summary>
    /// A silo that is slow to answer does not hold the write up for longer than this; it re-checks its copies on its
    /// own (<see cref="ReadCopyOptions.RevalidateAfter"/>), and membership removes it if it is gone.
    /// </summary>
    private static readonly TimeSpan AnnouncementBound = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Completes when every active silo has dropped older copies, or after <see cref="AnnouncementBound"/>; never throws.
    /// Awaited after a write, so a caller told "saved" then reads the new version through any gateway.
    /// </summary>
    public async Task AnnounceAsync(string id, ServedVersion version)
    {
        // This silo first and in process: nothing here can serve the older copy once this returns.
        copies.Changed(id, version);
        var others = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(self.SiloAddress))
            .Select(m => AnnounceToAsync(m.SiloAddress, id, version))
            .ToArray();
        if (others.Length == 0) return;
        try
        {
            await Task.WhenAll(others).WaitAsync(AnnouncementBound);
        }
        catch (TimeoutException)
        {
            LogSlowAnnouncement(logger, id, version, AnnouncementBound.TotalMilliseconds);
        }
    }

    /// <summary>For activations: the announcement runs on its own and the activation does not wait for it.</summary>
    public void AnnounceInBackground(string id, ServedVersion version)
    {
        if (version.Config > 0) _ = Task.Run(() => AnnounceAsync(id, version));
    }

    private async Task AnnounceToAsync(SiloAddress silo, string id, ServedVersion version)
    {
        try
        {
            await GetGrainService(silo).ChangedAsync(id, version);
        }
        catch (Exception exception)
        {
            LogAnnouncementFailed(logger, exception, id, version, silo);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow config {Id} version {Version}: not every silo confirmed the change within {Milliseconds} ms")]
    private static partial void LogSlowAnnouncement(ILogger logger, string id, ServedVersion version, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow config {Id} version {Version}: announcing the change to {Silo} failed")]
    private static partial void LogAnnouncementFailed(ILogger logger, Exception exception, string id, ServedVersion version, SiloAddress silo);
}
