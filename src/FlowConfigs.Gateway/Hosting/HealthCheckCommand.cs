using FlowConfigs.Gateway.Http;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// <c>FlowConfigs.Gateway health-check</c>: asks the running gateway's <c>/health/ready</c> on the internal port and
/// exits 0 when it answers 200. The container image has no shell or curl, so Docker's HEALTHCHECK runs this.
/// </summary>
internal static class HealthCheckCommand
{
    public const string Name = "health-check";

    /// <summary>The settings a one-shot command sees: the same sources as the gateway (appsettings, environment, switches).</summary>
    public static IConfiguration Configuration(string[] args) =>
        new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(args).Build();

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = Configuration(args);
        var ports = configuration.GetSection(PortsOptions.Section).Get<PortsOptions>() ?? new PortsOptions();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{ports.Internal}/health/ready");
            Console.WriteLine($"/health/ready: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"/health/ready on port {ports.Internal}: {exception.Message}");
            return 1;
        }
    }
}
