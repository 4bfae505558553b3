using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Hosting.Aws;

namespace FlowConfigs.Gateway.Features.Access;

[TypeConverter(typeof(ProviderConverter<AuthorizationProvider>))]
public enum AuthorizationProvider
{
    Local,
    VerifiedPermissions,
}

/// <summary>Who decides access: the in-process engine (embedded default) or Amazon Verified Permissions.</summary>
public sealed class AuthorizationProviderOptions
{
    public const string Section = "FlowConfigs:Authorization";

    public AuthorizationProvider Provider { get; set; } = AuthorizationProvider.Local;

    public VerifiedPermissionsOptions VerifiedPermissions { get; set; } = new();
}

public sealed class VerifiedPermissionsOptions : AwsServiceOptions
{
    /// <summary>The policy store loaded with <c>policies/*.cedar</c> and its schema (the CDK app creates it).</summary>
    public string? PolicyStoreId { get; set; }

    /// <summary>How long a decision is reused. Policy changes in the store take effect within this time.</summary>
    [Range(0, 3600)]
    public int DecisionCacheSeconds { get; set; } = 30;

    /// <summary>
    /// False (default): ids whose matching tag patterns are the same get one decision, because the shipped policies
    /// decide on groups and matched patterns only; a list of 10,000 configs then costs a handful of calls. Set true if
    /// you add policies that name individual configs: every id is then asked about (in batches of 30).
    /// </summary>
    public bool DecidePerId { get; set; }

    /// <summary>BatchIsAuthorized calls in flight at once for one list.</summary>
    [Range(1, 32)]
    public int MaxConcurrentBatches { get; set; } = 4;
}
