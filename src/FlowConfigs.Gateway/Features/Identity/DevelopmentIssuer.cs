using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlowConfigs.Gateway.Features.Identity;

/// <summary>
/// A tiny OpenID provider for a laptop: one RSA key, generated at first start and kept (mode 0600) in the data
/// directory so tokens survive restarts, published through discovery and JWKS exactly as Cognito publishes its own.
/// </summary>
internal sealed class DevelopmentIssuer
{
    public const string KeyFileName = "dev-issuer-key.pem";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly RsaSecurityKey _key;
    private readonly SigningCredentials _signing;
    private readonly TimeProvider _clock;

    public string Issuer { get; }
    public string Audience { get; }

    public DevelopmentIssuer(string issuer, string audience, string dataDirectory, TimeProvider clock)
    {
        Issuer = issuer;
        Audience = audience;
        _clock = clock;
        var rsa = LoadOrCreateKey(Path.Combine(dataDirectory, KeyFileName));
        _key = new RsaSecurityKey(rsa);
        _key.KeyId = Base64UrlEncoder.Encode(_key.ComputeJwkThumbprint());
        _signing = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>A token shaped like a Cognito access token (plus <c>aud</c>), so both paths exercise the same claims.</summary>
    public (string Token, int ExpiresIn) Issue(string username, IReadOnlyList<string> groups, IReadOnlyDictionary<string, string> tagClaims)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = username,
            ["username"] = username,
            ["cognito:groups"] = groups.ToArray(),
            ["client_id"] = Audience,
            ["token_use"] = "access",
        };
        foreach (var (claim, value) in tagClaims)
            claims[claim] = value;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claims,
            SigningCredentials = _signing,
        });
        return (token, (int)Lifetime.TotalSeconds);
    }

    public object Discovery() => new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = $"{Issuer}/jwks.json",
        ["token_endpoint"] = DevTokenEndpoint(),
        ["response_types_supported"] = new[] { "token" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
    };

    public object Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = _key.KeyId });
        return new { keys = new[] { new { kty = jwk.Kty, use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = jwk.Kid, n = jwk.N, e = jwk.E } } };
    }

    private string DevTokenEndpoint()
    {
        var uri = new Uri(Issuer);
        return $"{uri.GetLeftPart(UriPartial.Authority)}/api/dev/token";
    }

    private static RSA LoadOrCreateKey(string path)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            return rsa;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        rsa.KeySize = 2048;
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            // Created with owner-only permissions from the first byte, never widened then narrowed.
            if (!OperatingSystem.IsWindows())
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var file = new FileStream(path, create);
            file.Write(Encoding.ASCII.GetBytes(pem));
            file.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process started on the same directory first: use its key so both accept the same tokens.
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        return rsa;
    }
}
