using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Listing;

namespace FlowConfigs.Grains.Tests.Configs;

[Collection(FlowConfigCluster.Name)]
public sealed class FlowConfigGrainTests(FlowConfigClusterFixture fixture)
{
    private IFlowConfigGrain Grain(string id) => fixture.Grains.GetGrain<IFlowConfigGrain>(id);

    [Fact]
    public async Task Create_then_update_counts_versions_and_records_who()
    {
        var id = SampleConfigs.NewId();
        var created = await Grain(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);
        var updated = await Grain(id).SaveAsync(SampleConfigs.Branch(id, closure: "true"), SaveCondition.None, "bob", AccessLevel.Full);

        Assert.Equal(SaveStatus.Created, created.Status);
        Assert.Equal(1, created.Config!.Version);
        Assert.Equal(SaveStatus.Updated, updated.Status);
        Assert.Equal(2, updated.Config!.Version);
        var stored = await Grain(id).GetAsync();
        Assert.Equal("true", stored!.Variables["closure"]);
        Assert.Equal("bob", stored.UpdatedBy);
        Assert.NotNull(stored.UpdatedAt);
    }

    [Fact]
    public async Task Stale_expected_version_stores_nothing()
    {
        var id = SampleConfigs.NewId();
        await Grain(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);
        await Grain(id).SaveAsync(SampleConfigs.Branch(id, closure: "true"), new SaveCondition(ExpectedVersion: 1), "alice", AccessLevel.Full);

        var stale = await Grain(id).SaveAsync(SampleConfigs.Branch(id, closure: "false"), new SaveCondition(ExpectedVersion: 1), "bob", AccessLevel.Full);

        Assert.Equal(SaveStatus.PreconditionFailed, stale.Status);
        Assert.Equal(2, stale.CurrentVersion);
        Assert.Equal("true", (await Grain(id).GetAsync())!.Variables["closure"]);
    }

    [Fact]
    public async Task Must_not_exist_and_must_exist_are_enforced()
    {
        var id = SampleConfigs.NewId();
        var missing = await Grain(id).SaveAsync(SampleConfigs.Branch(id), new SaveCondition(MustExist: true), "alice", AccessLevel.Full);
        await Grain(id).SaveAsync(SampleConfigs.Branch(id), new SaveCondition(MustNotExist: true), "alice", AccessLevel.Full);
        var exists = await Grain(id).SaveAsync(SampleConfigs.Branch(id), new SaveCondition(MustNotExist: true), "alice", AccessLevel.Full);

        Assert.Equal(SaveStatus.PreconditionFailed, missing.Status);
        Assert.Equal(SaveStatus.PreconditionFailed, exists.Status);
        Assert.Equal(1, (await Grain(id).GetAsync())!.Version);
    }

    [Fact]
    public async Task Concurrent_saves_expecting_the_same_version_let_exactly_one_win()
    {
        var id = SampleConfigs.NewId();
        await Grain(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Grain(id).SaveAsync(SampleConfigs.Branch(id, greeting: $"Hello {i}."), new SaveCondition(ExpectedVersion: 1), $"user{i}", AccessLevel.Full)));

