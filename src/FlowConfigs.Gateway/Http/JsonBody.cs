using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace FlowConfigs.Gateway.Http;

/// <summary>
/// Reads a JSON request body with a size cap, so the domain can read it strictly and name the offending field.
/// Model binding would turn a wrong type into a generic error and buffer whatever size the client sends.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 32, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Whether the request carries no body at all (an optional body left out), as opposed to an empty or broken one.</summary>
    public static bool IsAbsent(HttpRequest request) =>
        request.ContentLength is 0 || request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false };

    /// <returns>The parsed document (the caller disposes it), or the problem to answer with.</returns>
    public static async Task<(JsonDocument? Document, BodyProblem? Problem)> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (!IsJson(request.ContentType))
            return (null, Problems.UnsupportedMediaType("The body must be JSON (Content-Type: application/json)."));
        var (buffer, problem) = await CappedBody.ReadAsync(request, maxBytes);
        if (problem is not null)
            return (null, problem);

        if (buffer!.WrittenCount == 0)
            return (null, Problems.Body("body", "A JSON body is required."));
        // The parser checks structure, not text: invalid UTF-8 inside a string, or an escaped unpaired surrogate, only
        // throws later, when someone reads that string.
        if (InvalidUtf8At(buffer.WrittenSpan) is { } invalid)
            return (null, Problems.Body("body", $"The body is not valid UTF-8 (byte {invalid + 1})."));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.WrittenMemory, Parsing);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
            return (null, Problems.Body("body", $"The body is not valid JSON{where}."));
        }
        if (UnpairedSurrogateAt(buffer.WrittenSpan) is { } unpaired)
        {
            document.Dispose();
            return (null, Problems.Body("body", $"The body has a string with an unpaired surrogate escape such as \\ud800 (byte {unpaired + 1})."));
        }
        return (document, null);
    }

    internal static long? InvalidUtf8At(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
            return null;
        var position = 0;
        while (Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed) == OperationStatus.Done)
            position += consumed;
        return position;
    }

    private static long? UnpairedSurrogateAt(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf("\\u"u8) < 0)
            return null;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = Parsing.MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
                continue;
            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return reader.TokenStartIndex;
            }
        }
        return null;
    }

    /// <summary><c>application/json</c> or a <c>+json</c> type, by media type (not prefix: <c>application/jsonp</c> is not JSON).</summary>
    private static bool IsJson(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        return mediaType is not null &&
               (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
                (mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase) && mediaType.Contains('/')));
    }

}
