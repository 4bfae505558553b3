namespace FlowConfigs.Domain.Usage;

/// <summary>
/// Ids flows asked for that no config has, per UTC day of one month, one stored document. A day keeps only its
/// <see cref="MaxPerDay"/> most requested ids, so a flood of random ids cannot grow it.
/// </summary>
public sealed class UnknownIdsMonth
{
    public const int MaxPerDay = 100;

    public List<UnknownIdsDay> Days { get; init; } = [];

    public UnknownIdsMonth With(IEnumerable<UnknownIdCount> counts)
    {
        var days = Days.ToDictionary(d => d.Day, d => d.Ids.ToDictionary(i => i.Id, StringComparer.Ordinal));
        foreach (var count in counts)
        {
            if (!days.TryGetValue(count.Day, out var ids))
                days[count.Day] = ids = new(StringComparer.Ordinal);
            ids[count.Id] = ids.TryGetValue(count.Id, out var known)
                ? new UnknownIdUsage(count.Id, known.Reads + count.Reads, count.LastReadAt > known.LastReadAt ? count.LastReadAt : known.LastReadAt)
                : new UnknownIdUsage(count.Id, count.Reads, count.LastReadAt);
        }
        return new UnknownIdsMonth
        {
            Days = [.. days.OrderBy(d => d.Key).Select(d => new UnknownIdsDay
            {
                Day = d.Key,
                Ids = [.. d.Value.Values.OrderByDescending(i => i.Reads).ThenBy(i => i.Id, StringComparer.Ordinal).Take(MaxPerDay)],
            })],
        };
    }

    /// <summary>The most requested unknown ids over the days from <paramref name="first"/>, most reads first.</summary>
    public static IReadOnlyList<UnknownIdUsage> Top(IEnumerable<UnknownIdsMonth> months, DateOnly first, int limit) =>
    [
        .. months.SelectMany(m => m.Days).Where(d => d.Day >= first).SelectMany(d => d.Ids)
            .GroupBy(i => i.Id, StringComparer.Ordinal)
            .Select(g => new UnknownIdUsage(g.Key, g.Sum(i => i.Reads), g.Max(i => i.LastReadAt)))
            .OrderByDescending(i => i.Reads).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Take(limit),
    ];
}

public sealed class UnknownIdsDay
{
    public required DateOnly Day { get; init; }
    public List<UnknownIdUsage> Ids { get; init; } = [];
}
