using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Grains.Storage.Sqlite;

/// <summary>Where the embedded default keeps documents: one SQLite file in a data directory.</summary>
public sealed class SqliteStorageOptions
{
    [Required]
    public string DataDirectory { get; set; } = "./data";

    [Required]
    public string FileName { get; set; } = "flowconfigs.db";

    /// <summary>Revisions kept per document, newest first; 0 keeps every one.</summary>
    [Range(0, int.MaxValue)]
    public int KeepRevisions { get; set; }

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
