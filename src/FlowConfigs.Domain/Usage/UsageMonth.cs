namespace FlowConfigs.Domain.Usage;

/// <summary>
/// A config's reads in one UTC calendar month, one stored document: a month is small enough for any store's item
/// limit, and only the current one changes.
/// </summary>
public sealed class UsageMonth
{
    public List<UsageDay> Days { get; init; } = [];

    /// <summary>"yyyy-MM", the key part that names the document.</summary>
    public static string KeyOf(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A copy with <paramref name="counts"/> (all of this month) added; the original stays as acknowledged.</summary>
    public UsageMonth With(IEnumerable<UsageCount> counts)
    {
        var days = Days.ToDictionary(d => d.Day, d => d.Copy());
        foreach (var count in counts)
        {
            if (!days.TryGetValue(count.Day, out var day))
                days[count.Day] = day = UsageDay.Empty(count.Day);
            day.Add(count);
        }
        return new UsageMonth { Days = [.. days.Values.OrderBy(d => d.Day)] };
    }
}
