using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Operations;

/// <summary>
/// A grain service because the figures belong to one silo: it exists once in every silo and is addressed by silo, so
/// the cluster view asks each active silo for its own at the moment someone looks, and nothing runs when nobody does.
/// </summary>
internal sealed class SiloReportService(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, SiloReports reports)
    : GrainService(grainId, silo, loggerFactory), ISiloReportService
{
    public Task<SiloReport> ReportAsync() => Task.FromResult(reports.Local());
}
