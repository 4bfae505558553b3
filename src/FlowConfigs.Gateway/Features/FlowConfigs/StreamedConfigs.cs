using System.Reflection;
using System.Text.Json;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Configs;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>
/// 200 with a JSON array of configs, written while they are read: a few grains are asked at a time, in id order, so
/// an export of 100,000 configs neither holds them all in memory nor wakes every grain at once.
/// </summary>
/// <remarks>
/// The status is sent with the first config. A failure before it is an ordinary error answer (a 503 for storage);
/// a failure after it aborts the connection, so the client sees a broken download rather than a shorter array that
/// parses. A config deleted while the export runs is left out, as if the export had started a moment later.
/// </remarks>
internal sealed partial class StreamedConfigs(IAsyncEnumerable<string> ids, IGrainFactory grains) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    /// <summary>Grains asked at once: enough to hide one grain's storage read behind the others', few enough to stay gentle.</summary>
    public const int Parallelism = 8;

    private const int FlushBytes = 32 * 1024;

    public int? StatusCode => StatusCodes.Status200OK;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(FlowConfig[]), ["application/json"]));

    public async Task ExecuteAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var cancellationToken = context.RequestAborted;
        var pending = new Queue<Task<FlowConfig?>>(Parallelism);
        Utf8JsonWriter? writer = null;
        long flushedAt = 0;

        async Task WriteNextAsync()
        {
            var config = await pending.Dequeue();
            if (config is null) return;
            writer ??= Start(context);
            JsonSerializer.Serialize(writer, config, options);
            if (writer.BytesPending + writer.BytesCommitted - flushedAt < FlushBytes) return;
            await FlushAsync(context, writer, cancellationToken);
            flushedAt = writer.BytesCommitted;
        }

        try
        {
            await foreach (var id in ids.WithCancellation(cancellationToken))
            {
                pending.Enqueue(grains.GetGrain<IFlowConfigGrain>(id).GetAsync());
                if (pending.Count == Parallelism) await WriteNextAsync();
            }
            while (pending.Count > 0) await WriteNextAsync();
            writer ??= Start(context);
            writer.WriteEndArray();
            await FlushAsync(context, writer, cancellationToken);
        }
        catch (Exception exception) when (writer is not null)
        {
            if (!cancellationToken.IsCancellationRequested)
                LogAborted(context.RequestServices.GetRequiredService<ILogger<StreamedConfigs>>(), writer.BytesCommitted, exception.GetType().Name, exception.Message);
            context.Abort();
        }
        finally
        {
            // Reads still under way after a failure finish on their own; their outcome is of no use now.
            foreach (var task in pending)
                _ = task.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        }
    }

    private static async Task FlushAsync(HttpContext context, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        writer.Flush();
        await context.Response.BodyWriter.FlushAsync(cancellationToken);
    }

    private static Utf8JsonWriter Start(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartArray();
        return writer;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Export aborted after {Bytes} bytes: {Exception}: {Reason}")]
    private static partial void LogAborted(ILogger logger, long bytes, string exception, string reason);
}
