namespace FlowConfigs.Grains;

/// <summary>Names grains use for their storage; the host decides what provider stands behind each.</summary>
public static class StorageNames
{
    public const string FlowConfigs = "flowconfigs";
}
