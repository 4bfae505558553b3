using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>Which storage keeps configs and settings. The embedded default is one SQLite file in <see cref="DataDirectory"/>.</summary>
public sealed class StorageOptions
{
    public const string Section = "FlowConfigs:Storage";

    [Required]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Relative paths are resolved against the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Table names, endpoint and region when <see cref="Provider"/> is <c>DynamoDB</c>.</summary>
    public FlowConfigs.Grains.Storage.DynamoDb.DynamoDbStorageOptions DynamoDB { get; set; } = new();

    /// <summary>Revisions kept per config, newest first; 0 (the default) keeps the whole history.</summary>
    [Range(0, int.MaxValue)]
    public int KeepRevisions { get; set; }
}
