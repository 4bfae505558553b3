using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Domain;
using FlowConfigs.Domain.ChangeControl;

namespace FlowConfigs.Gateway.Features.ChangeControl;

/// <summary>A draft as the API shows it: its stored fields, and how many approvals its config needs now (from the settings).</summary>
internal static class DraftJson
{
    public static JsonObject Of(ConfigDraft draft, int approvalsRequired)
    {
        var json = JsonSerializer.SerializeToNode(draft, DomainJson.Options)!.AsObject();
        json["approvalsRequired"] = approvalsRequired;
        return json;
    }
}
