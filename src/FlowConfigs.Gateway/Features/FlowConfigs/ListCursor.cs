using System.Buffers.Text;
using System.Text;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>
/// Where the next list page starts: the last id the previous page looked at, so creates and deletes elsewhere in the
/// list never shift a page. Opaque to clients (base64url) so its form can change; all it can name is a position in
/// the id order, which every caller may ask for anyway.
/// </summary>
internal static class ListCursor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string lastId) => Base64Url.EncodeToString(StrictUtf8.GetBytes(lastId));

    /// <summary>The id a cursor names, or null when it is not one this gateway could have handed out.</summary>
    public static string? Decode(string cursor)
    {
        if (cursor.Length == 0 || cursor.Length > Base64Url.GetEncodedLength(FlowConfigId.MaxLength * 4) || !Base64Url.IsValid(cursor)) return null;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(cursor.Length)];
        if (!Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written == 0) return null;
        try
        {
            var id = StrictUtf8.GetString(bytes, 0, written);
            return id.Length <= FlowConfigId.MaxLength ? id : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
