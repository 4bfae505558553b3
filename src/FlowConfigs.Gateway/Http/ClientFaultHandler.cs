using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics;

namespace FlowConfigs.Gateway.Http;

/// <summary>
/// A request the client broke (a body that trickles in, ends early or is badly framed) is the client's fault: it gets
/// the status Kestrel chose (408, 400, 413) as a problem, and the log gets a warning without a stack trace, so an
/// alarm on errors never fires for what a caller did. A caller that went away gets nothing, and nothing is logged.
/// </summary>
internal sealed partial class ClientFaultHandler(ILogger<ClientFaultHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case BadHttpRequestException fault:
                await Report(context, fault, logger).ExecuteAsync(context);
                return true;
            // A reset reaches the body read before RequestAborted fires, so the middleware's own check for aborted
            // requests (which covers cancellations) misses it and would log an error for a client that went away.
            case ConnectionResetException:
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                // Nobody is left to answer: closing the connection also spares Kestrel draining a body it can no longer read.
                context.Abort();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Logs the fault as a warning and returns the problem to answer with (for code that reads bodies itself).</summary>
    public static BodyProblem Report(HttpContext context, BadHttpRequestException fault) =>
        Report(context, fault, context.RequestServices.GetRequiredService<ILogger<ClientFaultHandler>>());

    private static BodyProblem Report(HttpContext context, BadHttpRequestException fault, ILogger logger)
    {
        LogClientFault(logger, context.Request.Method, context.Request.Path, fault.StatusCode, fault.Message);
        // Kestrel's own sentence names its settings; the caller gets one about what it sent.
        var detail = fault.StatusCode switch
        {
            StatusCodes.Status408RequestTimeout => "The request body arrived too slowly; send it in one go.",
            StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
            _ => "The request body could not be read: it ended before its declared length or was badly framed.",
        };
        return Problems.Body("body", detail, fault.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client fault on {Method} {Path}: {Status} {Reason}")]
    private static partial void LogClientFault(ILogger logger, string method, string path, int status, string reason);
}
