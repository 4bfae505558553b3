using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>A misconfigured AWS provider stops the gateway at start with the setting to fix, not on a user's first click.</summary>
public sealed class StartupErrorTests(CedarEngine cedar) : IClassFixture<CedarEngine>, IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-startup-" + Guid.NewGuid().ToString("N"));

    private static readonly Dictionary<string, string> NoAwsChain = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "",
        ["AWS_SECRET_ACCESS_KEY"] = "",
        ["AWS_SESSION_TOKEN"] = "",
        ["AWS_REGION"] = "",
        ["AWS_DEFAULT_REGION"] = "",
        ["AWS_PROFILE"] = "",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
        ["AWS_CONFIG_FILE"] = "/nonexistent/config",
    };

    private async Task<string> StartupErrorAsync(Dictionary<string, string> settings)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(_dataDirectory, settings: settings));
        return error.Message;
    }

    private Dictionary<string, string> Avp(string policyStoreId) => new()
    {
        ["FlowConfigs__Authorization__Provider"] = "VerifiedPermissions",
        ["FlowConfigs__Authorization__VerifiedPermissions__PolicyStoreId"] = policyStoreId,
        ["FlowConfigs__Authorization__VerifiedPermissions__ServiceUrl"] = cedar.Endpoint.Url,
        ["FlowConfigs__Authorization__VerifiedPermissions__Region"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
    };

    [Fact]
    public async Task A_policy_store_that_does_not_exist()
    {
        Assert.Contains("FlowConfigs cannot start: authorization: VerifiedPermissions ResourceNotFoundException (404): The policy store was not found",
            await StartupErrorAsync(Avp("PSdoesnotexist")));
    }

    [Fact]
    public async Task No_policy_store_id()
    {
        Assert.Contains("FlowConfigs:Authorization:VerifiedPermissions:PolicyStoreId is empty", await StartupErrorAsync(Avp("")));
    }

    [Fact]
    public async Task Polly_with_a_region_that_is_not_one()
    {
        Assert.Contains("FlowConfigs:Speech:Polly:Region 'mars' is not an AWS region", await StartupErrorAsync(new()
        {
            ["FlowConfigs__Speech__Provider"] = "Polly",
            ["FlowConfigs__Speech__Polly__Region"] = "mars",
        }));
    }

    [Fact]
    public async Task Polly_without_region_or_credentials()
    {
        var settings = new Dictionary<string, string>(NoAwsChain) { ["FlowConfigs__Speech__Provider"] = "Polly" };
        Assert.Contains("No AWS region: set AWS_REGION", await StartupErrorAsync(settings));
        settings["AWS_REGION"] = "eu-west-1";
        Assert.Contains("No AWS credentials for polly", await StartupErrorAsync(settings));
    }

    [Fact]
    public async Task DynamoDB_without_credentials_or_with_a_bad_region()
    {
        var settings = new Dictionary<string, string>(NoAwsChain)
        {
            ["FlowConfigs__Storage__Provider"] = "DynamoDB",
            ["FlowConfigs__Storage__DynamoDB__Region"] = "eu-west-1",
        };
        var noCredentials = await StartupErrorAsync(settings);
        Assert.True(noCredentials.Contains("DynamoDB could not be reached for table 'FlowConfigs' (region eu-west-1"), noCredentials);
        Assert.Contains("credentials (AWS_ACCESS_KEY_ID, AWS_PROFILE or the task role)", noCredentials);

        settings["FlowConfigs__Storage__DynamoDB__Region"] = "Europe";
        Assert.Contains("FlowConfigs:Storage:DynamoDB:Region 'Europe' is not an AWS region", await StartupErrorAsync(settings));
    }

    [Theory]
    [InlineData("FlowConfigs__Storage__Provider", "Postgres", "'Sqlite' or 'DynamoDB'")]
    [InlineData("FlowConfigs__Clustering__Provider", "Consul", "'Localhost' or 'Redis'")]
    [InlineData("FlowConfigs__Identity__Provider", "Saml", "'Development' or 'Oidc'")]
    // Numbers and flag lists are what the framework's enum conversion would have let through.
    [InlineData("FlowConfigs__Authorization__Provider", "1", "'Local' or 'VerifiedPermissions'")]
    [InlineData("FlowConfigs__Speech__Provider", "Espeak, Polly", "'Espeak' or 'Polly'")]
    public async Task A_provider_that_is_not_one(string setting, string value, string allowed)
    {
        var error = await StartupErrorAsync(new() { [setting] = value });
        Assert.Contains($"'{value}' at '{setting.Replace("__", ":")}'", error);
        Assert.Contains($"use {allowed}.", error);
    }

    [Fact]
    public async Task A_usage_flush_interval_past_10_seconds()
    {
        // A longer interval would break the promise that a lost task loses at most 10 s of counts.
        var error = await StartupErrorAsync(new() { ["FlowConfigs__Usage__FlushEvery"] = "00:01:00" });
        Assert.Contains("FlushEvery", error);
        Assert.Contains("00:00:10", error);
    }

    [Fact]
    public async Task Redis_clustering_without_a_connection_string()
    {
        Assert.Contains("FlowConfigs:Clustering:Provider is 'Redis' but FlowConfigs:Clustering:Redis:ConnectionString is empty.",
            await StartupErrorAsync(new() { ["FlowConfigs__Clustering__Provider"] = "Redis" }));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
