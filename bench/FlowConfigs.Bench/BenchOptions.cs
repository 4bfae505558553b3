namespace FlowConfigs.Bench;

/// <param name="Storage">sqlite (embedded default) or dynamodb (dynalite on loopback, as in AWS with DynamoDB).</param>
/// <param name="Telemetry">Also measure GetConfig on a second gateway exporting OTLP to a local sink.</param>
internal sealed record BenchOptions(int Configs, int Seconds, int Connections, int Threads, string Storage, bool Telemetry)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var at = Array.IndexOf(args, "--" + name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
        int Value(string name, int fallback) => Text(name) is { } text ? int.Parse(text) : fallback;
        var storage = Text("storage") ?? "sqlite";
        if (storage is not ("sqlite" or "dynamodb")) throw new ArgumentException("--storage is sqlite or dynamodb");
        return new BenchOptions(Value("configs", storage == "dynamodb" ? 2_000 : 10_000), Value("seconds", 10), Value("connections", 32),
            Value("threads", 1), storage, args.Contains("--telemetry"));
    }
}
