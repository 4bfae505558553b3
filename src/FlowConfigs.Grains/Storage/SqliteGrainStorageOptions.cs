using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Grains.Storage;

/// <summary>Where the embedded default keeps grain state: one SQLite file in a data directory.</summary>
public sealed class SqliteGrainStorageOptions
{
    [Required]
    public string DataDirectory { get; set; } = "./data";

    [Required]
    public string FileName { get; set; } = "flowconfigs.db";

    /// <summary>Revisions kept per grain, newest first; 0 keeps every one.</summary>
    [Range(0, int.MaxValue)]
    public int KeepRevisions { get; set; }

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
