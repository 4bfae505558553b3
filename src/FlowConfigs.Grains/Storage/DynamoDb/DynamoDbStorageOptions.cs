using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Grains.Storage.DynamoDb;

/// <summary>
/// The DynamoDB tables: documents keyed <c>id</c>, laid out as native maps so they read well in the console and match
/// the seed project's table; revisions keyed <c>id</c> + <c>version</c>. Region and credentials come from the
/// standard AWS chain (<c>AWS_REGION</c>, <c>AWS_ACCESS_KEY_ID</c>, roles).
/// </summary>
public sealed class DynamoDbStorageOptions : IValidatableObject
{
    // DynamoDB's own rule for table names; checked at start so a typo is not reported as unreachable storage.
    private const string TableNamePattern = "^[A-Za-z0-9_.-]{3,255}$";
    private const string TableNameRule = "DynamoDB table names are 3 to 255 characters of letters, digits, '_', '-' and '.'.";

    [Required, RegularExpression(TableNamePattern, ErrorMessage = "FlowConfigs:Storage:DynamoDB:TableName: " + TableNameRule)]
    public string TableName { get; set; } = "FlowConfigs";

    [Required, RegularExpression(TableNamePattern, ErrorMessage = "FlowConfigs:Storage:DynamoDB:RevisionsTableName: " + TableNameRule)]
    public string RevisionsTableName { get; set; } = "FlowConfigRevisions";

    /// <summary>
    /// How a document kind's ids become item ids. <c>{id}</c> keeps the id (flow configs, as the seed project lays them
    /// out); a format without <c>{id}</c> is one fixed item (the settings). Kinds not listed get <c>{kind}#{id}</c>, so
    /// new kinds share the table without clashing: flow config ids never contain <c>#</c>.
    /// </summary>
    public Dictionary<string, string> ItemIds { get; set; } = new(StringComparer.Ordinal)
    {
        ["flowconfig"] = "{id}",
        ["settings"] = "application-settings",
    };

    /// <summary>Only for a local endpoint (dynalite, DynamoDB Local); empty in AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Overrides the region from the AWS chain; needed with <see cref="ServiceUrl"/>.</summary>
    public string? Region { get; set; }

    /// <summary>Revisions kept per document, newest first; 0 keeps every one.</summary>
    [Range(0, int.MaxValue)]
    public int KeepRevisions { get; set; }

    /// <summary>Create missing tables at start (local development); in AWS the CDK app creates them.</summary>
    public bool CreateTables { get; set; }

    /// <summary>How long a written-but-uncommitted revision blocks its version before another writer may replace it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RevisionLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// One attempt's limit. DynamoDB answers in milliseconds; a request still open after this is a network or service
    /// fault, and a save had better answer 503 at once than hold the caller.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest an item write can take once sent: two attempts of <see cref="RequestTimeout"/> (the client retries
    /// once) and a second for the back-off between them. A writer with less than this left of its lease does not send it.
    /// </summary>
    internal TimeSpan ItemPutBudget => RequestTimeout * 2 + TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RevisionLease < ItemPutBudget * 2)
            yield return new ValidationResult(
                $"FlowConfigs:Storage:DynamoDB:RevisionLease ({RevisionLease}) must be at least {ItemPutBudget * 2}: twice the longest an item " +
                "write may take with RequestTimeout, so that a save has time to finish within its lease.", [nameof(RevisionLease)]);
        foreach (var (kind, format) in ItemIds)
        {
            if (string.IsNullOrWhiteSpace(format))
                yield return new ValidationResult($"FlowConfigs:Storage:DynamoDB:ItemIds:{kind} is empty.", [nameof(ItemIds)]);
            else if (format.Contains("{id}", StringComparison.Ordinal) && !format.EndsWith("{id}", StringComparison.Ordinal))
                yield return new ValidationResult(
                    $"FlowConfigs:Storage:DynamoDB:ItemIds:{kind} '{format}' must end with {{id}} (a prefix only).", [nameof(ItemIds)]);
        }
    }
}
