namespace FlowConfigs.Bench;

internal sealed record BenchOptions(int Configs, int Seconds, int Connections, int Threads)
{
    public static BenchOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var at = Array.IndexOf(args, "--" + name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
        }
        return new BenchOptions(Value("configs", 10_000), Value("seconds", 10), Value("connections", 32), Value("threads", 1));
    }
}
