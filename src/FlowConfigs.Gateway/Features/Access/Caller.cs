using FlowConfigs.Domain.Access;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>The signed-in caller as the domain sees them. (Placeholder until the identity feature lands.)</summary>
internal static class Caller
{
    public static Principal Of(HttpContext context) =>
        Principal.FromClaims(context.User.Identity?.Name ?? "", [], null, null, null);
}
