namespace FlowConfigs.Domain.Configs;

/// <summary>What the list shows of a config, without its variables and prompts.</summary>
public sealed record FlowConfigSummary(string Id, string Description, long Version, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static FlowConfigSummary Of(FlowConfig config) =>
        new(config.Id, config.Description, config.Version, config.UpdatedAt, config.UpdatedBy);
}
