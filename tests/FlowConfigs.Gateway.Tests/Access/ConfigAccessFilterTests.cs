using FlowConfigs.Domain.Access;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace FlowConfigs.Gateway.Tests.Access;

public sealed class ConfigAccessFilterTests
{
    private static IEnumerable<Endpoint> Endpoints(Action<RouteGroupBuilder> map)
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        map(app.MapGroup("/api/flow-config").WithConfigAccessCheck());
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).ToArray();
    }

    [Fact]
    public void A_config_route_that_declares_no_access_requirement_fails_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Endpoints(group => group.MapGet("/{id}", (ConfigId configId) => configId.Value)));
        Assert.Contains("declares no RequiresConfigAccess", error.Message);
    }

    [Fact]
    public void Routes_that_declare_their_requirement_or_bind_no_config_id_build()
    {
        var endpoints = Endpoints(group =>
        {
            group.MapGet("/{id}", (ConfigId configId) => configId.Value).RequiresConfigAccess(AccessLevel.Read, "Reading");
            group.MapGet("/", () => "list");
        });
        Assert.Equal(2, endpoints.Count());
    }
}
