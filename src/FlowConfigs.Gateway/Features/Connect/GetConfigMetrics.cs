using System.Diagnostics;
using System.Diagnostics.Metrics;
using FlowConfigs.Grains.Configs;

namespace FlowConfigs.Gateway.Features.Connect;

/// <summary>
/// GetConfig latency as the gateway sees it, by where the answer came from (this silo's snapshot, this silo's read
/// copy or a grain call) and how it ended; the alarm on GetConfig p99 reads this histogram. Reads of ids no config has
/// and reads that used the fallback locale are counted too. No instrument takes the config id as a label: thousands
/// of ids would be thousands of time series; per-config numbers are the usage store's.
/// </summary>
internal sealed class GetConfigMetrics
{
    public const string MeterName = "FlowConfigs.GetConfig";
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _unknownIds;
    private readonly Counter<long> _fallback;

    public GetConfigMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("flowconfigs.getconfig.duration", unit: "s",
            description: "Time to answer GetConfig, from request read to bytes handed to the response.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] });
        _unknownIds = meter.CreateCounter<long>("flowconfigs.getconfig.unknown_ids", unit: "{read}",
            description: "GetConfig reads of an id no config has: a flow pointing at a typo takes its error branch.");
        _fallback = meter.CreateCounter<long>("flowconfigs.getconfig.fallback_locale", unit: "{read}",
            description: "GetConfig reads answered with at least one prompt in the fallback locale (a translation is missing).");
    }

    /// <summary>A request that reached a config lookup: found (<paramref name="resolved"/>) or not.</summary>
    public void Record(long startTimestamp, string source, ResolvedConfig? resolved)
    {
        Record(startTimestamp, source, resolved is null ? "not_found" : "ok");
        if (resolved is null) _unknownIds.Add(1);
        else if (resolved.UsedFallback) _fallback.Add(1);
    }

    public void Record(long startTimestamp, string source, string outcome)
    {
        if (!_duration.Enabled) return;
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("flowconfigs.source", source), new KeyValuePair<string, object?>("flowconfigs.outcome", outcome));
    }
}
