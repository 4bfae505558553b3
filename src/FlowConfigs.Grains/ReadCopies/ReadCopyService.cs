using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.ReadCopies;

/// <summary>
/// Hands announcements to this silo's <see cref="ConfigReadCopies"/>. A grain service rather than a grain because it
/// must exist exactly once in every silo and be addressable by silo, which is what an announcement to all of them needs.
/// </summary>
internal sealed class ReadCopyService(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, ConfigReadCopies copies)
    : GrainService(grainId, silo, loggerFactory), IReadCopyService
{
    public Task ChangedAsync(string id, ServedVersion version)
    {
        copies.Changed(id, version);
        return Task.CompletedTask;
    }
}
