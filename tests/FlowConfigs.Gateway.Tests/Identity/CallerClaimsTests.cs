using System.Security.Claims;
using FlowConfigs.Gateway.Features.Identity;
using Microsoft.Extensions.Options;
using Xunit;

namespace FlowConfigs.Gateway.Tests.Identity;

public sealed class CallerClaimsTests
{
    private static readonly CallerClaims Transformation = new(Options.Create(new IdentityOptions
    {
        UsernameClaim = "preferred_username",
        GroupsClaim = "groups",
        FullClaim = "full",
        ReadClaim = "read",
    }));

    [Fact]
    public async Task The_configured_claims_become_the_caller_whatever_shape_the_provider_sends()
    {
        var token = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("preferred_username", "alice"),
            new Claim("groups", "[\"FlowConfigEdit\",\"Other\"]"),
            new Claim("groups", "FlowConfigRead, Extra"),
            new Claim("full", "team-a/*, team-b/x"),
            new Claim("custom:FlowConfigRead", "ignored-*"),
        ], "Bearer"));

        var caller = CallerClaims.PrincipalOf(await Transformation.TransformAsync(token));

        Assert.Equal("alice", caller.Username);
        Assert.Equal(["FlowConfigEdit", "Other", "FlowConfigRead", "Extra"], caller.Groups);
        Assert.Equal(["team-a/*", "team-b/x"], caller.FullPatterns);
        Assert.Empty(caller.ReadPatterns);
    }

    [Fact]
    public async Task Transforming_twice_adds_the_caller_once()
    {
        var token = new ClaimsPrincipal(new ClaimsIdentity([new Claim("preferred_username", "bob"), new Claim("groups", "G")], "Bearer"));
        var twice = await Transformation.TransformAsync(await Transformation.TransformAsync(token));

        Assert.Equal(2, twice.Identities.Count());
        Assert.Equal(["G"], CallerClaims.PrincipalOf(twice).Groups);
    }

    [Fact]
    public void Without_a_token_the_caller_is_nobody()
    {
        var caller = CallerClaims.PrincipalOf(new ClaimsPrincipal(new ClaimsIdentity()));
        Assert.Equal("", caller.Username);
        Assert.Empty(caller.Groups);
    }
}
