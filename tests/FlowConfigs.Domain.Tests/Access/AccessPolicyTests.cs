using FlowConfigs.Domain.Access;

namespace FlowConfigs.Domain.Tests.Access;

public sealed class AccessPolicyTests
{
    private static Principal P(string[] groups, string? full = null, string? edit = null, string? read = null) =>
        Principal.FromClaims("u", groups, full, edit, read);

    [Theory]
    [InlineData("FlowConfigAdmin", AccessLevel.Full)]
    [InlineData("FlowConfigEdit", AccessLevel.Edit)]
    [InlineData("FlowConfigRead", AccessLevel.Read)]
    [InlineData("flowconfigadmin", AccessLevel.None)]
    [InlineData("Other", AccessLevel.None)]
    public void Groups_grant_their_level_on_every_id(string group, AccessLevel level)
    {
        Assert.Equal(level, AccessPolicy.LevelFor(P([group]), "anything"));
        Assert.Equal(level, AccessPolicy.LevelFor(P([group]), "+18005551234"));
    }

    [Fact]
    public void The_highest_grant_wins()
    {
        var principal = P(["FlowConfigRead"], full: "team-a/*", edit: "team-*");
        Assert.Equal(AccessLevel.Full, AccessPolicy.LevelFor(principal, "team-a/x"));
        Assert.Equal(AccessLevel.Edit, AccessPolicy.LevelFor(principal, "team-b/x"));
        Assert.Equal(AccessLevel.Read, AccessPolicy.LevelFor(principal, "other"));
        Assert.Equal(AccessLevel.Full, AccessPolicy.LevelFor(P(["FlowConfigAdmin"], read: "x"), "x"));
    }

    [Fact]
    public void Tags_alone_grant_only_what_they_match()
    {
        var principal = P([], read: "queue/*, +1800*");
        Assert.Equal(AccessLevel.Read, AccessPolicy.LevelFor(principal, "queue/support"));
        Assert.Equal(AccessLevel.Read, AccessPolicy.LevelFor(principal, "+18005551234"));
        Assert.Equal(AccessLevel.None, AccessPolicy.LevelFor(principal, "branch-office-austin"));
    }

    [Fact]
    public void Settings_need_full_on_star()
    {
        Assert.True(AccessPolicy.CanManageSettings(P(["FlowConfigAdmin"])));
        Assert.True(AccessPolicy.CanManageSettings(P([], full: "*")));
        Assert.False(AccessPolicy.CanManageSettings(P([], full: "team-*")));
        Assert.False(AccessPolicy.CanManageSettings(P(["FlowConfigEdit"], edit: "*")));
    }

    [Theory]
    [InlineData(new[] { "FlowConfigAdmin" }, null, null, true)]
    [InlineData(new string[0], "*", null, true)]
    [InlineData(new string[0], "team-*,*", null, true)]
    [InlineData(new string[0], "team-*", null, false)]
    [InlineData(new[] { "FlowConfigEdit" }, null, "*", false)]
    [InlineData(new[] { "FlowConfigRead" }, null, null, false)]
    public void Calendars_need_full_on_star_as_they_reach_every_config(string[] groups, string? full, string? edit, bool may) =>
        Assert.Equal(may, AccessPolicy.CanManageCalendars(P(groups, full: full, edit: edit)));

    [Fact]
    public void An_admin_who_wrote_the_draft_may_not_approve_it()
    {
        var ada = Principal.FromClaims("ada", ["FlowConfigAdmin"], null, null, null);
        Assert.False(AccessPolicy.CanApprove(ada, "main-menu", ["ada"]));
        Assert.True(AccessPolicy.CanApprove(ada, "main-menu", ["bob"]));
        Assert.True(AccessPolicy.CanApprove(ada, "main-menu", []));
    }

    [Fact]
    public void Any_author_may_not_approve_not_only_the_first()
    {
        var bob = Principal.FromClaims("bob", ["FlowConfigAdmin"], null, null, null);
        Assert.False(AccessPolicy.CanApprove(bob, "main-menu", ["ada", "bob"]));
        Assert.False(AccessPolicy.CanApprove(bob, "main-menu", ["ada", "carol", "bob"]));
    }

