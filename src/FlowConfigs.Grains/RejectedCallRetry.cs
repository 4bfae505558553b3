using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains;

/// <summary>
/// A call to one of our grains that Orleans rejected before the grain ran it (its activation was deactivating and
/// forwarding failed, its silo was stopping) changed nothing, so it is sent once more; a second rejection, and every
/// other failure, is the caller's to answer. Once only, so an outage cannot turn into a retry storm.
/// </summary>
internal sealed partial class RejectedCallRetry(ILogger<RejectedCallRetry> logger) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (OrleansMessageRejectionException exception) when (IsOurs(context))
        {
            LogRetry(logger, context.InterfaceName, context.MethodName, exception.Message);
            await context.Invoke();
        }
    }

    private static bool IsOurs(IOutgoingGrainCallContext context) =>
        context.InterfaceMethod?.DeclaringType?.Namespace?.StartsWith("FlowConfigs.", StringComparison.Ordinal) == true;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Interface}.{Method} was rejected before it ran ({Reason}); sending it once more")]
    private static partial void LogRetry(ILogger logger, string @interface, string method, string reason);
}
