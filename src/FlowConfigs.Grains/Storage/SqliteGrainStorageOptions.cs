namespace FlowConfigs.Grains.Storage;

/// <summary>Where the embedded default keeps grain state: one SQLite file in a data directory.</summary>
public sealed class SqliteGrainStorageOptions
{
    public string DataDirectory { get; set; } = "./data";

    public string FileName { get; set; } = "flowconfigs.db";

    /// <summary>Revisions kept per grain, newest first; 0 keeps every one.</summary>
    public int KeepRevisions { get; set; }

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
