using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Http;

/// <summary>
/// Keeps /internal/* on the internal port and /api/* on the public one. Decided by the port the connection
/// arrived on, not the Host header (which a caller controls).
/// </summary>
internal sealed class PortSeparation(RequestDelegate next, IOptions<PortsOptions> ports)
{
    private readonly int _public = ports.Value.Public;
    private readonly int _internal = ports.Value.Internal;

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var port = context.Connection.LocalPort;
        var misplaced =
            (path.StartsWithSegments("/internal") && port != _internal) ||
            (!path.StartsWithSegments("/internal") && !path.StartsWithSegments("/health") && port == _internal);
        if (misplaced)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
