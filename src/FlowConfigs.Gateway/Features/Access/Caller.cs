using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Gateway.Features.Identity;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>The signed-in caller as the domain sees them, read once per request from the validated token's claims.</summary>
internal static class Caller
{
    private static readonly object ItemKey = new();

    public static Principal Of(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is Principal principal)
            return principal;

        var claims = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var user = context.User;
        string? First(string type) => user.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
        string? Joined(string type) => string.Join(',', user.FindAll(type).Select(c => c.Value)) is { Length: > 0 } joined ? joined : null;

        var username = First(claims.UsernameClaim) ?? First("cognito:username") ?? First("sub") ?? "";
        var groups = user.FindAll(claims.GroupsClaim).SelectMany(c => GroupValues(c.Value));
        principal = Principal.FromClaims(username, groups, Joined(claims.FullClaim), Joined(claims.EditClaim), Joined(claims.ReadClaim));
        context.Items[ItemKey] = principal;
        return principal;
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
