using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Tests.ChangeControl;

public sealed class DraftReviewTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static FlowConfig Config(string closure = "false") => new()
    {
        Id = "queue/sales",
        Description = "Sales",
        Variables = new Dictionary<string, string> { ["closure"] = closure },
        Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>(),
    };

    private static ConfigDraft Submitted(params string[] authors)
    {
        var draft = DraftReview.Start("queue/sales", Config("true"), 3, authors[0], At);
        foreach (var author in authors.Skip(1))
            draft = DraftReview.Edit(draft, Config("true"), author, At);
        return DraftReview.Submit(draft, authors[0], "please", At).Draft!;
    }

    [Fact]
    public void Every_author_is_refused_as_approver_and_someone_else_approves()
    {
        var draft = Submitted("alice", "carol");
        Assert.Equal(DraftRefusal.ApproverIsAuthor, DraftReview.Approve(draft, "alice", null, 1, At).Refusal);
        Assert.Equal(DraftRefusal.ApproverIsAuthor, DraftReview.Approve(draft, "carol", null, 1, At).Refusal);
        // Names are compared exactly: another spelling is another person to the rule (identity decides who is who).
        var approved = DraftReview.Approve(draft, "dave", "ok", 1, At).Draft!;
        Assert.Equal((DraftState.Approved, "dave"), (approved.State, approved.Approvals.Single().By));
        Assert.Equal(("approve", "ok"), (approved.Comments[^1].Action, approved.Comments[^1].Text));
    }

    [Fact]
    public void Two_approvals_are_two_people_and_an_edit_sends_the_draft_back()
    {
        var draft = Submitted("alice");
        var one = DraftReview.Approve(draft, "dave", null, 2, At).Draft!;
        Assert.Equal(DraftState.Submitted, one.State);
        Assert.Equal(DraftRefusal.AlreadyApproved, DraftReview.Approve(one, "dave", null, 2, At).Refusal);
        var two = DraftReview.Approve(one, "erin", null, 2, At).Draft!;
        Assert.Equal(DraftState.Approved, two.State);

        var edited = DraftReview.Edit(two with { PublishAt = At.AddDays(1) }, Config("false"), "alice", At);
        Assert.Equal((DraftState.Draft, 0, (DateTimeOffset?)null), (edited.State, edited.Approvals.Count, edited.PublishAt));
        Assert.Equal(DraftRefusal.NotAllowedInState, DraftReview.Approve(edited, "dave", null, 2, At).Refusal);
    }

    [Fact]
    public void A_rejection_needs_a_comment_and_can_be_resubmitted()
    {
        var draft = Submitted("alice");
        Assert.Equal(DraftRefusal.CommentRequired, DraftReview.Reject(draft, "dave", " ", At).Refusal);
        var rejected = DraftReview.Reject(draft, "dave", "Missing Spanish", At).Draft!;
        Assert.Equal(DraftState.Rejected, rejected.State);
        Assert.Equal(DraftState.Submitted, DraftReview.Submit(rejected, "alice", null, At).Draft!.State);
    }

    [Theory]
    [InlineData(0, "draft", 0, 3, DraftRefusal.None)]
    [InlineData(1, "draft", 0, 3, DraftRefusal.NotApproved)]
    [InlineData(1, "approved", 1, 3, DraftRefusal.None)]
    [InlineData(2, "approved", 1, 3, DraftRefusal.NotApproved)]
    [InlineData(1, "approved", 1, 4, DraftRefusal.OutOfDate)]
    [InlineData(0, "draft", 0, 0, DraftRefusal.OutOfDate)]
    public void Publishable_only_with_the_approvals_the_rule_asks_for_now_and_on_the_live_version_it_started_from(
        int required, string state, int approvals, long live, DraftRefusal refusal)
    {
        var draft = DraftReview.Start("queue/sales", Config(), 3, "alice", At) with
        {
            State = Enum.Parse<DraftState>(state, ignoreCase: true),
            Approvals = [.. Enumerable.Range(0, approvals).Select(i => new DraftApproval($"approver{i}", At))],
        };
        Assert.Equal(refusal, DraftReview.CheckPublishable(draft, required, live).Refusal);
    }

    [Fact]
    public void The_first_matching_rule_decides_how_many_approvals_an_id_needs()
    {
        ApprovalRule[] rules = [new("queue/vip*", 2), new("queue/*", 1)];
        Assert.Equal(2, ApprovalRule.Required(rules, "queue/vip-gold"));
        Assert.Equal(1, ApprovalRule.Required(rules, "queue/sales"));
        Assert.Equal(0, ApprovalRule.Required(rules, "branch/austin"));
        Assert.Equal(0, ApprovalRule.Required(null, "queue/sales"));
    }
}
