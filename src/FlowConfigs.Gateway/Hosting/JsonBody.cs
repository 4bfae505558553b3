using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// Reads a JSON request body with a size cap, so the domain can read it strictly and name the offending field.
/// Model binding would turn a wrong type into a generic error and buffer whatever size the client sends.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 32, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <returns>The parsed document (the caller disposes it), or the problem to answer with.</returns>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (!IsJson(request.ContentType))
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "The body must be JSON (Content-Type: application/json)."));
        if (request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));

        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, (int?)request.ContentLength ?? 16 * 1024) + 1);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await request.Body.ReadAsync(memory, request.HttpContext.RequestAborted);
                if (read == 0)
                    break;
                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                    return (null, TooLarge(maxBytes));
            }
        }
        catch (BadHttpRequestException fault)
        {
            // Kestrel gave up on the body (too slow, ended early, bad chunk framing): the client's fault, not ours.
            return (null, ClientFaultHandler.Report(request.HttpContext, fault));
        }

        if (buffer.WrittenCount == 0)
            return (null, Problems.Field("body", "A JSON body is required."));
        try
        {
            return (JsonDocument.Parse(buffer.WrittenMemory, Parsing), null);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
            return (null, Problems.Field("body", $"The body is not valid JSON{where}."));
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null &&
        (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
         contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult TooLarge(int maxBytes) =>
        Problems.Field("body", $"The body is larger than {maxBytes:N0} bytes.", StatusCodes.Status413PayloadTooLarge);
}
