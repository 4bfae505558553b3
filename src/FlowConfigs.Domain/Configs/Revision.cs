namespace FlowConfigs.Domain.Configs;

public enum RevisionAction { Save, Delete, Rollback, Publish }

/// <summary>
/// One immutable entry of a config's history: who did what at which version, and the document as it stood after
/// it (for a delete, the document that was deleted, so it can be restored).
/// </summary>
public sealed record Revision(long Version, DateTimeOffset At, string By, RevisionAction Action, FlowConfig Document)
{
    public IReadOnlyList<string>? ApprovedBy { get; init; }
    public Emergency? Emergency { get; init; }

    public RevisionSummary Summary => new(Version, At, By, Action) { ApprovedBy = ApprovedBy, Emergency = Emergency };
}

/// <summary>A history line without its document, for lists: who approved a published change, and an emergency change's reason.</summary>
public sealed record RevisionSummary(long Version, DateTimeOffset At, string By, RevisionAction Action)
{
    public IReadOnlyList<string>? ApprovedBy { get; init; }
    public Emergency? Emergency { get; init; }
}

/// <summary>A change that went live without the approvals its config needs, and why.</summary>
public sealed record Emergency(string Reason);
