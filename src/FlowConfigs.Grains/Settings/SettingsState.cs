using FlowConfigs.Domain.Settings;

namespace FlowConfigs.Grains.Settings;

public sealed class SettingsState
{
    public AppSettings? Settings { get; set; }
}
