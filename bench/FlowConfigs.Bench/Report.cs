using System.Globalization;

namespace FlowConfigs.Bench;

/// <summary>Collects figures from one run and prints them as a table; ratios compare runs taken minutes apart on the same machine.</summary>
internal sealed class Report
{
    private readonly List<(string Section, string Name, string Value)> _rows = [];

    public void Add(string section, string name, double value, string unit) =>
        _rows.Add((section, name, string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {unit}")));

    public void Add(LoadRun run) =>
        _rows.Add(("throughput", run.Name, string.Create(CultureInfo.InvariantCulture,
            $"{run.RequestsPerSecond:0} req/s, p50 {run.P50Ms:0.###} ms, p99 {run.P99Ms:0.###} ms")));

    public void Ratio(string name, double numerator, double denominator, string? target = null, bool asMultiple = false)
    {
        var ratio = numerator / denominator;
        var shown = asMultiple
            ? string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0}×")
            : string.Create(CultureInfo.InvariantCulture, $"{ratio * 100:0}%");
        _rows.Add(("ratio", name, target is null ? shown : $"{shown} (target {target})"));
    }

    public void Print()
    {
        var width = _rows.Max(r => r.Section.Length + r.Name.Length + 3);
        Console.WriteLine();
        Console.WriteLine("FlowConfigs benchmark — " + DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) + $", {Environment.ProcessorCount} cores");
        foreach (var (section, name, value) in _rows)
            Console.WriteLine($"{($"[{section}] {name}").PadRight(width)}  {value}");
    }
}
