using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using StackExchange.Redis;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// Puts the cluster's membership table back when Redis loses it (a restart without persistence, a failover to an
/// empty replica, a flush). Orleans' Redis table cannot recover by itself: every read then fails with "the membership
/// table version is missing", and a task starting meanwhile creates a new table the running silos ignore (its version
/// is below theirs), so the cluster would split. Each silo keeps the table as it last read it, every second; when the
/// table is gone or its version went backwards, the first silo to notice writes the rows back (keeping any row a new
/// task has written since) at a version above every one seen, in one atomic script.
/// A row written back can be older than its silo: a task that turned Active within the second before the loss reads
/// itself as Joining again, stays unhealthy and is never routed to. Each silo is the authority on its own row, so
/// each puts its own status back when the table says less, and every silo re-reads the table as soon as it sees a
/// version newer than its own view instead of waiting for Orleans' periodic refresh.
/// </summary>
internal sealed partial class RedisMembershipGuard(
    IOptions<RedisClusteringOptions> redis, IOptions<Orleans.Configuration.ClusterOptions> cluster,
    ISiloStatusOracle silo, IClusterMembershipService membership, TimeProvider time,
    ILogger<RedisMembershipGuard> logger) : BackgroundService
{
    /// <summary>Often enough that a lost table is back before a task joining in the meantime gets far.</summary>
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>Versions only need to grow; the jump covers changes made after this silo's last read.</summary>
    private const int VersionJump = 16;

    private const string VersionField = "Version";

    // Rows missing from the table are added back, present ones kept; the version ends above both what is there and
    // what was seen. Nothing happens when the table is at or past the version seen: it was never lost.
    private const string RestoreScript = """
        local current = tonumber(redis.call('HGET', KEYS[1], 'Version') or '-1')
        local seen = tonumber(ARGV[1])
        if current >= seen then return 0 end
        for i = 3, #ARGV, 2 do redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) end
        redis.call('HSET', KEYS[1], 'Version', tostring(math.max(current, seen) + tonumber(ARGV[2])))
        return 1
        """;

    // This silo's row is replaced only if neither it nor the version moved since it was read (Orleans writes both
    // under the same kind of condition), so a concurrent Orleans write wins and the check runs again next second.
    private const string OwnRowScript = """
        local version = tonumber(redis.call('HGET', KEYS[1], 'Version') or '-1')
        local row = redis.call('HGET', KEYS[1], ARGV[1]) or ''
        if version ~= tonumber(ARGV[2]) or row ~= ARGV[3] then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
        redis.call('HSET', KEYS[1], 'Version', tostring(version + 1))
        return 1
        """;

    /// <summary>How long a re-read of the table may take before the guard goes on to its next check.</summary>
    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(2);

    private HashEntry[]? _lastRead;
    private int _lastVersion = -1;
    private RedisValue _ownRow = RedisValue.Null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = redis.Value;
        var key = options.CreateRedisKey(cluster.Value);
        IConnectionMultiplexer? connection = null;
        var owned = false;
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (connection is null) (connection, owned) = await options.CreateMultiplexer(options);
                    await CheckAsync(connection.GetDatabase(), key);
                }
                catch (Exception exception) when (exception is RedisException or TimeoutException)
                {
                    // Redis is down or failing over: the table is checked again when it answers.
                    LogUnreachable(logger, exception.Message);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Anything else is logged and the guard goes on: it must never stop the host it protects.
                    LogFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (owned && connection is not null) await connection.DisposeAsync();
        }
    }

    private async Task CheckAsync(IDatabase database, RedisKey key)
    {
        var table = await database.HashGetAllAsync(key, CommandFlags.DemandMaster);
        var version = Version(table);
        if (version >= _lastVersion && version >= 0)
        {
            _lastRead = table;
            _lastVersion = version;
            await KeepOwnRowAsync(database, key, table, version);
            await CatchUpAsync(version);
            return;
        }
        if (_lastRead is null) return;

        var arguments = new List<RedisValue> { _lastVersion, VersionJump };
        foreach (var row in _lastRead.Where(r => r.Name != VersionField))
        {
            arguments.Add(row.Name);
            arguments.Add(row.Value);
        }
        var restored = (int)await database.ScriptEvaluateAsync(RestoreScript, [key], [.. arguments], CommandFlags.DemandMaster);
        if (restored == 1)
            LogRestored(logger, key.ToString(), version, _lastRead.Length - 1, _lastVersion + VersionJump);
    }

    /// <summary>Writes this silo's row back as Active when the table says it is still joining, or lost it.</summary>
    private async Task KeepOwnRowAsync(IDatabase database, RedisKey key, HashEntry[] table, int version)
    {
        var name = silo.SiloAddress.ToString();
        var row = table.FirstOrDefault(r => r.Name == name).Value;
        if (row.HasValue) _ownRow = row;
        if (silo.CurrentStatus != SiloStatus.Active || _ownRow.IsNull) return;
        if (row.HasValue && StatusIn(row) is not (SiloStatus.Created or SiloStatus.Joining)) return;

        var repaired = WithStatus(_ownRow, SiloStatus.Active);
        var written = (int)await database.ScriptEvaluateAsync(OwnRowScript, [key],
            [name, version, row.HasValue ? row : RedisValue.EmptyString, repaired], CommandFlags.DemandMaster);
        if (written != 1) return;
        LogOwnRowRestored(logger, name, row.HasValue ? StatusIn(row).ToString() : "missing", version + 1);
        await CatchUpAsync(version + 1);
    }

    /// <summary>Has this silo re-read the table when it is newer than the silo's view, so a change shows at once.</summary>
    private async Task CatchUpAsync(int version)
    {
        if (membership.CurrentSnapshot.Version.Value >= version) return;
        using var timeout = new CancellationTokenSource(RefreshTimeout, time);
        try
        {
            await membership.Refresh(new MembershipVersion(version), timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // The table moved on meanwhile (or lost its version); the next check catches up with what it is then.
        }
    }

    // Orleans writes the row with Newtonsoft's defaults: the status is the enum's number.
    private static SiloStatus StatusIn(RedisValue row) =>
        JsonNode.Parse(row.ToString())?["Status"] is JsonValue status && status.TryGetValue(out int value)
            ? (SiloStatus)value
            : SiloStatus.None;

    private static string WithStatus(RedisValue row, SiloStatus status)
    {
        var entry = JsonNode.Parse(row.ToString())!.AsObject();
        entry["Status"] = (int)status;
        return entry.ToJsonString();
    }

    private static int Version(HashEntry[] table)
    {
        foreach (var row in table)
            if (row.Name == VersionField && int.TryParse(row.Value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
                return version;
        return -1;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The Redis membership table {Key} was lost (found at version {Found}): wrote back the {Rows} silo rows this silo last read, at version {Version} or above.")]
    private static partial void LogRestored(ILogger logger, string key, int found, int rows, int version);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The Redis membership table had this silo ({Silo}) as {Status} while it is Active (written back from an older read): wrote its row back as Active, at version {Version}.")]
    private static partial void LogOwnRowRestored(ILogger logger, string silo, string status, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the Redis membership table failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The Redis membership table could not be checked: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
