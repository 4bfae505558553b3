using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.Access;
using FlowConfigs.Gateway.Hosting.Aws;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>
/// Access decided by Amazon Verified Permissions with the repository's Cedar policies. A level is the highest of
/// ReadConfig, EditConfig and ManageConfig allowed, all three asked in one BatchIsAuthorized; lists ask in batches of
/// 30. Decisions are cached for a short time, keyed by the caller's claims and the resource's matching patterns
/// (or its id, with <see cref="VerifiedPermissionsOptions.DecidePerId"/>).
/// </summary>
internal sealed class VerifiedPermissionsAccessDecider(
    VerifiedPermissionsClient client,
    IOptions<AuthorizationProviderOptions> options,
    TimeProvider time,
    ILogger<VerifiedPermissionsAccessDecider> logger) : IAccessDecider
{
    private const int MaxCachedDecisions = 100_000;
    private const int ResourcesPerBatch = VerifiedPermissionsClient.MaxBatchSize / 3;
    private readonly VerifiedPermissionsOptions _options = options.Value.VerifiedPermissions;
    private readonly ConcurrentDictionary<string, (AccessLevel Level, DateTimeOffset Expires)> _cache = new();

    public async ValueTask<AccessLevel> LevelAsync(Principal principal, string id, CancellationToken cancellationToken = default) =>
        (await LevelsAsync(principal, [id], cancellationToken))[0];

    public async ValueTask<AccessLevel[]> LevelsAsync(Principal principal, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var caller = CallerKey(principal);
        var levels = new AccessLevel[ids.Count];
        // Resources still to ask about, one representative id per cache key, with the positions it answers.
        var pending = new Dictionary<string, (string Id, string[] Tags, List<int> Positions)>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var tags = CedarModel.MatchingTags(principal, ids[i]);
            var key = caller + "\n" + (_options.DecidePerId ? "id:" + ids[i] : "tags:" + string.Join('\n', tags));
            if (TryCached(key, out levels[i])) continue;
            if (!pending.TryGetValue(key, out var entry))
                pending[key] = entry = (ids[i], tags, []);
            entry.Positions.Add(i);
        }
        if (pending.Count == 0) return levels;

        using var slots = new SemaphoreSlim(_options.MaxConcurrentBatches);
        await Task.WhenAll(pending.Chunk(ResourcesPerBatch).Select(async batch =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var decided = await DecideConfigsAsync(principal, batch.Select(b => (b.Value.Id, b.Value.Tags)).ToArray(), cancellationToken);
                for (var j = 0; j < batch.Length; j++)
                {
                    Remember(batch[j].Key, decided[j]);
                    foreach (var position in batch[j].Value.Positions)
                        levels[position] = decided[j];
                }
            }
            finally
            {
                slots.Release();
            }
        }));
        return levels;
    }

    public ValueTask<bool> CanManageSettingsAsync(Principal principal, CancellationToken cancellationToken = default) =>
        AllowedOnEverythingAsync(principal, CedarModel.ManageSettings, "Settings", CedarModel.SettingsId, cancellationToken);

    public ValueTask<bool> CanManageCalendarsAsync(Principal principal, CancellationToken cancellationToken = default) =>
        AllowedOnEverythingAsync(principal, CedarModel.ManageCalendars, "Calendar", CedarModel.CalendarsId, cancellationToken);

    public ValueTask<bool> CanViewAuditAsync(Principal principal, CancellationToken cancellationToken = default) =>
        AllowedOnEverythingAsync(principal, CedarModel.ViewAudit, "Audit", CedarModel.AuditId, cancellationToken);

    public ValueTask<bool> CanViewOperationsAsync(Principal principal, CancellationToken cancellationToken = default) =>
        AllowedOnEverythingAsync(principal, CedarModel.ViewOperations, "Operations", CedarModel.OperationsId, cancellationToken);

    /// <summary>
    /// ApproveDraft on the config, which carries the draft's authors. Cached like a level: by the matching patterns
    /// (or the id, with <see cref="VerifiedPermissionsOptions.DecidePerId"/>) and the authors, all of which the
    /// policies see.
    /// </summary>
    public async ValueTask<bool> CanApproveAsync(Principal principal, string id, IReadOnlyCollection<string> authors, CancellationToken cancellationToken = default)
    {
        var tags = CedarModel.MatchingTags(principal, id);
        var draftAuthors = authors.Distinct(StringComparer.Ordinal).ToArray();
        var key = string.Join('\n', CallerKey(principal), CedarModel.ApproveDraft,
            _options.DecidePerId ? "id:" + id : "tags:" + string.Join('\u001f', tags), "authors:" + string.Join('\u001f', draftAuthors));
        if (TryCached(key, out var cached)) return cached == AccessLevel.Full;
        var entities = new JsonArray(CedarModel.User(principal), CedarModel.DraftResource(id, tags, draftAuthors));
        var requests = new JsonArray(CedarModel.Request(principal, CedarModel.ApproveDraft, "FlowConfig", id));
        var allowed = Allowed((await CallAsync(entities, requests, cancellationToken))[0]);
        Remember(key, allowed ? AccessLevel.Full : AccessLevel.None);
        return allowed;
    }

    /// <summary>An action that needs Full on <c>*</c>, asked of its one resource, which carries the caller's patterns matching "*".</summary>
    private async ValueTask<bool> AllowedOnEverythingAsync(Principal principal, string action, string resourceType, string resourceId, CancellationToken cancellationToken)
    {
        var key = CallerKey(principal) + "\n" + action;
        if (TryCached(key, out var cached)) return cached == AccessLevel.Full;
        var entities = new JsonArray(CedarModel.User(principal),
            CedarModel.Resource(resourceType, resourceId, CedarModel.MatchingTags(principal, "*")));
        var requests = new JsonArray(CedarModel.Request(principal, action, resourceType, resourceId));
        var allowed = Allowed((await CallAsync(entities, requests, cancellationToken))[0]);
        Remember(key, allowed ? AccessLevel.Full : AccessLevel.None);
        return allowed;
    }

    private async Task<AccessLevel[]> DecideConfigsAsync(Principal principal, (string Id, string[] Tags)[] resources, CancellationToken cancellationToken)
    {
        var entities = new JsonArray(CedarModel.User(principal));
        var requests = new JsonArray();
        foreach (var (id, tags) in resources)
        {
            entities.Add(CedarModel.Resource("FlowConfig", id, tags));
            foreach (var (action, _) in CedarModel.ConfigActions)
                requests.Add(CedarModel.Request(principal, action, "FlowConfig", id));
        }
        var results = await CallAsync(entities, requests, cancellationToken);
        var levels = new AccessLevel[resources.Length];
        for (var r = 0; r < resources.Length; r++)
            for (var a = 0; a < CedarModel.ConfigActions.Length; a++)
                if (Allowed(results[r * CedarModel.ConfigActions.Length + a]))
                    levels[r] = CedarModel.ConfigActions[a].Level;
        return levels;
    }

    private async Task<JsonArray> CallAsync(JsonArray entities, JsonArray requests, CancellationToken cancellationToken)
    {
        try
        {
            return await client.BatchIsAuthorizedAsync(entities, requests, cancellationToken);
        }
        catch (Exception exception) when (exception is AwsServiceException or HttpRequestException or TimeoutRejectedException or InvalidOperationException
                                          && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Verified Permissions at {Endpoint} failed", client.Endpoint);
            throw new AuthorizationUnavailableException(exception is AwsServiceException aws
                ? $"Verified Permissions refused the request ({aws.ErrorType}): {aws.ServiceMessage}"
                : "Verified Permissions could not be reached; try again in a moment.", exception);
        }
    }

    private bool Allowed(JsonNode? result)
    {
        if (result?["errors"] is JsonArray { Count: > 0 } errors)
            logger.LogWarning("Verified Permissions reported policy errors: {Errors}", errors.ToJsonString());
        return result?["decision"]?.GetValue<string>() == "ALLOW";
    }

    private bool TryCached(string key, out AccessLevel level)
    {
        if (_cache.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
        {
            level = entry.Level;
            return true;
        }
        level = AccessLevel.None;
        return false;
    }

    private void Remember(string key, AccessLevel level)
    {
        if (_options.DecisionCacheSeconds == 0) return;
        // Bounded without bookkeeping: a full cache starts over; the next calls refill it with what is in use.
        if (_cache.Count >= MaxCachedDecisions) _cache.Clear();
        _cache[key] = (level, time.GetUtcNow().AddSeconds(_options.DecisionCacheSeconds));
    }

    /// <summary>Everything of the caller that policies can see: name, groups and patterns per level.</summary>
    private static string CallerKey(Principal principal) => string.Join('\u001f',
        principal.Username,
        string.Join(',', principal.Groups.Order(StringComparer.Ordinal)),
        string.Join(',', principal.FullPatterns), string.Join(',', principal.EditPatterns), string.Join(',', principal.ReadPatterns));
}

/// <summary>The authorization service cannot answer: the request gets a 503, never a guess.</summary>
public sealed class AuthorizationUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
