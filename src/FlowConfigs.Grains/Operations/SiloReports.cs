using FlowConfigs.Grains.ReadCopies;
using Orleans.Runtime.Services;

namespace FlowConfigs.Grains.Operations;

/// <summary>Each silo's own report: this silo's read in process, another's asked of its <see cref="ISiloReportService"/>.</summary>
public sealed class SiloReports(IServiceProvider services, ILocalSiloDetails self, ConfigReadCopies copies, SiloBuild build)
    : GrainServiceClient<ISiloReportService>(services)
{
    public SiloAddress Self => self.SiloAddress;

    public SiloReport Local()
    {
        var (hits, misses) = copies.Reads.Totals();
        return new SiloReport(build.Version, hits, misses, copies.Count);
    }

    public Task<SiloReport> ReportAsync(SiloAddress silo) =>
        silo.Equals(self.SiloAddress) ? Task.FromResult(Local()) : GetGrainService(silo).ReportAsync();
}
