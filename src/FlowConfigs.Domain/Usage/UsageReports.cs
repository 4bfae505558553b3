namespace FlowConfigs.Domain.Usage;

/// <summary>How long reads are kept, and the windows the API may ask for.</summary>
public static class UsageRetention
{
    public const int Days = 90;

    /// <summary>The first day still kept when today is <paramref name="today"/>.</summary>
    public static DateOnly FirstKept(DateOnly today) => today.AddDays(-(Days - 1));

    /// <summary>The months holding any kept day, oldest first.</summary>
    public static IReadOnlyList<string> KeptMonths(DateOnly today)
    {
        var months = new List<string>();
        for (var month = FirstKept(today); month <= today; month = month.AddMonths(1))
            months.Add(UsageMonth.KeyOf(month));
        if (months[^1] != UsageMonth.KeyOf(today)) months.Add(UsageMonth.KeyOf(today));
        return months;
    }
}

/// <summary>
/// A config's reads over the last <c>days</c> UTC days: every day of the window, oldest first, zero-filled. The last
/// read is the last one kept (90 days), so a config read 40 days ago does not look never read in a 30-day window.
/// </summary>
public sealed record ConfigUsageReport(string Id, long Reads, long Fallback, DateTimeOffset? LastReadAt, IReadOnlyList<UsageDay> Days)
{
    public static ConfigUsageReport Of(string id, IEnumerable<UsageDay> kept, DateOnly today, int days)
    {
        var first = today.AddDays(-(days - 1));
        var retained = kept.Where(d => d.Day >= UsageRetention.FirstKept(today) && d.Day <= today).ToList();
        var byDay = retained.Where(d => d.Day >= first).ToDictionary(d => d.Day);
        var window = Enumerable.Range(0, days).Select(i => first.AddDays(i)).Select(d => byDay.GetValueOrDefault(d) ?? UsageDay.Empty(d)).ToList();
        return new ConfigUsageReport(id, window.Sum(d => d.Reads), window.Sum(d => d.Fallback), retained.Max(d => d.LastReadAt), window);
    }
}

/// <summary>A language callers asked a config for in which some prompts had no text, and the reads that went without.</summary>
public sealed record MissingTranslation(string Id, string Language, IReadOnlyList<string> Prompts, long Reads);

/// <summary>One config's line in the usage overview.</summary>
public sealed record UsageSummary(string Id, long Reads, DateTimeOffset? LastReadAt, IReadOnlyList<MissingTranslation> MissingTranslations)
{
    /// <summary>
    /// Reads and last read over the window; missing translations as of the latest day each language was asked for,
    /// so a prompt translated since stops being reported as soon as callers in that language hear it.
    /// </summary>
    public static UsageSummary Of(ConfigUsageReport report)
    {
        var missing = new List<MissingTranslation>();
        var latest = new Dictionary<string, UsageDay>(StringComparer.Ordinal);
        foreach (var day in report.Days)
            foreach (var language in day.ByLanguage.Keys)
                latest[language] = day;
        foreach (var (language, day) in latest.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (language == UsageDay.OtherLanguage || !day.MissingPrompts.TryGetValue(language, out var prompts) || prompts.Count == 0) continue;
            var reads = report.Days.Sum(d => d.ByLanguage.GetValueOrDefault(language));
            missing.Add(new MissingTranslation(report.Id, language, [.. prompts.Keys.Order(StringComparer.Ordinal)], reads));
        }
        return new UsageSummary(report.Id, report.Reads, report.LastReadAt, missing);
    }
}

/// <summary>An id flows ask for that no config has.</summary>
public sealed record UnknownIdUsage(string Id, long Reads, DateTimeOffset LastReadAt);
