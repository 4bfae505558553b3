using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Usage;
using Microsoft.Extensions.DependencyInjection;

namespace FlowConfigs.Gateway.Tests.Usage;

/// <summary>
/// GetConfig reads through the internal port, counted and flushed to the usage grains, read back through the public
/// API as each kind of user may see them.
/// </summary>
public sealed class UsageApiTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> AdminAsync() => gateway.PublicClient(await gateway.TokenAsync("admin", ["FlowConfigAdmin"]));

    private Task FlushAsync() => gateway.Services.GetRequiredService<UsageFlusher>().FlushAsync(CancellationToken.None);

    private static JsonObject WithHoliday(JsonObject document)
    {
        document["prompts"]!["holiday"] = new JsonObject { ["en-US"] = new JsonObject { ["voice"] = "<speak>Closed.</speak>" } };
        return document;
    }

    private async Task ReadAsync(string id, string query, int times, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = gateway.InternalClient();
        for (var i = 0; i < times; i++)
        {
            using var response = await client.GetAsync(Documents.InternalPath(id) + query);
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task Reads_are_counted_by_day_language_and_channel_with_fallback_and_missing_prompts()
    {
        using var admin = await AdminAsync();
        var id = Documents.NewId("usage/a");
        await Documents.SaveAsync(admin, id, WithHoliday(Documents.Branch()));
        await SetFallbackAsync(admin, "en-US");

        await ReadAsync(id, "", 3);
        await ReadAsync(id, "?lang=fr-CA&channel=CHAT", 2);
        await ReadAsync(id, "?lang=es-US&channel=task", 1);
        await FlushAsync();

        using var response = await admin.GetAsync(Documents.Path(id) + "/usage?days=7");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var usage = await response.ReadObjectAsync();
        Assert.Equal((6, 3), (usage["reads"]!.GetValue<long>(), usage["fallback"]!.GetValue<long>()));
        var days = usage["days"]!.AsArray();
        Assert.Equal(7, days.Count);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        Assert.Equal(today, days[^1]!["day"]!.GetValue<string>());
        Assert.All(days.Take(6), d => Assert.Equal(0, d!["reads"]!.GetValue<long>()));
        var day = days[^1]!.AsObject();
        Assert.Equal(Counts(("en-US", 3), ("fr-CA", 2), ("es-US", 1)), Counts(day["byLanguage"]!));
        Assert.Equal(Counts(("voice", 3), ("chat", 2), ("task", 1)), Counts(day["byChannel"]!));
        var missing = day["missingPrompts"]!.AsObject();
        Assert.Equal(["es-US", "fr-CA"], missing.Select(m => m.Key).Order());
        Assert.Equal(Counts(("greeting", 2), ("holiday", 2)), Counts(missing["fr-CA"]!));
        Assert.Equal(Counts(("holiday", 1)), Counts(missing["es-US"]!));
        var lastRead = usage["lastReadAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(DateTimeOffset.UtcNow - lastRead, TimeSpan.Zero, TimeSpan.FromMinutes(5));

        // Counted once: a second flush adds nothing.
        await FlushAsync();
        Assert.Equal(6, (await (await admin.GetAsync(Documents.Path(id) + "/usage")).ReadObjectAsync())["reads"]!.GetValue<long>());
        await SetFallbackAsync(admin, null);
    }

    [Fact]
    public async Task The_overview_shows_readable_configs_unused_ones_missing_translations_and_unknown_ids_to_full_on_everything()
    {
        using var admin = await AdminAsync();
        var read = Documents.NewId("usage/ov-a");
        var unused = Documents.NewId("usage/ov-b");
        var hidden = Documents.NewId("usage/hidden");
        var typo = Documents.NewId("usage/tpyo");
        await Documents.SaveAsync(admin, read, WithHoliday(Documents.Branch()));
        await Documents.SaveAsync(admin, unused, Documents.Branch());
        await Documents.SaveAsync(admin, hidden, Documents.Branch());
        await ReadAsync(read, "?lang=es-US", 2);
        await ReadAsync(hidden, "", 1);
        await ReadAsync(typo, "", 4, HttpStatusCode.NotFound);
        await FlushAsync();

        var overview = await (await admin.GetAsync("/api/usage")).ReadObjectAsync();
        var configs = overview["configs"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!);
        Assert.Equal(2, configs[read]["reads"]!.GetValue<long>());
        Assert.NotNull(configs[read]["lastReadAt"]);
        Assert.Equal(0, configs[unused]["reads"]!.GetValue<long>());
        Assert.Null(configs[unused]["lastReadAt"]);
        var unusedIds = overview["unused"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        Assert.Contains(unused, unusedIds);
        Assert.DoesNotContain(read, unusedIds);
        var missing = overview["missingTranslations"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == read)!;
        Assert.Equal("""{"id":"__","language":"es-US","prompts":["holiday"],"reads":2}""".Replace("__", read), missing.ToJsonString());
        var missingIds = overview["missingIds"]!.AsArray();
        var asked = missingIds.Single(m => m!["id"]!.GetValue<string>() == typo)!;
        Assert.Equal(4, asked["reads"]!.GetValue<long>());
        Assert.DoesNotContain(missingIds, m => m!["id"]!.GetValue<string>() == read);

        // Once someone creates the id flows asked for, it is no longer missing.
        await Documents.SaveAsync(admin, typo, Documents.Branch());
        var after = await (await admin.GetAsync("/api/usage")).ReadObjectAsync();
        Assert.DoesNotContain(after["missingIds"]!.AsArray(), m => m!["id"]!.GetValue<string>() == typo);

        // A reader sees only what they may read, and no unknown ids.
        using var reader = gateway.PublicClient(await gateway.TokenAsync("rita", [], read: "usage/ov-*"));
        var theirs = await (await reader.GetAsync("/api/usage")).ReadObjectAsync();
        Assert.Equal(new[] { read, unused }.Order(StringComparer.Ordinal), theirs["configs"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Where(i => i.StartsWith("usage/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.False(theirs.ContainsKey("missingIds"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Documents.Path(read) + "/usage")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(Documents.Path(hidden) + "/usage")).StatusCode);

        // An editor of some ids is not Full on every id: no unknown ids either.
        using var editor = gateway.PublicClient(await gateway.TokenAsync("eve", ["FlowConfigEdit"]));
        Assert.False((await (await editor.GetAsync("/api/usage")).ReadObjectAsync()).ContainsKey("missingIds"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("week")]
    [InlineData("-3")]
    public async Task A_window_outside_1_to_90_days_is_refused_naming_days(string days)
    {
        using var admin = await AdminAsync();
        foreach (var path in new[] { "/api/usage?days=" + days, Documents.Path("usage/any") + "/usage?days=" + days })
        {
            using var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("days", (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        }
    }

    [Fact]
    public async Task Usage_needs_a_signed_in_caller()
    {
        using var anonymous = gateway.PublicClient(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/usage")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Documents.Path("usage/x") + "/usage")).StatusCode);
    }

    private static SortedDictionary<string, long> Counts(params (string Key, long Count)[] counts) =>
        new(counts.ToDictionary(c => c.Key, c => c.Count), StringComparer.Ordinal);

    private static SortedDictionary<string, long> Counts(JsonNode node) =>
        new(node.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>()), StringComparer.Ordinal);

    private static async Task SetFallbackAsync(HttpClient admin, string? locale)
    {
        var settings = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();
        settings["fallbackLocale"] = locale;
        var locales = settings["locales"]!.AsArray();
        if (locale is not null && !locales.Any(l => l!["code"]!.GetValue<string>() == locale))
            locales.Add(new JsonObject { ["code"] = locale, ["name"] = "English (US)", ["voices"] = new JsonArray() });
        using var saved = await admin.PostAsync("/api/settings", Documents.Json(settings));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }
}
