using FlowConfigs.Domain.Access;
using FlowConfigs.Gateway.Http;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>
/// What the caller of this request may do, asked of the configured decider. One per request: a level decided for an
/// id is remembered, so the route's access filter and the handler after it ask the decider once.
/// </summary>
internal sealed class CallerAccess(Principal caller, IAccessDecider decider)
{
    private readonly Dictionary<string, AccessLevel> _levels = new(StringComparer.Ordinal);

    public Principal Caller => caller;

    public async ValueTask<AccessLevel> LevelAsync(string id, CancellationToken cancellationToken = default)
    {
        if (_levels.TryGetValue(id, out var known)) return known;
        var level = await decider.LevelAsync(caller, id, cancellationToken);
        _levels[id] = level;
        return level;
    }

    /// <summary>Levels for many ids at once (a list or export), in the order given.</summary>
    public ValueTask<AccessLevel[]> LevelsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        decider.LevelsAsync(caller, ids, cancellationToken);

    public ValueTask<bool> CanManageSettingsAsync(CancellationToken cancellationToken = default) =>
        decider.CanManageSettingsAsync(caller, cancellationToken);

    public ValueTask<bool> CanManageCalendarsAsync(CancellationToken cancellationToken = default) =>
        decider.CanManageCalendarsAsync(caller, cancellationToken);

    public ValueTask<bool> CanApproveAsync(string id, IReadOnlyCollection<string> authors, CancellationToken cancellationToken = default) =>
        decider.CanApproveAsync(caller, id, authors, cancellationToken);

    public ValueTask<bool> CanViewAuditAsync(CancellationToken cancellationToken = default) =>
        decider.CanViewAuditAsync(caller, cancellationToken);

    public ValueTask<bool> CanViewOperationsAsync(CancellationToken cancellationToken = default) =>
        decider.CanViewOperationsAsync(caller, cancellationToken);

    /// <summary>Null when the caller has at least <paramref name="needed"/> on <paramref name="id"/>, else the 403 to answer.</summary>
    public async Task<ForbiddenProblem?> RequireAsync(string id, AccessLevel needed, string action, CancellationToken cancellationToken = default)
    {
        var level = await LevelAsync(id, cancellationToken);
        return level >= needed ? null : Denied(id, needed, action, level);
    }

    public static ForbiddenProblem Denied(string id, AccessLevel needed, string action, AccessLevel level) =>
        Problems.Forbidden($"{action} flow config {id} needs {needed} access; you have {(level == AccessLevel.None ? "none" : level.ToString())}.");
}
