using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>The flow-config API on the public port: list, read, save, delete, resolve, preview, export, import.</summary>
internal static class FlowConfigsApi
{
    /// <summary>A stored document is at most 400 KB; leave room for JSON whitespace a client may send.</summary>
    public const int MaxConfigBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapFlowConfigsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/flow-config").RequireAuthorization().WithConfigAccessCheck().WithTags("Flow configs");

        group.MapGet("/", FlowConfigListEndpoint.ListAsync).WithName("ListFlowConfigs");
        group.MapGet("/export", FlowConfigTransferEndpoints.ExportAsync).WithName("ExportFlowConfigs");
        group.MapPost("/import", FlowConfigImportEndpoint.ImportAsync).WithName("ImportFlowConfigs")
            .Accepts<FlowConfig[]>("application/json");
        group.MapPost("/preview", FlowConfigResolveEndpoints.PreviewAsync).WithName("PreviewFlowConfig")
            .Accepts<PreviewRequest>("application/json");

        group.MapGet("/{id}", FlowConfigEndpoints.GetAsync).WithName("GetFlowConfig")
            .RequiresConfigAccess(AccessLevel.Read, "Reading");
        group.MapMethods("/{id}", [HttpMethods.Post, HttpMethods.Put], FlowConfigEndpoints.SaveAsync).WithName("SaveFlowConfig")
            .Accepts<FlowConfig>("application/json").RequiresConfigAccess(AccessLevel.Edit, "Saving");
        group.MapDelete("/{id}", FlowConfigEndpoints.DeleteAsync).WithName("DeleteFlowConfig")
            .RequiresConfigAccess(AccessLevel.Full, "Deleting");
        group.MapGet("/{id}/resolve", FlowConfigResolveEndpoints.ResolveAsync).WithName("ResolveFlowConfig")
            .RequiresConfigAccess(AccessLevel.Read, "Resolving");
        group.MapGet("/{id}/timeline", FlowConfigTimelineEndpoint.TimelineAsync).WithName("FlowConfigTimeline")
            .RequiresConfigAccess(AccessLevel.Read, "Reading the timeline of");
        return app;
    }
}
