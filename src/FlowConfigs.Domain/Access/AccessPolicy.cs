namespace FlowConfigs.Domain.Access;

/// <summary>DESIGN.md's "Who may do what": the effective level on an id is the highest grant from groups and tags.</summary>
public static class AccessPolicy
{
    public static AccessLevel LevelFor(Principal principal, string id) => throw new NotImplementedException();

    /// <summary>Settings need Full on <c>*</c>: the admin group, or a Full tag pattern that matches the literal id "*".</summary>
    public static bool CanManageSettings(Principal principal) => throw new NotImplementedException();

    /// <summary>Whether any Full grant exists (admin group or any Full pattern), so the UI may offer "Create".</summary>
    public static bool CanCreateConfigs(Principal principal) => throw new NotImplementedException();

    /// <summary>Whether the principal has any grant at all (speech preview and the list need at least one).</summary>
    public static bool HasAnyAccess(Principal principal) => throw new NotImplementedException();
}
