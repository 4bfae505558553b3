namespace FlowConfigs.Domain.Usage;

/// <summary>
/// One UTC day of reads of one config, as stored and as the API shows it. Languages come from callers, so a day keeps
/// at most <see cref="MaxLanguages"/> of them (the rest count as <see cref="OtherLanguage"/>) and, per language, at
/// most <see cref="MaxMissingPrompts"/> missing prompts: a day's size stays bounded whatever flows send.
/// </summary>
public sealed class UsageDay
{
    public const int MaxLanguages = 16;
    public const int MaxMissingPrompts = 32;
    public const string OtherLanguage = "other";

    public required DateOnly Day { get; init; }
    public long Reads { get; set; }
    public long Fallback { get; set; }
    public DateTimeOffset? LastReadAt { get; set; }
    public Dictionary<string, long> ByLanguage { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> ByChannel { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Per language asked for, per prompt with no text in it: the reads that went without it.</summary>
    public Dictionary<string, Dictionary<string, long>> MissingPrompts { get; init; } = new(StringComparer.Ordinal);

    public static UsageDay Empty(DateOnly day) => new() { Day = day };

    public void Add(UsageCount count)
    {
        Reads += count.Reads;
        Fallback += count.Fallback;
        if (LastReadAt is null || count.LastReadAt > LastReadAt) LastReadAt = count.LastReadAt;
        var language = ByLanguage.ContainsKey(count.Language) || ByLanguage.Count < MaxLanguages ? count.Language : OtherLanguage;
        ByLanguage[language] = ByLanguage.GetValueOrDefault(language) + count.Reads;
        ByChannel[count.Channel] = ByChannel.GetValueOrDefault(count.Channel) + count.Reads;
        if (count.MissingPrompts.Count == 0 || language == OtherLanguage) return;
        if (!MissingPrompts.TryGetValue(language, out var prompts))
            MissingPrompts[language] = prompts = new(StringComparer.Ordinal);
        foreach (var (prompt, reads) in count.MissingPrompts)
            if (prompts.ContainsKey(prompt) || prompts.Count < MaxMissingPrompts)
                prompts[prompt] = prompts.GetValueOrDefault(prompt) + reads;
    }

    public void Add(UsageDay other)
    {
        Reads += other.Reads;
        Fallback += other.Fallback;
        if (LastReadAt is null || other.LastReadAt > LastReadAt) LastReadAt = other.LastReadAt;
        foreach (var (language, reads) in other.ByLanguage)
            ByLanguage[language] = ByLanguage.GetValueOrDefault(language) + reads;
        foreach (var (channel, reads) in other.ByChannel)
            ByChannel[channel] = ByChannel.GetValueOrDefault(channel) + reads;
        foreach (var (language, prompts) in other.MissingPrompts)
        {
            if (!MissingPrompts.TryGetValue(language, out var mine))
                MissingPrompts[language] = mine = new(StringComparer.Ordinal);
            foreach (var (prompt, reads) in prompts)
                mine[prompt] = mine.GetValueOrDefault(prompt) + reads;
        }
    }

    public UsageDay Copy()
    {
        var copy = Empty(Day);
        copy.Add(this);
        return copy;
    }
}
