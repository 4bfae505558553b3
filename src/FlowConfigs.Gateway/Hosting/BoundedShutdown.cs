using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// Runs the gateway and, once it is told to stop (SIGTERM from ECS, Ctrl+C), gives the graceful stop
/// <see cref="HostOptions.ShutdownTimeout"/> plus a moment and then lets the process exit whatever is still running.
/// The host's timeout alone does not bound it: while Redis is down or empty the silo keeps retrying to write its
/// status into the membership table for up to two minutes per step, ignoring the host's token, and a task that does
/// not exit holds up a deployment until ECS kills it. Nothing is lost by leaving: storage holds every acknowledged
/// write, and the other tasks declare this silo dead within seconds.
/// </summary>
internal static partial class BoundedShutdown
{
    /// <summary>Disposal and log flushing after the hosted services have stopped or given up.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    public static async Task RunWithBoundedShutdownAsync(this WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // As WebApplication.RunAsync does: disposing flushes the logs that say why it could not start.
            await app.DisposeAsync();
            throw;
        }
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
            await stopping.Task;

        var deadline = app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout + Grace;
        var stop = StopAndDisposeAsync(app);
        if (await Task.WhenAny(stop, Task.Delay(deadline)) == stop)
        {
            await stop;
            return;
        }
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        LogAbandoned(loggers.CreateLogger(typeof(BoundedShutdown).FullName!), deadline.TotalSeconds);
        // Flushes the console logger's queue; the rest of the container is left to the process exit.
        loggers.Dispose();
    }

    private static async Task StopAndDisposeAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The graceful stop did not finish within {Seconds} s (the membership table is probably unreachable); exiting anyway.")]
    private static partial void LogAbandoned(ILogger logger, double seconds);
}
