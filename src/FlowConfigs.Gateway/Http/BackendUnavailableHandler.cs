using FlowConfigs.Grains.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FlowConfigs.Gateway.Http;

/// <summary>
/// Something behind the gateway failed: a grain could not load its state (<see cref="StorageFaultException"/>, with
/// its own words and wait), a grain call was rejected on its way (a silo shutting down or gone) or timed out.
/// The caller did nothing wrong and may succeed in a moment, so the answer is a 503 problem with
/// <c>Retry-After</c>, never a 500. Our own bugs throw other types and stay 500s.
/// A cancellation counts as behind the gateway too: Orleans hands the callers queued on an activation the exception
/// that ended it, and an activation whose directory registration was cancelled (a lost task's directory moving to the
/// survivors) ends with an <see cref="OperationCanceledException"/> nobody on our side asked for. The caller's own
/// abort never reaches here: the exception middleware answers those before any handler runs.
/// </summary>
internal sealed partial class BackendUnavailableHandler(IProblemDetailsService problems, ILogger<BackendUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (OrleansException or TimeoutException or OperationCanceledException)) return false;
        LogUnavailable(logger, context.Request.Method, context.Request.Path, exception.GetType().Name, exception.Message);
        var fault = (exception as StorageFaultException)?.Fault;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = Problems.Seconds(fault?.RetryAfter ?? StorageFault.Shortly);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = fault?.Detail ?? (exception is TimeoutException
                    ? "The request took too long behind the gateway (a task may have just been lost). If it was a change it may still be applied: read the config again before retrying."
                    : "Storage or the cluster could not complete the request; if it was a change, read the config again before retrying."),
            },
        });
    }

    // One line, no stack trace: the outage is behind us and the same line repeats for every request it hits.
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Exception}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string exception, string reason);
}
