using System.Security.Claims;
using System.Text.Json;
using FlowConfigs.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Identity;

/// <summary>
/// Turns a validated token's provider-specific claims (claim names from <see cref="IdentityOptions"/>, groups as one
/// claim per element, a JSON array or a comma string) into one identity of the product's own claims, once per
/// authentication. The request's <see cref="Principal"/> is built from that identity, so no handler reads raw claims.
/// </summary>
internal sealed class CallerClaims(IOptions<IdentityOptions> options) : IClaimsTransformation
{
    private const string AuthenticationType = "FlowConfigsCaller";
    private const string Username = "flowconfigs:username";
    private const string Group = "flowconfigs:group";
    private const string Full = "flowconfigs:full";
    private const string Edit = "flowconfigs:edit";
    private const string Read = "flowconfigs:read";

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal user)
    {
        // Authentication may run more than once per request; the caller identity is added only the first time.
        if (user.Identities.Any(identity => identity.AuthenticationType == AuthenticationType))
            return Task.FromResult(user);

        var claims = options.Value;
        string? First(string type) => user.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
        string? Joined(string type) => string.Join(',', user.FindAll(type).Select(c => c.Value)) is { Length: > 0 } joined ? joined : null;

        var principal = Principal.FromClaims(
            First(claims.UsernameClaim) ?? First("cognito:username") ?? First("sub") ?? "",
            user.FindAll(claims.GroupsClaim).SelectMany(c => GroupValues(c.Value)),
            Joined(claims.FullClaim), Joined(claims.EditClaim), Joined(claims.ReadClaim));

        var caller = new ClaimsIdentity(AuthenticationType);
        caller.AddClaim(new Claim(Username, principal.Username));
        caller.AddClaims(principal.Groups.Select(group => new Claim(Group, group)));
        caller.AddClaims(principal.FullPatterns.Select(pattern => new Claim(Full, pattern)));
        caller.AddClaims(principal.EditPatterns.Select(pattern => new Claim(Edit, pattern)));
        caller.AddClaims(principal.ReadPatterns.Select(pattern => new Claim(Read, pattern)));
        var transformed = user.Clone();
        transformed.AddIdentity(caller);
        return Task.FromResult(transformed);
    }

    /// <summary>The caller of this request; someone without a valid token is nobody (no name, no grants).</summary>
    public static Principal PrincipalOf(ClaimsPrincipal? user)
    {
        string[] All(string type) => user?.FindAll(type).Select(c => c.Value).ToArray() ?? [];
        return new Principal(user?.FindFirst(Username)?.Value ?? "", All(Group), All(Full), All(Edit), All(Read));
    }

    /// <summary>Arrays arrive as one claim per element; some providers send a JSON array or a comma string in one claim.</summary>
    private static IEnumerable<string> GroupValues(string value)
    {
        if (value.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<string[]>(value) ?? [];
            }
            catch (JsonException)
            {
            }
        }
        return [value];
    }
}
