using System.Reflection;
using System.Collections.Concurrent;

namespace FlowConfigs.Grains.Tests.Configs;

/// <summary>
/// Test silos only: a call carrying <see cref="Key"/> in its request context is rejected the first time it arrives,
/// to a config grain, as Orleans rejects a message that reaches an activation that is going away.
/// </summary>
internal sealed class RejectOnceFilter : IIncomingGrainCallFilter
{
    public const string Key = "flowconfigs-test-reject-once";

    public static readonly ConcurrentDictionary<string, int> Arrivals = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        // Only config grains: the request context also flows into the calls they make.
        if (context.TargetId.Type.ToString() == FlowConfigs.Grains.Configs.FlowConfigGrain.GrainTypeName && RequestContext.Get(Key) is string token && Arrivals.AddOrUpdate(token, 1, (_, n) => n + 1) is var arrival
            && RequestContext.Get(Key + "-times") is int times && arrival <= times)
            throw Rejection($"Forwarding failed: test rejection {arrival} of {times}");
        return context.Invoke();
    }

    // Orleans keeps this exception's constructors to itself; the runtime is the only one meant to reject.
    private static OrleansMessageRejectionException Rejection(string message) =>
        (OrleansMessageRejectionException)Activator.CreateInstance(typeof(OrleansMessageRejectionException),
            BindingFlags.Instance | BindingFlags.NonPublic, null, [message], null)!;
}
