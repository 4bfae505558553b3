using FlowConfigs.Domain.Access;

namespace FlowConfigs.Domain.ChangeControl;

/// <summary>Configs whose id matches <see cref="Pattern"/> go live only with <see cref="Approvers"/> approvals.</summary>
public sealed record ApprovalRule(string Pattern, int Approvers)
{
    public const int MaxApprovers = 5;
    public const int MaxRules = 100;

    /// <summary>How many approvals a change to <paramref name="id"/> needs: the first matching rule's count, else 0.</summary>
    public static int Required(IReadOnlyList<ApprovalRule>? rules, string id)
    {
        foreach (var rule in rules ?? [])
            if (IdPattern.Matches(rule.Pattern, id))
                return rule.Approvers;
        return 0;
    }
}
