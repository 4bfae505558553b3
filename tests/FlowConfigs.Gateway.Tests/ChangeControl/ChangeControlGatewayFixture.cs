using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.ChangeControl;

/// <summary>
/// The real gateway with approval rules: <c>queue/*</c> needs one approval, <c>bank/*</c> two; anything else none.
/// Users: alice and bob edit, carol and dave have Full on queue/* and bank/*, admin is FlowConfigAdmin.
/// </summary>
public sealed class ChangeControlGatewayFixture : GatewayFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var admin = await UserAsync("admin");
        var settings = (await admin.GetFromJsonAsync<JsonObject>("/api/settings"))!;
        settings["approvals"] = new JsonArray(
            new JsonObject { ["pattern"] = "queue/*", ["approvers"] = 1 },
            new JsonObject { ["pattern"] = "bank/*", ["approvers"] = 2 });
        using var saved = await admin.PutAsync("/api/settings", Documents.Json(settings));
        saved.EnsureSuccessStatusCode();
    }

    public async Task<HttpClient> UserAsync(string name) => PublicClient(name switch
    {
        "admin" => await TokenAsync("admin", ["FlowConfigAdmin"]),
        "alice" or "bob" => await TokenAsync(name, [], edit: "queue/*,bank/*,open/*"),
        "carol" or "dave" or "erin" => await TokenAsync(name, [], full: "queue/*,bank/*,open/*"),
        _ => throw new ArgumentException(name),
    });
}
