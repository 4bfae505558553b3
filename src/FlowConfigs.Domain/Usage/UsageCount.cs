namespace FlowConfigs.Domain.Usage;

/// <summary>
/// What one gateway task counted for one config, language and channel on one UTC day since it last handed its counts
/// on: reads, reads that used the fallback locale, reads per prompt that lacked the language, and the last read.
/// </summary>
public sealed record UsageCount(DateOnly Day, string Language, string Channel, long Reads, long Fallback, DateTimeOffset LastReadAt)
{
    public IReadOnlyDictionary<string, long> MissingPrompts { get; init; } = NoPrompts;

    private static readonly IReadOnlyDictionary<string, long> NoPrompts = new Dictionary<string, long>();
}

/// <summary>Reads of an id no config has, counted by one task on one UTC day.</summary>
public sealed record UnknownIdCount(DateOnly Day, string Id, long Reads, DateTimeOffset LastReadAt);
