using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.Operations;

/// <summary>
/// <c>GET /api/ops/cluster</c>: membership (status, start, last heartbeat) from Orleans' management grain, activation
/// counts per active silo from the same, and what only a silo knows of itself (its build, its read figures) asked of
/// each active silo's <see cref="ISiloReportService"/> at the moment of the request.
/// </summary>
internal static partial class ClusterEndpoint
{
    /// <summary>A task that died is listed this long, so on-call sees one was lost and when; older rows are history.</summary>
    public static readonly TimeSpan DeadShownFor = TimeSpan.FromHours(1);

    /// <summary>
    /// A silo that cannot answer in this time is shown without its own figures rather than holding the page; a silo
    /// that is gone is marked dead by membership within seconds anyway.
    /// </summary>
    public static readonly TimeSpan SiloAnswerBound = TimeSpan.FromSeconds(2);

    public static async Task<Results<Ok<ClusterView>, ForbiddenProblem>> GetAsync(
        CallerAccess access, IGrainFactory grains, SiloReports reports, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (!await access.CanViewOperationsAsync(cancellationToken))
            return Problems.Forbidden("The cluster view needs Full access on every config.");

        var management = grains.GetGrain<IManagementGrain>(0);
        var now = clock.GetUtcNow();
        // Membership itself not answering is the backend being down: the pipeline turns that into a 503.
        var hosts = (await management.GetDetailedHosts(onlyActive: false))
            .Where(host => host.Status != SiloStatus.Dead || now - Utc(host.IAmAliveTime) <= DeadShownFor)
            .ToArray();
        var active = hosts.Where(host => host.Status == SiloStatus.Active).Select(host => host.SiloAddress).ToArray();

        var log = logs.CreateLogger(typeof(ClusterEndpoint));
        var statistics = Bounded(management.GetSimpleGrainStatistics(active), "activation counts", log);
        var own = active.ToDictionary(silo => silo, silo => Bounded(reports.ReportAsync(silo), "report of " + silo, log));
        var counted = await statistics;
        var silos = new List<SiloView>(hosts.Length);
        foreach (var host in hosts)
        {
            var report = own.TryGetValue(host.SiloAddress, out var asked) ? await asked : null;
            var types = counted?.Where(s => s.SiloAddress.Equals(host.SiloAddress))
                .GroupBy(s => ShortTypeName(s.GrainType))
                .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount), StringComparer.Ordinal);
            silos.Add(View(host, now, report, host.Status == SiloStatus.Active ? types : null, host.SiloAddress.Equals(reports.Self)));
        }
        return TypedResults.Ok(new ClusterView(now, [.. silos.OrderBy(Rank).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Address, StringComparer.Ordinal)]));
    }

    private static SiloView View(MembershipEntry host, DateTimeOffset now, SiloReport? report, Dictionary<string, int>? types, bool isThisSilo)
    {
        var started = Utc(host.StartTime);
        return new SiloView(
            host.SiloAddress.ToParsableString(),
            host.SiloName ?? "",
            host.HostName ?? "",
            host.Status.ToString(),
            started,
            Utc(host.IAmAliveTime),
            host.Status == SiloStatus.Dead ? null : Math.Max(0, (long)(now - started).TotalSeconds),
            report?.Version,
            types?.Values.Sum(),
            types,
            isThisSilo,
            report is null ? null : new ReadCopyFigures(report.ReadCopyHits, report.ReadCopyMisses, HitRate(report.ReadCopyHits, report.ReadCopyMisses), report.ReadCopies));
    }

    /// <summary>Null before the first read, so a silo that served nothing does not show 0 %.</summary>
    internal static double? HitRate(long hits, long misses) => hits + misses == 0 ? null : (double)hits / (hits + misses);

    /// <summary>Active first, then tasks on their way in or out, then the dead.</summary>
    private static int Rank(SiloView silo) => silo.Status switch
    {
        nameof(SiloStatus.Active) => 0,
        nameof(SiloStatus.Dead) => 2,
        _ => 1,
    };

    /// <summary>"FlowConfigs.Grains.Configs.FlowConfigGrain,FlowConfigs.Grains" and the like, as the class's own name.</summary>
    internal static string ShortTypeName(string grainType)
    {
        var name = grainType.Split(',')[0];
        var generic = name.IndexOf('`', StringComparison.Ordinal);
        if (generic >= 0) name = name[..generic];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static DateTimeOffset Utc(DateTime time) =>
        new(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static async Task<T?> Bounded<T>(Task<T> call, string what, ILogger log) where T : class
    {
        try
        {
            return await call.WaitAsync(SiloAnswerBound);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or SiloUnavailableException)
        {
            LogNotAvailable(log, what, exception.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster view: {What} not available ({Reason})")]
    private static partial void LogNotAvailable(ILogger logger, string what, string reason);
}
