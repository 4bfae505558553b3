using Orleans.Services;

namespace FlowConfigs.Grains.Operations;

/// <summary>Answers for the silo it runs in; one runs in every silo.</summary>
public interface ISiloReportService : IGrainService
{
    Task<SiloReport> ReportAsync();
}
