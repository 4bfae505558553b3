using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Grains.Storage.DynamoDb;

/// <summary>
/// The DynamoDB tables: configs (and the settings item) keyed <c>id</c>, laid out as native maps so they read
/// well in the console and match the seed project's table; revisions keyed <c>id</c> + <c>version</c>.
/// Region and credentials come from the standard AWS chain (<c>AWS_REGION</c>, <c>AWS_ACCESS_KEY_ID</c>, roles).
/// </summary>
public sealed class DynamoDbStorageOptions
{
    [Required]
    public string TableName { get; set; } = "FlowConfigs";

    [Required]
    public string RevisionsTableName { get; set; } = "FlowConfigRevisions";

    /// <summary>Only for a local endpoint (dynalite, DynamoDB Local); empty in AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Overrides the region from the AWS chain; needed with <see cref="ServiceUrl"/>.</summary>
    public string? Region { get; set; }

    /// <summary>Revisions kept per config, newest first; 0 keeps every one.</summary>
    [Range(0, int.MaxValue)]
    public int KeepRevisions { get; set; }

    /// <summary>Create missing tables at start (local development); in AWS the CDK app creates them.</summary>
    public bool CreateTables { get; set; }

    /// <summary>How long a written-but-uncommitted revision blocks its version before another writer may replace it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RevisionLease { get; set; } = TimeSpan.FromSeconds(30);
}