    [Fact]
    public void Authors_are_compared_ordinally()
    {
        var bob = Principal.FromClaims("bob", [], "*", null, null);
        Assert.True(AccessPolicy.CanApprove(bob, "main-menu", ["Bob", "bob "]));
        Assert.False(AccessPolicy.CanApprove(bob, "main-menu", ["Bob", "bob"]));
    }

    [Fact]
    public void A_full_pattern_that_matches_the_id_lets_a_non_author_approve()
    {
        var tess = Principal.FromClaims("tess", ["FlowConfigRead"], "queue/*", "*", null);
        Assert.True(AccessPolicy.CanApprove(tess, "queue/sales", ["ada"]));
        Assert.False(AccessPolicy.CanApprove(tess, "branch-office-austin", ["ada"]));
        Assert.False(AccessPolicy.CanApprove(tess, "queue/sales", ["ada", "tess"]));
    }

    [Theory]
    [InlineData(new[] { "FlowConfigEdit" }, null)]
    [InlineData(new string[0], "*")]
    [InlineData(new[] { "FlowConfigRead" }, "main-*")]
    public void Edit_is_not_enough_to_approve(string[] groups, string? edit) =>
        Assert.False(AccessPolicy.CanApprove(Principal.FromClaims("eve", groups, null, edit, null), "main-menu", ["ada"]));

    [Theory]
    [InlineData(new[] { "FlowConfigAdmin" }, null, null, true)]
    [InlineData(new string[0], "*", null, true)]
    [InlineData(new string[0], "queue/*,*", null, true)]
    [InlineData(new string[0], "queue/*", null, false)]
    [InlineData(new[] { "FlowConfigEdit" }, null, "*", false)]
    [InlineData(new[] { "FlowConfigRead" }, null, null, false)]
    public void The_audit_log_needs_full_on_star(string[] groups, string? full, string? edit, bool may) =>
        Assert.Equal(may, AccessPolicy.CanViewAudit(P(groups, full: full, edit: edit)));

    [Theory]
    [InlineData(new[] { "FlowConfigAdmin" }, null, null, true)]
    [InlineData(new string[0], "*", null, true)]
    [InlineData(new string[0], "**", null, true)]
    [InlineData(new string[0], "queue/*", null, false)]
    [InlineData(new[] { "FlowConfigEdit" }, null, "*", false)]
    [InlineData(new[] { "FlowConfigRead" }, null, null, false)]
    public void The_cluster_view_needs_full_on_star(string[] groups, string? full, string? edit, bool may) =>
        Assert.Equal(may, AccessPolicy.CanViewOperations(P(groups, full: full, edit: edit)));

    [Fact]
    public void Create_needs_some_full_grant()
    {
        Assert.True(AccessPolicy.CanCreateConfigs(P([], full: "team-a/*")));
        Assert.False(AccessPolicy.CanCreateConfigs(P(["FlowConfigEdit"], edit: "*")));
    }

    [Fact]
    public void Any_access_means_any_grant()
    {
        Assert.True(AccessPolicy.HasAnyAccess(P([], read: "x")));
        Assert.True(AccessPolicy.HasAnyAccess(P(["FlowConfigRead"])));
        Assert.False(AccessPolicy.HasAnyAccess(P(["Agents"])));
        Assert.False(AccessPolicy.HasAnyAccess(P([], full: " , ")));
    }

    [Fact]
    public void Claims_are_split_trimmed_and_deduplicated()
    {
        var principal = Principal.FromClaims("u", ["FlowConfigRead, FlowConfigEdit", "FlowConfigRead", " "], " a* ,, b ", null, "");
        Assert.Equal(["FlowConfigRead", "FlowConfigEdit"], principal.Groups);
        Assert.Equal(["a*", "b"], principal.FullPatterns);
        Assert.Empty(principal.EditPatterns);
        Assert.Empty(principal.ReadPatterns);
    }
}
