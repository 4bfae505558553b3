namespace FlowConfigs.Gateway.Hosting.Aws;

/// <summary>
/// Where one AWS service is reached. Both are normally empty: the region comes from the standard chain
/// (<c>AWS_REGION</c>, profile, instance metadata) and the endpoint from the region.
/// </summary>
public class AwsServiceOptions
{
    /// <summary>Overrides the region from the AWS chain.</summary>
    public string? Region { get; set; }

    /// <summary>Only for a local or private endpoint (tests, VPC endpoints with custom DNS).</summary>
    public string? ServiceUrl { get; set; }
}
