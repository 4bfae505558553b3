using FlowConfigs.Domain.Access;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>The in-process policy engine: the domain's rules, evaluated directly.</summary>
internal sealed class LocalAccessDecider : IAccessDecider
{
    public ValueTask<AccessLevel> LevelAsync(Principal principal, string id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(AccessPolicy.LevelFor(principal, id));

    public ValueTask<AccessLevel[]> LevelsAsync(Principal principal, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var levels = new AccessLevel[ids.Count];
        for (var i = 0; i < levels.Length; i++)
            levels[i] = AccessPolicy.LevelFor(principal, ids[i]);
        return ValueTask.FromResult(levels);
    }

    public ValueTask<bool> CanManageSettingsAsync(Principal principal, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(AccessPolicy.CanManageSettings(principal));

    public ValueTask<bool> CanManageCalendarsAsync(Principal principal, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(AccessPolicy.CanManageCalendars(principal));

    public ValueTask<bool> CanApproveAsync(Principal principal, string id, IReadOnlyCollection<string> authors, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(AccessPolicy.CanApprove(principal, id, authors));

    public ValueTask<bool> CanViewAuditAsync(Principal principal, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(AccessPolicy.CanViewAudit(principal));

    public ValueTask<bool> CanViewOperationsAsync(Principal principal, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(AccessPolicy.CanViewOperations(principal));
}
