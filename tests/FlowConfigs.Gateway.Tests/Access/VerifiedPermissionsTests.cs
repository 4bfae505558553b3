using FlowConfigs.Grains.Tests.Storage;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.Access;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Access;

/// <summary>
/// The Verified Permissions decider against the official Cedar engine behind a loopback AVP endpoint: the whole
/// authorization matrix must agree with the in-process engine, and the wire requests are checked byte for byte.
/// </summary>
public sealed class VerifiedPermissionsTests(CedarEngine cedar, ITestOutputHelper output) : IClassFixture<CedarEngine>, IDisposable
{
    private const string SecretKey = DynaliteFixture.SecretKey;
    private readonly List<IDisposable> _providers = [];

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>The decider as the gateway registers it (named, signed, retrying HttpClient included), over the loopback AVP.</summary>
    private VerifiedPermissionsAccessDecider Decider(bool perId = false, int cacheSeconds = 30, TimeProvider? time = null) =>
        Services(perId, cacheSeconds, time).GetRequiredService<VerifiedPermissionsAccessDecider>();

    /// <summary>The client alone, to put requests to Cedar that the decider would never send.</summary>
    private VerifiedPermissionsClient Client() => Services(false, 0, null).GetRequiredService<VerifiedPermissionsClient>();

    private IServiceProvider Services(bool perId, int cacheSeconds, TimeProvider? time)
    {
        DynaliteFixture.UseTestCredentials();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FlowConfigs:Authorization:Provider"] = "VerifiedPermissions",
            ["FlowConfigs:Authorization:VerifiedPermissions:PolicyStoreId"] = CedarEngine.PolicyStoreId,
            ["FlowConfigs:Authorization:VerifiedPermissions:ServiceUrl"] = cedar.Endpoint.Url,
            ["FlowConfigs:Authorization:VerifiedPermissions:Region"] = "eu-central-1",
            ["FlowConfigs:Authorization:VerifiedPermissions:DecidePerId"] = perId.ToString(),
            ["FlowConfigs:Authorization:VerifiedPermissions:DecisionCacheSeconds"] = cacheSeconds.ToString(),
        });
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.AddAccess();
        var provider = builder.Build().Services;
        _providers.Add((IDisposable)provider);
        return provider;
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
            provider.Dispose();
    }

    private int BatchCalls() => cedar.Endpoint.Requests.Count(r => r.Headers.GetValueOrDefault("x-amz-target") == "VerifiedPermissions.BatchIsAuthorized");

    private static readonly string[][] GroupSets =
    [
        [], [Principal.AdminGroup], [Principal.EditGroup], [Principal.ReadGroup], [Principal.EditGroup, Principal.ReadGroup],
        [Principal.ReadGroup, "Supervisors"], ["flowconfigadmin"], ["Supervisors"],
    ];

    private static readonly (string? Full, string? Edit, string? Read)[] TagSets =
    [
        (null, null, null), ("*", null, null), ("branch-*", null, null), (null, "branch-*", "*"), (null, null, "queue/*"),
        ("branch-office-austin", null, null), (null, "*-austin", null), ("**", null, null), (null, null, "b*n*"),
        ("queue/*,branch-*", "*", null), ("café*", "a?b", "queue/sales/*"), ("*-dallas", "branch-*", "branch-office-*"),
        (null, "*", "*"), ("branch-office-austin*", null, "*austin"),
    ];

    private static readonly string[] Ids =
    [
        "branch-office-austin", "branch-office-dallas", "branch-office-austin-2", "branch", "branch-", "queue/support",
        "queue/sales/emea", "queue/sales", "queues", "austin", "x-austin", "b", "bn", "bean", "café-paris", "cafe-paris",
        "a?b", "ab", "main-menu", "after-hours/holiday", "Branch-office-austin", "queue/sales/emea/2026", "dallas",
        "office-dallas", "-austin",
    ];

    private static IEnumerable<Principal> Principals()
    {
        string[] names = ["alice", "o'brien", "名前", "quote\"user", "bob smith"];
        var n = 0;
        foreach (var groups in GroupSets)
            foreach (var (full, edit, read) in TagSets)
                yield return Principal.FromClaims(names[n++ % names.Length], groups, full, edit, read);
    }

    /// <summary>
    /// Draft authors to ask about, rotated over the ids: none, the caller alone, the caller second, others only, and
    /// the caller's name upper-cased and with a trailing space (authors compare ordinally; upper-casing leaves a name
    /// without case, such as 名前, the caller's own).
    /// </summary>
    private static string[][] AuthorLists(Principal principal) =>
        [[], [principal.Username], ["carol", principal.Username], ["carol", "dave"], [principal.Username.ToUpperInvariant(), principal.Username + " "]];

    private static IEnumerable<(Principal P, string Id, string[] Authors)> Approvals(Principal principal, int principalIndex)
    {
        var lists = AuthorLists(principal);
        for (var i = 0; i < Ids.Length; i++)
            yield return (principal, Ids[i], lists[(i + principalIndex) % lists.Length]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_decision_of_the_matrix_agrees_with_the_in_process_engine(bool perId)
    {
        var decider = Decider(perId, cacheSeconds: perId ? 0 : 30);
        var local = new LocalAccessDecider();
        var callsBefore = BatchCalls();
        int compared = 0, approvals = 0;
        var disagreements = new List<string>();
        foreach (var (principal, index) in Principals().Select((p, i) => (p, i)))
        {
            var expected = await local.LevelsAsync(principal, Ids);
            var actual = await decider.LevelsAsync(principal, Ids);
            for (var i = 0; i < Ids.Length; i++, compared++)
                if (expected[i] != actual[i])
                    disagreements.Add($"{principal} on {Ids[i]}: local {expected[i]}, Cedar {actual[i]}");
            // One at a time too: the single-id path must give the same answer as the list.
            var single = await decider.LevelAsync(principal, Ids[compared % Ids.Length]);
            if (single != expected[compared % Ids.Length]) disagreements.Add($"{principal} single {Ids[compared % Ids.Length]}: {single}");
            if (await local.CanManageSettingsAsync(principal) != await decider.CanManageSettingsAsync(principal))
                disagreements.Add($"{principal} on settings");
            if (await local.CanManageCalendarsAsync(principal) != await decider.CanManageCalendarsAsync(principal))
                disagreements.Add($"{principal} on calendars");
            if (await local.CanViewAuditAsync(principal) != await decider.CanViewAuditAsync(principal))
                disagreements.Add($"{principal} on the audit log");
            if (await local.CanViewOperationsAsync(principal) != await decider.CanViewOperationsAsync(principal))
                disagreements.Add($"{principal} on the cluster view");
            compared += 4;
            foreach (var (_, id, authors) in Approvals(principal, index))
            {
                var may = await local.CanApproveAsync(principal, id, authors);
                if (may != await decider.CanApproveAsync(principal, id, authors))
                    disagreements.Add($"{principal} approving {id} by [{string.Join(", ", authors)}]: local {may}");
                approvals++;
            }
        }
        compared += approvals;
        output.WriteLine($"{compared} decisions compared, {approvals} of them approvals ({(perId ? "per id" : "per matching-pattern class")}), {BatchCalls() - callsBefore} BatchIsAuthorized calls, {disagreements.Count} disagreements.");
        Assert.Empty(disagreements);
        Assert.True(compared > 5000);
    }

    [Fact]
    public async Task The_matrix_exercises_every_level()
    {
        var levels = Principals().SelectMany(p => Ids.Select(id => AccessPolicy.LevelFor(p, id))).ToHashSet();
        Assert.Equal([AccessLevel.None, AccessLevel.Read, AccessLevel.Edit, AccessLevel.Full], levels.Order());
        Assert.Contains(Principals(), p => AccessPolicy.CanManageSettings(p));
        Assert.Contains(Principals(), p => !AccessPolicy.CanManageSettings(p));
        Assert.Contains(Principals(), p => AccessPolicy.CanManageCalendars(p) && !p.Groups.Contains(Principal.AdminGroup));
        Assert.Contains(Principals(), p => !AccessPolicy.CanManageCalendars(p) && p.FullPatterns.Count > 0);
        Assert.Contains(Principals(), p => AccessPolicy.CanViewAudit(p) && !p.Groups.Contains(Principal.AdminGroup));
        Assert.Contains(Principals(), p => !AccessPolicy.CanViewAudit(p) && p.FullPatterns.Count > 0);
        Assert.Contains(Principals(), p => AccessPolicy.CanViewOperations(p) && !p.Groups.Contains(Principal.AdminGroup));
        Assert.Contains(Principals(), p => AccessPolicy.CanViewOperations(p) && p.Groups.Contains(Principal.AdminGroup) && p.FullPatterns.Count == 0);
        Assert.Contains(Principals(), p => !AccessPolicy.CanViewOperations(p) && p.FullPatterns.Count > 0);

        // Approvals: allowed by the group and by a pattern, and refused to Full callers for each way of being an author.
        var approvals = Principals().SelectMany((p, i) => Approvals(p, i)).ToArray();
        bool Full((Principal P, string Id, string[] Authors) a) => AccessPolicy.LevelFor(a.P, a.Id) == AccessLevel.Full;
        Assert.Contains(approvals, a => AccessPolicy.CanApprove(a.P, a.Id, a.Authors) && a.P.Groups.Contains(Principal.AdminGroup));
        Assert.Contains(approvals, a => AccessPolicy.CanApprove(a.P, a.Id, a.Authors) && !a.P.Groups.Contains(Principal.AdminGroup));
        Assert.Contains(approvals, a => Full(a) && a.Authors.Length == 1 && a.Authors[0] == a.P.Username && !AccessPolicy.CanApprove(a.P, a.Id, a.Authors));
        Assert.Contains(approvals, a => Full(a) && a.Authors.Length == 2 && a.Authors[1] == a.P.Username && !AccessPolicy.CanApprove(a.P, a.Id, a.Authors));
        Assert.Contains(approvals, a => Full(a) && a.Authors.Length == 0 && AccessPolicy.CanApprove(a.P, a.Id, a.Authors));
        Assert.Contains(approvals, a => Full(a) && a.Authors.Contains(a.P.Username + " ") && AccessPolicy.CanApprove(a.P, a.Id, a.Authors));
        Assert.Contains(approvals, a => AccessPolicy.LevelFor(a.P, a.Id) == AccessLevel.Edit && !a.Authors.Contains(a.P.Username));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_request_is_signed_awsJson_with_the_exact_body()
    {
        var decider = Decider(cacheSeconds: 0);
        var principal = Principal.FromClaims("alice", [Principal.ReadGroup], "branch-*", null, "queue/*,*-austin");
        var before = cedar.Endpoint.Requests.Count;

        Assert.Equal(AccessLevel.Full, await decider.LevelAsync(principal, "branch-office-austin"));

        var sent = Assert.Single(cedar.Endpoint.Requests.Skip(before));
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/", sent.Path);
        Assert.Equal("application/x-amz-json-1.0", sent.Headers["content-type"]);
        Assert.Equal("VerifiedPermissions.BatchIsAuthorized", sent.Headers["x-amz-target"]);
        var signature = SigV4.Verify(sent, SecretKey, "eu-central-1", "verifiedpermissions");
        Assert.Contains("x-amz-target", signature.SignedHeaders);

        static string Request(string action) =>
            $$$$"""{"principal":{"entityType":"FlowConfigs::User","entityId":"alice"},"action":{"actionType":"FlowConfigs::Action","actionId":"{{{{action}}}}"},"resource":{"entityType":"FlowConfigs::FlowConfig","entityId":"branch-office-austin"},"context":{"contextMap":{}}}""";
        Assert.Equal(
            "{\"policyStoreId\":\"" + CedarEngine.PolicyStoreId + "\",\"entities\":{\"entityList\":[" +
            """{"identifier":{"entityType":"FlowConfigs::User","entityId":"alice"},"attributes":{"fullTags":{"set":[{"string":"branch-*"}]},"editTags":{"set":[]},"readTags":{"set":[{"string":"queue/*"},{"string":"*-austin"}]}},"parents":[{"entityType":"FlowConfigs::Group","entityId":"FlowConfigRead"}]},""" +
            """{"identifier":{"entityType":"FlowConfigs::FlowConfig","entityId":"branch-office-austin"},"attributes":{"matchingTags":{"set":[{"string":"*-austin"},{"string":"branch-*"}]}}}""" +
            "]},\"requests\":[" + Request("ReadConfig") + "," + Request("EditConfig") + "," + Request("ManageConfig") + "]}",
            sent.BodyText);
    }

    [Fact]
    public async Task Managing_calendars_is_one_ManageCalendars_request_on_the_calendars_resource_with_the_patterns_matching_everything()
    {
        var decider = Decider(cacheSeconds: 0);
        var principal = Principal.FromClaims("tina", ["Supervisors"], "*,branch-*", null, "queue/*");
        var before = cedar.Endpoint.Requests.Count;

        Assert.True(await decider.CanManageCalendarsAsync(principal));
        Assert.False(await decider.CanManageCalendarsAsync(Principal.FromClaims("fran", [], "branch-*", null, null)));

        var sent = cedar.Endpoint.Requests.Skip(before).First();
        Assert.Equal("VerifiedPermissions.BatchIsAuthorized", sent.Headers["x-amz-target"]);
        SigV4.Verify(sent, SecretKey, "eu-central-1", "verifiedpermissions");
        Assert.Equal(
            "{\"policyStoreId\":\"" + CedarEngine.PolicyStoreId + "\",\"entities\":{\"entityList\":[" +
            """{"identifier":{"entityType":"FlowConfigs::User","entityId":"tina"},"attributes":{"fullTags":{"set":[{"string":"*"},{"string":"branch-*"}]},"editTags":{"set":[]},"readTags":{"set":[{"string":"queue/*"}]}},"parents":[{"entityType":"FlowConfigs::Group","entityId":"Supervisors"}]},""" +
            """{"identifier":{"entityType":"FlowConfigs::Calendar","entityId":"calendars"},"attributes":{"matchingTags":{"set":[{"string":"*"}]}}}""" +
            "]},\"requests\":[" +
            """{"principal":{"entityType":"FlowConfigs::User","entityId":"tina"},"action":{"actionType":"FlowConfigs::Action","actionId":"ManageCalendars"},"resource":{"entityType":"FlowConfigs::Calendar","entityId":"calendars"},"context":{"contextMap":{}}}""" +
            "]}",
            sent.BodyText);
    }

    [Fact]
    public async Task Approving_is_one_ApproveDraft_request_on_the_config_carrying_its_authors_as_user_references()
    {
        var decider = Decider(cacheSeconds: 0);
        var tess = Principal.FromClaims("tess", [Principal.EditGroup], "queue/*", null, "*");
        var before = cedar.Endpoint.Requests.Count;

        Assert.True(await decider.CanApproveAsync(tess, "queue/sales", ["bob", "carol", "bob"]));

        var sent = Assert.Single(cedar.Endpoint.Requests.Skip(before));
        Assert.Equal("VerifiedPermissions.BatchIsAuthorized", sent.Headers["x-amz-target"]);
        SigV4.Verify(sent, SecretKey, "eu-central-1", "verifiedpermissions");
        Assert.Equal(
            "{\"policyStoreId\":\"" + CedarEngine.PolicyStoreId + "\",\"entities\":{\"entityList\":[" +
            """{"identifier":{"entityType":"FlowConfigs::User","entityId":"tess"},"attributes":{"fullTags":{"set":[{"string":"queue/*"}]},"editTags":{"set":[]},"readTags":{"set":[{"string":"*"}]}},"parents":[{"entityType":"FlowConfigs::Group","entityId":"FlowConfigEdit"}]},""" +
            """{"identifier":{"entityType":"FlowConfigs::FlowConfig","entityId":"queue/sales"},"attributes":{"matchingTags":{"set":[{"string":"*"},{"string":"queue/*"}]},""" +
            "\"draftAuthors\":" + """{"set":[{"entityIdentifier":{"entityType":"FlowConfigs::User","entityId":"bob"}},{"entityIdentifier":{"entityType":"FlowConfigs::User","entityId":"carol"}}]}}}""" +
            "]},\"requests\":[" +
            """{"principal":{"entityType":"FlowConfigs::User","entityId":"tess"},"action":{"actionType":"FlowConfigs::Action","actionId":"ApproveDraft"},"resource":{"entityType":"FlowConfigs::FlowConfig","entityId":"queue/sales"},"context":{"contextMap":{}}}""" +
            "]}",
            sent.BodyText);

        // The same Full caller, now an author (second in the list): Cedar's forbid decides, not the gateway.
        before = cedar.Endpoint.Requests.Count;
        Assert.False(await decider.CanApproveAsync(tess, "queue/sales", ["ada", "tess"]));
        var refused = Assert.Single(cedar.Endpoint.Requests.Skip(before));
        Assert.Contains("\"draftAuthors\":" + """{"set":[{"entityIdentifier":{"entityType":"FlowConfigs::User","entityId":"ada"}},{"entityIdentifier":{"entityType":"FlowConfigs::User","entityId":"tess"}}]}""", refused.BodyText);
        Assert.False(await decider.CanApproveAsync(tess, "branch-office-austin", []));
    }

    [Fact]
    public async Task Cedar_refuses_ApproveDraft_when_the_authors_are_missing_from_the_request()
    {
        // Fail closed: were the gateway to forget the list, an author must not slip through.
        var admin = Principal.FromClaims("ada", [Principal.AdminGroup], null, null, null);
        var entities = new JsonArray(CedarModel.User(admin), CedarModel.Resource("FlowConfig", "main-menu", []));
        var requests = new JsonArray(CedarModel.Request(admin, CedarModel.ApproveDraft, "FlowConfig", "main-menu"),
            CedarModel.Request(admin, CedarModel.ManageConfig, "FlowConfig", "main-menu"));
        var results = await Client().BatchIsAuthorizedAsync(entities, requests, CancellationToken.None);
        Assert.Equal(["DENY", "ALLOW"], results.Select(r => r!["decision"]!.GetValue<string>()));
        Assert.Equal("09-approver-not-author.cedar", results[0]!["determiningPolicies"]![0]!["policyId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Viewing_the_audit_log_is_one_ViewAudit_request_on_the_audit_resource_with_the_patterns_matching_everything()
    {
        var decider = Decider(cacheSeconds: 0);
        var tina = Principal.FromClaims("tina", [Principal.ReadGroup], "*,branch-*", null, null);
        var before = cedar.Endpoint.Requests.Count;

        Assert.True(await decider.CanViewAuditAsync(tina));
        Assert.False(await decider.CanViewAuditAsync(Principal.FromClaims("fran", [Principal.EditGroup], "branch-*", "*", null)));

        var sent = cedar.Endpoint.Requests.Skip(before).First();
        Assert.Equal("VerifiedPermissions.BatchIsAuthorized", sent.Headers["x-amz-target"]);
        SigV4.Verify(sent, SecretKey, "eu-central-1", "verifiedpermissions");
        Assert.Equal(
            "{\"policyStoreId\":\"" + CedarEngine.PolicyStoreId + "\",\"entities\":{\"entityList\":[" +
            """{"identifier":{"entityType":"FlowConfigs::User","entityId":"tina"},"attributes":{"fullTags":{"set":[{"string":"*"},{"string":"branch-*"}]},"editTags":{"set":[]},"readTags":{"set":[]}},"parents":[{"entityType":"FlowConfigs::Group","entityId":"FlowConfigRead"}]},""" +
            """{"identifier":{"entityType":"FlowConfigs::Audit","entityId":"audit"},"attributes":{"matchingTags":{"set":[{"string":"*"}]}}}""" +
            "]},\"requests\":[" +
            """{"principal":{"entityType":"FlowConfigs::User","entityId":"tina"},"action":{"actionType":"FlowConfigs::Action","actionId":"ViewAudit"},"resource":{"entityType":"FlowConfigs::Audit","entityId":"audit"},"context":{"contextMap":{}}}""" +
            "]}",
            sent.BodyText);
    }

    [Fact]
    public async Task The_cluster_view_is_granted_by_the_admin_group_and_by_its_own_full_on_star_policy_only()
    {
        var admin = Principal.FromClaims("ada", [Principal.AdminGroup], null, null, null);
        var tina = Principal.FromClaims("tina", [Principal.ReadGroup], "queue/*,*", null, null);
        var fran = Principal.FromClaims("fran", [Principal.EditGroup], "queue/*", "*", "*");
        var entities = new JsonArray(CedarModel.User(admin), CedarModel.User(tina), CedarModel.User(fran),
            CedarModel.Resource("Operations", CedarModel.OperationsId, ["*"]));
        var requests = new JsonArray(
            CedarModel.Request(admin, CedarModel.ViewOperations, "Operations", CedarModel.OperationsId),
            CedarModel.Request(tina, CedarModel.ViewOperations, "Operations", CedarModel.OperationsId),
            CedarModel.Request(fran, CedarModel.ViewOperations, "Operations", CedarModel.OperationsId));
        var results = await Client().BatchIsAuthorizedAsync(entities, requests, CancellationToken.None);

        Assert.Equal(["ALLOW", "ALLOW", "DENY"], results.Select(r => r!["decision"]!.GetValue<string>()));
        string[] Determining(int i) => [.. results[i]!["determiningPolicies"]!.AsArray().Select(p => p!["policyId"]!.GetValue<string>())];
        Assert.Equal(["01-admin-group.cedar"], Determining(0));
        // Fran has Edit and Read on "*" but Full only on queue/*: no policy grants her the view.
        Assert.Equal(["11-operations-full-tags.cedar"], Determining(1));
        Assert.Empty(Determining(2));
    }

    [Fact]
    public async Task A_list_is_asked_in_batches_of_30_per_id_and_once_per_pattern_class()
    {
        var ids = Enumerable.Range(0, 25).Select(i => $"branch-{i:D2}").ToArray();
        var tagUser = Principal.FromClaims("tina", [], null, "branch-1*", "branch-*");

        var before = cedar.Endpoint.Requests.Count;
        var perId = await Decider(perId: true, cacheSeconds: 0).LevelsAsync(tagUser, ids);
        var batches = cedar.Endpoint.Requests.Skip(before).Select(r => JsonNode.Parse(r.Body)!["requests"]!.AsArray().Count).ToArray();
        Assert.Equal([15, 30, 30], batches.Order());
        Assert.Equal(10, perId.Count(l => l == AccessLevel.Edit));
        Assert.Equal(15, perId.Count(l => l == AccessLevel.Read));

        // Two classes (matching branch-1* and branch-*, or branch-* alone): one call of six requests.
        before = cedar.Endpoint.Requests.Count;
        Assert.Equal(perId, await Decider().LevelsAsync(tagUser, ids));
        Assert.Equal([6], cedar.Endpoint.Requests.Skip(before).Select(r => JsonNode.Parse(r.Body)!["requests"]!.AsArray().Count));
    }

    [Fact]
    public async Task Decisions_are_cached_for_the_configured_time()
    {
        var clock = new ManualClock();
        var decider = Decider(cacheSeconds: 30, time: clock);
        var admin = Principal.FromClaims("ada", [Principal.AdminGroup], null, null, null);
        var before = BatchCalls();
        for (var i = 0; i < 3; i++)
            Assert.Equal(AccessLevel.Full, await decider.LevelAsync(admin, "main-menu"));
        Assert.Equal(before + 1, BatchCalls());

        clock.Now += TimeSpan.FromSeconds(31);
        Assert.Equal(AccessLevel.Full, await decider.LevelAsync(admin, "main-menu"));
        Assert.Equal(before + 2, BatchCalls());
    }

    [Fact]
    public async Task Throttling_is_retried_and_a_refusal_is_unavailable_never_allowed()
    {
        var decider = Decider(cacheSeconds: 0);
        var admin = Principal.FromClaims("ada", [Principal.AdminGroup], null, null, null);
        var throttled = 0;
        cedar.Override = _ => throttled++ < 2 ? LoopbackAwsEndpoint.Reply.Json("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", 429) : null;
        try
        {
            Assert.Equal(AccessLevel.Full, await decider.LevelAsync(admin, "main-menu"));
            Assert.Equal(3, throttled);

            cedar.Override = _ => LoopbackAwsEndpoint.Reply.Json(
                """{"__type":"com.amazon.coral.service#AccessDeniedException","message":"User is not authorized to perform: verifiedpermissions:IsAuthorized"}""", 400);
            var error = await Assert.ThrowsAsync<AuthorizationUnavailableException>(() => decider.LevelAsync(admin, "main-menu").AsTask());
            Assert.Equal("Verified Permissions refused the request (AccessDeniedException): User is not authorized to perform: verifiedpermissions:IsAuthorized", error.Message);

            cedar.Override = _ => LoopbackAwsEndpoint.Reply.Json("""{"message":"internal"}""", 500);
            await Assert.ThrowsAsync<AuthorizationUnavailableException>(() => decider.CanManageSettingsAsync(admin).AsTask());
        }
        finally
        {
            cedar.Override = null;
        }
    }
}
