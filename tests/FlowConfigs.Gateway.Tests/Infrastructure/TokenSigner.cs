using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>Signs tokens the way an issuer (or an attacker) would, for validation tests.</summary>
internal static class TokenSigner
{
    public static RsaSecurityKey LoadPem(string path, string keyId)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public static string Sign(SecurityKey key, string algorithm, string issuer, IDictionary<string, object> claims,
        string? audience = null, DateTime? expires = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var issuedAt = expiry < DateTime.UtcNow ? expiry.AddMinutes(-10) : DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>), which must never be accepted.</summary>
    public static string Unsigned(string issuer, string audience, string username)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return Encode("""{"alg":"none","typ":"JWT"}""") + "." +
               Encode($$"""{"iss":"{{issuer}}","aud":"{{audience}}","username":"{{username}}","cognito:groups":["FlowConfigAdmin"],"exp":{{exp}}}""") + ".";
    }
}
