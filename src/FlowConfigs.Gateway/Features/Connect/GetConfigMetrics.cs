using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FlowConfigs.Gateway.Features.Connect;

/// <summary>
/// GetConfig latency as the gateway sees it, by where the answer came from (this silo's snapshot, this silo's read
/// copy or a grain call) and how it ended; the alarm on GetConfig p99 reads this histogram.
/// </summary>
internal sealed class GetConfigMetrics
{
    public const string MeterName = "FlowConfigs.GetConfig";
    private readonly Histogram<double> _duration;

    public GetConfigMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("flowconfigs.getconfig.duration", unit: "s",
            description: "Time to answer GetConfig, from request read to bytes handed to the response.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] });
    }

    public void Record(long startTimestamp, string source, string outcome)
    {
        if (!_duration.Enabled) return;
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("flowconfigs.source", source), new KeyValuePair<string, object?>("flowconfigs.outcome", outcome));
    }
}
