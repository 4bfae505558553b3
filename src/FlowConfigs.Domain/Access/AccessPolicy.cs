namespace FlowConfigs.Domain.Access;

/// <summary>Who may do what: the effective level on an id is the highest grant from groups and tag patterns (docs/architecture.md, Authorization).</summary>
public static class AccessPolicy
{
    public static AccessLevel LevelFor(Principal principal, string id)
    {
        var level = GroupLevel(principal);
        if (level < AccessLevel.Full && AnyMatches(principal.FullPatterns, id)) return AccessLevel.Full;
        if (level < AccessLevel.Edit && AnyMatches(principal.EditPatterns, id)) return AccessLevel.Edit;
        if (level < AccessLevel.Read && AnyMatches(principal.ReadPatterns, id)) return AccessLevel.Read;
        return level;
    }

    /// <summary>Settings need Full on <c>*</c>: the admin group, or a Full tag pattern that matches the literal id "*".</summary>
    public static bool CanManageSettings(Principal principal) => LevelFor(principal, "*") == AccessLevel.Full;

    /// <summary>Calendars are shared by every config, so changing one needs what settings need: Full on <c>*</c>.</summary>
    public static bool CanManageCalendars(Principal principal) => LevelFor(principal, "*") == AccessLevel.Full;

    /// <summary>
    /// Approving (or rejecting) a draft needs Full on its config, and nobody reviews their own work: an author of the
    /// draft may not, whatever their level. Usernames compare ordinally, as the token spells them.
    /// </summary>
    public static bool CanApprove(Principal principal, string id, IReadOnlyCollection<string> authors) =>
        LevelFor(principal, id) == AccessLevel.Full && !authors.Contains(principal.Username, StringComparer.Ordinal);

    /// <summary>The audit log spans every config, the settings and the calendars, so reading it needs Full on <c>*</c>.</summary>
    public static bool CanViewAudit(Principal principal) => LevelFor(principal, "*") == AccessLevel.Full;

    /// <summary>The cluster view shows every task and what it serves, whoever's configs: Full on <c>*</c>, as the audit log.</summary>
    public static bool CanViewOperations(Principal principal) => LevelFor(principal, "*") == AccessLevel.Full;

    /// <summary>Whether any Full grant exists (admin group or any Full pattern), so the UI may offer "Create".</summary>
    public static bool CanCreateConfigs(Principal principal) =>
        GroupLevel(principal) == AccessLevel.Full || principal.FullPatterns.Count > 0;

    /// <summary>Whether the principal has any grant at all (speech preview and the list need at least one).</summary>
    public static bool HasAnyAccess(Principal principal) =>
        GroupLevel(principal) > AccessLevel.None
        || principal.FullPatterns.Count > 0 || principal.EditPatterns.Count > 0 || principal.ReadPatterns.Count > 0;

    private static AccessLevel GroupLevel(Principal principal)
    {
        var level = AccessLevel.None;
        foreach (var group in principal.Groups)
        {
            var granted = group switch
            {
                Principal.AdminGroup => AccessLevel.Full,
                Principal.EditGroup => AccessLevel.Edit,
                Principal.ReadGroup => AccessLevel.Read,
                _ => AccessLevel.None,
            };
            if (granted > level) level = granted;
        }
        return level;
    }

    private static bool AnyMatches(IReadOnlyList<string> patterns, string id)
    {
        foreach (var pattern in patterns)
            if (IdPattern.Matches(pattern, id))
                return true;
        return false;
    }
}
