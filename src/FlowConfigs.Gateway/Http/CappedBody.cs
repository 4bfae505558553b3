using System.Buffers;

namespace FlowConfigs.Gateway.Http;

/// <summary>
/// Reads a request body into memory up to a cap, stopping at the first byte over it: a client's Content-Length is
/// a claim, and a body without one must not be buffered whole before it is refused.
/// </summary>
internal static class CappedBody
{
    /// <returns>The body's bytes, or the problem to answer with (413 over the cap; 400 or 408 when Kestrel gave up on it).</returns>
    public static async Task<(ArrayBufferWriter<byte>? Bytes, BodyProblem? Problem)> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));

        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, (int?)request.ContentLength ?? 16 * 1024) + 1);
        var body = request.BodyReader;
        try
        {
            while (true)
            {
                // No cancellation token: Kestrel ends the read itself when the client goes away or is too slow.
                var result = await body.ReadAsync();
                var tooLarge = buffer.WrittenCount + result.Buffer.Length > maxBytes;
                if (!tooLarge)
                    foreach (var segment in result.Buffer)
                        buffer.Write(segment.Span);
                body.AdvanceTo(result.Buffer.End);
                if (tooLarge)
                    return (null, TooLarge(maxBytes));
                if (result.IsCompleted || result.IsCanceled)
                    break;
            }
        }
        catch (BadHttpRequestException fault)
        {
            // Kestrel gave up on the body (too slow, ended early, bad chunk framing): the client's fault, not ours.
            return (null, ClientFaultHandler.Report(request.HttpContext, fault));
        }
        return (buffer, null);
    }

    private static BodyProblem TooLarge(int maxBytes) =>
        Problems.Body("body", $"The body is larger than {maxBytes:N0} bytes.", StatusCodes.Status413PayloadTooLarge);
}