        var winner = Assert.Single(outcomes, o => o.Status == SaveStatus.Updated);
        Assert.All(outcomes.Where(o => o != winner), o => Assert.Equal(SaveStatus.PreconditionFailed, o.Status));
        Assert.Equal(SampleConfigs.Json(winner.Config!), SampleConfigs.Json((await Grain(id).GetAsync())!));
    }

    [Fact]
    public async Task Edit_level_may_change_values_but_not_structure_or_create()
    {
        var id = SampleConfigs.NewId();
        var create = await Grain(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "ed", AccessLevel.Edit);
        Assert.Equal(SaveStatus.StructuralChangeForbidden, create.Status);
        Assert.Null(await Grain(id).GetAsync());

        await Grain(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);
        var valueChange = await Grain(id).SaveAsync(SampleConfigs.Branch(id, closure: "true"), SaveCondition.None, "ed", AccessLevel.Edit);
        var withNewVariable = SampleConfigs.Branch(id) with
        {
            Variables = new Dictionary<string, string> { ["closure"] = "false", ["priority"] = "medium", ["extra"] = "x" },
        };
        var structural = await Grain(id).SaveAsync(withNewVariable, SaveCondition.None, "ed", AccessLevel.Edit);

        Assert.Equal(SaveStatus.Updated, valueChange.Status);
        Assert.Equal(SaveStatus.StructuralChangeForbidden, structural.Status);
        Assert.Equal("variables.extra", structural.Forbidden!.Field);
        Assert.False((await Grain(id).GetAsync())!.Variables.ContainsKey("extra"));
    }

    [Fact]
    public async Task Resolve_serves_the_resolver_bytes_and_a_save_replaces_them()
    {
        var id = SampleConfigs.NewId();
        Assert.Null(await Grain(id).ResolveAsync("en-US", ContactChannel.Voice, ResolveDefaults.None));
        await Grain(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);

        var voice = await Grain(id).ResolveAsync("en-US", ContactChannel.Voice, ResolveDefaults.None);
        var again = await Grain(id).ResolveAsync("en-US", ContactChannel.Voice, ResolveDefaults.None);
        var text = await Grain(id).ResolveAsync("en-US", ContactChannel.Text, ResolveDefaults.None);

        var stored = (await Grain(id).GetAsync())!;
        Assert.Equal(ConfigResolver.ResolveUtf8(stored, "en-US", ContactChannel.Voice, null), voice!.Utf8Json);
        Assert.Equal(voice.Utf8Json, again!.Utf8Json);
        Assert.Equal("Hello!", Map(text!)["greeting"]);

        await Grain(id).SaveAsync(SampleConfigs.Branch(id, closure: "true", greeting: "<speak>Closed.</speak>"), SaveCondition.None, "alice", AccessLevel.Full);
        var after = Map((await Grain(id).ResolveAsync("en-US", ContactChannel.Voice, ResolveDefaults.None))!);
        Assert.Equal("true", after["closure"]);
        Assert.Equal("<speak>Closed.</speak>", after["greeting"]);
    }

    [Fact]
    public async Task Resolve_uses_the_fallback_locale_given()
    {
        var id = SampleConfigs.NewId();
        await Grain(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);

        var without = Map((await Grain(id).ResolveAsync("fr-CA", ContactChannel.Voice, ResolveDefaults.None))!);
        var with = Map((await Grain(id).ResolveAsync("fr-CA", ContactChannel.Voice, ResolveDefaults.None with { FallbackLocale = "en-US" }))!);

        Assert.False(without.ContainsKey("greeting"));
        Assert.Equal("<speak>Hello.</speak>", with["greeting"]);
    }

    [Fact]
    public async Task Delete_removes_the_config_and_versions_keep_counting_on_recreate()
    {
        var id = SampleConfigs.NewId();
        Assert.Equal(DeleteStatus.NotFound, (await Grain(id).DeleteAsync(SaveCondition.None, "alice")).Status);
        await Grain(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);

        Assert.Equal(DeleteStatus.PreconditionFailed, (await Grain(id).DeleteAsync(new SaveCondition(ExpectedVersion: 7), "alice")).Status);
        var deleted = await Grain(id).DeleteAsync(new SaveCondition(ExpectedVersion: 1), "alice");
        Assert.Equal(DeleteStatus.Deleted, deleted.Status);
        Assert.Null(await Grain(id).GetAsync());
        Assert.Null(await Grain(id).ResolveAsync("en-US", ContactChannel.Voice, ResolveDefaults.None));

        var recreated = await Grain(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);
        Assert.Equal(SaveStatus.Created, recreated.Status);
        Assert.Equal(3, recreated.Config!.Version);
    }

    [Fact]
    public async Task Directory_lists_saves_sorted_filters_by_prefix_and_drops_deletes()
    {
        var prefix = SampleConfigs.NewId("dir") + "/";
        var ids = new[] { prefix + "c", prefix + "a", prefix + "b" };
        foreach (var id in ids)
            await Grain(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);
        await Grain(prefix + "b").DeleteAsync(SaveCondition.None, "alice");

        var listed = (await fixture.Grains.GetGrain<IFlowConfigDirectoryGrain>(0).PageAsync(prefix, null, 100)).Value;

        Assert.Equal(new[] { prefix + "a", prefix + "c" }, listed.Select(s => s.Id));
        Assert.All(listed, s => Assert.Equal("alice", s.UpdatedBy));
    }

    [Fact]
    public async Task Directory_older_updates_never_replace_newer_ones()
    {
        var directory = fixture.Grains.GetGrain<IFlowConfigDirectoryGrain>(0);
        var id = SampleConfigs.NewId("order");
        await directory.ApplyAsync(id, 3, new FlowConfigSummary(id, "third", 3, null, "x"), []);
        await directory.ApplyAsync(id, 2, new FlowConfigSummary(id, "second", 2, null, "x"), []);
        await directory.ApplyAsync(id, 1, null, []);

        Assert.Equal("third", Assert.Single((await directory.PageAsync(id, null, 100)).Value).Description);
    }

    private static Dictionary<string, string> Map(ResolvedConfig resolved) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(resolved.Utf8Json)!;
}
