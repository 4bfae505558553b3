using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Gateway.Hosting;

[TypeConverter(typeof(ProviderConverter<StorageProvider>))]
public enum StorageProvider
{
    Sqlite,
    DynamoDB,
}

/// <summary>
/// The settings every storage provider shares. The chosen provider's own options bind from this section too (and the
/// DynamoDB provider's from <see cref="DynamoDBSection"/> after it), so a setting reaches the provider without a copy.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "FlowConfigs:Storage";

    /// <summary>Tables, endpoint, region and revision lease of the DynamoDB provider.</summary>
    public const string DynamoDBSection = Section + ":DynamoDB";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file and the development issuer's key. Relative paths are resolved against the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Revisions kept per config, newest first; 0 (the default) keeps the whole history.</summary>
    [Range(0, int.MaxValue)]
    public int KeepRevisions { get; set; }
}
