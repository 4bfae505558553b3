using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Usage;

namespace FlowConfigs.Domain.Tests.Usage;

public sealed class UsageTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static UsageCount Count(string language, long reads, string channel = "voice", DateOnly? day = null, long fallback = 0,
        Dictionary<string, long>? missing = null, DateTimeOffset? at = null) =>
        new(day ?? Today, language, channel, reads, fallback, at ?? Noon) { MissingPrompts = missing ?? [] };

    [Fact]
    public void Gaps_name_the_prompts_lacking_the_language_and_whether_the_fallback_stood_in()
    {
        var config = Json.Config("""
            { "id": "x", "description": "d", "variables": {},
              "prompts": {
                "welcome": { "en-US": { "voice": "Hi" }, "fr-CA": { "voice": "Salut" } },
                "holiday": { "en-US": { "voice": "Closed" } },
                "legal":   { "es-US": { "voice": "Aviso" } } } }
            """);

        Assert.Equal(["legal"], ConfigResolver.Gaps(config, "en-US", null).MissingPrompts);
        Assert.Equal(["holiday", "legal"], ConfigResolver.Gaps(config, "fr-CA", "en-US").MissingPrompts);
        Assert.True(ConfigResolver.Gaps(config, "fr-CA", "en-US").UsedFallback);
        Assert.False(ConfigResolver.Gaps(config, "fr-CA", null).UsedFallback);
        // The fallback locale only stands in where it has text: legal has none in en-US either.
        Assert.False(ConfigResolver.Gaps(config, "en-US", "en-US").UsedFallback);
        Assert.Same(ResolutionGaps.None, ConfigResolver.Gaps(Json.Config("""{ "id": "y", "description": "d", "variables": { "a": "1" }, "prompts": {} }"""), "de-DE", "en-US"));
    }

    [Fact]
    public void A_day_adds_counts_by_language_channel_fallback_and_missing_prompt()
    {
        var day = UsageDay.Empty(Today);
        day.Add(Count("en-US", 3));
        day.Add(Count("fr-CA", 2, "chat", fallback: 2, missing: new() { ["holiday"] = 2 }, at: Noon.AddHours(1)));
        day.Add(Count("fr-CA", 1, "voice", fallback: 1, missing: new() { ["holiday"] = 1, ["legal"] = 1 }, at: Noon.AddMinutes(-5)));

        Assert.Equal(6, day.Reads);
        Assert.Equal(3, day.Fallback);
        Assert.Equal(Noon.AddHours(1), day.LastReadAt);
        Assert.Equal(new Dictionary<string, long> { ["en-US"] = 3, ["fr-CA"] = 3 }, day.ByLanguage);
        Assert.Equal(new Dictionary<string, long> { ["voice"] = 4, ["chat"] = 2 }, day.ByChannel);
        Assert.Equal(new Dictionary<string, long> { ["holiday"] = 3, ["legal"] = 1 }, day.MissingPrompts["fr-CA"]);
        Assert.False(day.MissingPrompts.ContainsKey("en-US"));
    }

    [Fact]
    public void A_day_keeps_a_bounded_number_of_languages_and_missing_prompts()
    {
        var day = UsageDay.Empty(Today);
        for (var i = 0; i < 40; i++)
            day.Add(Count($"x{i:00}-ZZ", 1, missing: Enumerable.Range(0, 50).ToDictionary(p => $"p{p}", _ => 1L)));

        Assert.Equal(UsageDay.MaxLanguages + 1, day.ByLanguage.Count);
        Assert.Equal(40 - UsageDay.MaxLanguages, day.ByLanguage[UsageDay.OtherLanguage]);
        Assert.Equal(40, day.Reads);
        Assert.Equal(UsageDay.MaxLanguages, day.MissingPrompts.Count);
        Assert.All(day.MissingPrompts.Values, prompts => Assert.Equal(UsageDay.MaxMissingPrompts, prompts.Count));
        // A language already kept goes on counting past the cap.
        day.Add(Count("x00-ZZ", 5));
        Assert.Equal(6, day.ByLanguage["x00-ZZ"]);
    }

    [Fact]
    public void A_month_adds_counts_to_a_copy_and_keeps_days_in_order()
    {
        var stored = new UsageMonth().With([Count("en-US", 2, day: Today)]);
        var next = stored.With([Count("en-US", 1, day: Today.AddDays(-3)), Count("en-US", 4, day: Today)]);

        Assert.Equal(2, stored.Days.Single().Reads);
        Assert.Equal([Today.AddDays(-3), Today], next.Days.Select(d => d.Day));
        Assert.Equal([1L, 6L], next.Days.Select(d => d.Reads));
        Assert.Equal("2026-11", UsageMonth.KeyOf(Today));
    }

    [Fact]
    public void Retention_keeps_90_days_in_the_months_that_hold_them()
    {
        Assert.Equal(new DateOnly(2026, 8, 30), UsageRetention.FirstKept(Today));
        Assert.Equal(["2026-08", "2026-09", "2026-10", "2026-11"], UsageRetention.KeptMonths(Today));
        Assert.Equal(["2026-10", "2026-11", "2026-12", "2027-01"], UsageRetention.KeptMonths(new DateOnly(2027, 1, 28)));
    }

    [Fact]
    public void A_report_covers_every_day_of_its_window_and_the_last_read_of_all_kept_days()
    {
        var old = UsageDay.Empty(Today.AddDays(-40));
        old.Add(Count("en-US", 7, day: old.Day, at: Noon.AddDays(-40)));
        var recent = UsageDay.Empty(Today.AddDays(-1));
        recent.Add(Count("en-US", 2, day: recent.Day, fallback: 1, at: Noon.AddDays(-1)));
        var expired = UsageDay.Empty(Today.AddDays(-95));
        expired.Add(Count("en-US", 100, day: expired.Day, at: Noon.AddDays(-95)));

        var report = ConfigUsageReport.Of("q", [expired, old, recent], Today, 7);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => Today.AddDays(i - 6)), report.Days.Select(d => d.Day));
        Assert.Equal([0L, 0, 0, 0, 0, 2, 0], report.Days.Select(d => d.Reads));
        Assert.Equal((2, 1), (report.Reads, report.Fallback));
        Assert.Equal(Noon.AddDays(-1), report.LastReadAt);

        var quiet = ConfigUsageReport.Of("q", [expired, old], Today, 30);
        Assert.Equal(0, quiet.Reads);
        Assert.Equal(Noon.AddDays(-40), quiet.LastReadAt);
        Assert.Null(ConfigUsageReport.Of("q", [expired], Today, 90).LastReadAt);
        Assert.Equal(0, ConfigUsageReport.Of("q", [expired], Today, 90).Reads);
    }

    [Fact]
    public void Missing_translations_are_as_of_the_latest_day_each_language_was_asked_for()
    {
        var before = UsageDay.Empty(Today.AddDays(-2));
        before.Add(Count("fr-CA", 5, day: before.Day, missing: new() { ["welcome"] = 5, ["holiday"] = 5 }));
        before.Add(Count("es-US", 3, day: before.Day, missing: new() { ["holiday"] = 3 }));
        var after = UsageDay.Empty(Today);
        // Since then welcome was translated into fr-CA: only holiday is still missing there.
        after.Add(Count("fr-CA", 2, missing: new() { ["holiday"] = 2 }));
        after.Add(Count("en-US", 9));

        var summary = UsageSummary.Of(ConfigUsageReport.Of("q", [before, after], Today, 30));
        Assert.Equal(19, summary.Reads);
        Assert.Equal(
            [new MissingTranslation("q", "es-US", ["holiday"], 3), new MissingTranslation("q", "fr-CA", ["holiday"], 7)],
            summary.MissingTranslations, new TranslationComparer());
    }

    [Fact]
    public void Unknown_ids_keep_the_most_requested_per_day_and_add_up_across_days()
    {
        var month = new UnknownIdsMonth().With(Enumerable.Range(0, 150).Select(i => new UnknownIdCount(Today, $"random-{i}", 1, Noon)))
            .With([new UnknownIdCount(Today, "queue/tpyo", 40, Noon.AddMinutes(1)), new UnknownIdCount(Today.AddDays(-1), "queue/tpyo", 10, Noon.AddDays(-1))]);

        Assert.Equal(UnknownIdsMonth.MaxPerDay, month.Days.Single(d => d.Day == Today).Ids.Count);
        var top = UnknownIdsMonth.Top([month], Today.AddDays(-6), 5);
        Assert.Equal(new UnknownIdUsage("queue/tpyo", 50, Noon.AddMinutes(1)), top[0]);
        Assert.Equal(5, top.Count);
        Assert.Equal(40, UnknownIdsMonth.Top([month], Today, 1).Single().Reads);
    }

    private sealed class TranslationComparer : IEqualityComparer<MissingTranslation>
    {
        public bool Equals(MissingTranslation? x, MissingTranslation? y) =>
            x!.Id == y!.Id && x.Language == y.Language && x.Reads == y.Reads && x.Prompts.SequenceEqual(y.Prompts);

        public int GetHashCode(MissingTranslation obj) => obj.Language.GetHashCode();
    }
}
