namespace FlowConfigs.Domain.Configs;

public enum RevisionAction { Save, Delete, Rollback }

/// <summary>
/// One immutable entry of a config's history: who did what at which version, and the document as it stood after
/// it (for a delete, the document that was deleted, so it can be restored).
/// </summary>
public sealed record Revision(long Version, DateTimeOffset At, string By, RevisionAction Action, FlowConfig Document)
{
    public RevisionSummary Summary => new(Version, At, By, Action);
}

/// <summary>A history line without its document, for lists.</summary>
public sealed record RevisionSummary(long Version, DateTimeOffset At, string By, RevisionAction Action);
