using Orleans.Services;

namespace FlowConfigs.Grains.ReadCopies;

/// <summary>The per-silo receiver of change announcements; one runs in every silo.</summary>
public interface IReadCopyService : IGrainService
{
    Task ChangedAsync(string id, ServedVersion version);
}
