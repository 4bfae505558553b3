using FlowConfigs.Domain.Access;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>
/// Decides a caller's access level on config ids. The embedded default evaluates AccessPolicy's rules in process;
/// in AWS the same question goes to Verified Permissions.
/// </summary>
public interface IAccessDecider
{
    ValueTask<AccessLevel> LevelAsync(Principal principal, string id, CancellationToken cancellationToken = default);

    /// <summary>Levels for many ids at once (the list), in the order given.</summary>
    ValueTask<AccessLevel[]> LevelsAsync(Principal principal, IReadOnlyList<string> ids, CancellationToken cancellationToken = default);

    ValueTask<bool> CanManageSettingsAsync(Principal principal, CancellationToken cancellationToken = default);

    /// <summary>Whether the caller may create, change and delete the shared calendars.</summary>
    ValueTask<bool> CanManageCalendarsAsync(Principal principal, CancellationToken cancellationToken = default);

    /// <summary>Whether the caller may approve or reject the draft of <paramref name="id"/> written by <paramref name="authors"/>.</summary>
    ValueTask<bool> CanApproveAsync(Principal principal, string id, IReadOnlyCollection<string> authors, CancellationToken cancellationToken = default);

    /// <summary>Whether the caller may read the audit log.</summary>
    ValueTask<bool> CanViewAuditAsync(Principal principal, CancellationToken cancellationToken = default);

    /// <summary>Whether the caller may see the cluster view (every task, its state and figures).</summary>
    ValueTask<bool> CanViewOperationsAsync(Principal principal, CancellationToken cancellationToken = default);
}
