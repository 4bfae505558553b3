using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>
/// An independent SigV4 check, written from the published algorithm, for requests that reached a loopback stand-in:
/// recomputes the signature from what actually arrived (method, path, query, the signed headers, the body) and
/// compares. The gateway signs with AWSSDK.Core; this shares no code with it.
/// </summary>
internal static class SigV4
{
    public sealed record Parsed(string AccessKey, string Date, string Region, string Service, string[] SignedHeaders, string Signature);

    public static Parsed Parse(LoopbackAwsEndpoint.Received request)
    {
        var authorization = request.Headers["authorization"];
        Assert.StartsWith("AWS4-HMAC-SHA256 ", authorization);
        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var scope = parts["Credential"].Split('/');
        Assert.Equal("aws4_request", scope[4]);
        return new Parsed(scope[0], scope[1], scope[2], scope[3], parts["SignedHeaders"].Split(';'), parts["Signature"]);
    }

    /// <summary>Asserts the request is signed by <paramref name="secretKey"/> for the region and service, covering host, date and body.</summary>
    public static Parsed Verify(LoopbackAwsEndpoint.Received request, string secretKey, string region, string service)
    {
        var parsed = Parse(request);
        Assert.Equal(region, parsed.Region);
        Assert.Equal(service, parsed.Service);
        Assert.Contains("host", parsed.SignedHeaders);
        Assert.Contains("x-amz-date", parsed.SignedHeaders);
        var amzDate = request.Headers["x-amz-date"];
        Assert.Equal(parsed.Date, amzDate[..8]);
        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.InRange(signedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));

        var payloadHash = Hex(SHA256.HashData(request.Body));
        if (request.Headers.TryGetValue("x-amz-content-sha256", out var claimed))
            Assert.Equal(payloadHash, claimed);
        var canonical = string.Join('\n',
            request.Method,
            request.Path,
            CanonicalQuery(request.Query),
            string.Concat(parsed.SignedHeaders.Select(h => $"{h}:{string.Join(' ', request.Headers[h].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))}\n")),
            string.Join(';', parsed.SignedHeaders),
            payloadHash);
        var scope = $"{parsed.Date}/{region}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { parsed.Date, region, service, "aws4_request" })
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        Assert.Equal(Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign))), parsed.Signature);
        return parsed;
    }

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => (Key: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
