using Amazon.CDK;
using Constructs;

namespace FlowConfigs.Infra;

/// <summary>
/// What differs between deployments, from CDK context (<c>cdk deploy -c environment=prod -c connectInstanceArn=...</c>)
/// or given directly by a test.
/// </summary>
public sealed record InfraSettings
{
    /// <summary>Names every resource: FlowConfigs-{Environment}.</summary>
    public string EnvironmentName { get; init; } = "dev";

    /// <summary>The Amazon Connect instance allowed to invoke the GetConfig Lambda.</summary>
    public required string ConnectInstanceArn { get; init; }

    /// <summary>
    /// The web app's host name (Cognito callback and logout URLs, the Agent Workspace application); empty means the
    /// internal ALB's own name over http. Given only together with <see cref="CertificateArn"/>.
    /// </summary>
    public string? Domain { get; init; }

    /// <summary>An ACM certificate for <see cref="Domain"/>; with it the ALB listens on 443. Given only together with the domain.</summary>
    public string? CertificateArn { get; init; }

    /// <summary>
    /// The Connect instance's access URL (<c>https://&lt;alias&gt;.my.connect.aws</c>), the one origin then allowed to frame
    /// the web app; empty leaves the gateway's default, every Connect instance's origins. The alias is not part of
    /// <see cref="ConnectInstanceArn"/>, so it is given on its own.
    /// </summary>
    public string? ConnectInstanceUrl { get; init; }

    /// <summary>Cognito hosted-UI prefix (globally unique); defaults to flowconfigs-{environment}.</summary>
    public string? CognitoDomainPrefix { get; init; }

    /// <summary>A prebuilt gateway image (ECR URI); empty builds the repository's Dockerfile as an asset.</summary>
    public string? Image { get; init; }

    /// <summary>
    /// An existing EventBridge bus (name) that receives change events; empty sends none. The task role may put events on
    /// that bus and nothing else.
    /// </summary>
    public string? EventBusName { get; init; }

    public int MinTasks { get; init; } = 2;
    public int MaxTasks { get; init; } = 10;
    public int TaskCpu { get; init; } = 1024;
    public int TaskMemoryMiB { get; init; } = 2048;
    public string RedisNodeType { get; init; } = "cache.t4g.small";

    /// <summary>
    /// Who is told when an alarm goes off or clears: each address gets an e-mail subscription to the alarm topic (AWS
    /// sends each a confirmation first). Empty leaves the topic without subscribers.
    /// </summary>
    public IReadOnlyList<string> AlertEmails { get; init; } = [];

    /// <summary>Who may reach the internal ALB's API/web listener (admins on the VPN, the Connect agent workspace).</summary>
    public string AllowedCidr { get; init; } = "10.0.0.0/8";

    public static InfraSettings FromContext(Construct scope)
    {
        string? Text(string key) => scope.Node.TryGetContext(key) is string { Length: > 0 } value ? value : null;
        int Number(string key, int fallback) => Text(key) is { } value ? int.Parse(value) : fallback;
        return new InfraSettings
        {
            EnvironmentName = Text("environment") ?? "dev",
            ConnectInstanceArn = Text("connectInstanceArn")
                ?? throw new ArgumentException("Set -c connectInstanceArn=arn:aws:connect:<region>:<account>:instance/<id> (the instance that calls GetConfig)."),
            Domain = Text("domain"),
            CertificateArn = Text("certificateArn"),
            ConnectInstanceUrl = Text("connectInstanceUrl"),
            CognitoDomainPrefix = Text("cognitoDomainPrefix"),
            Image = Text("image"),
            EventBusName = Text("eventBusName"),
            AlertEmails = Text("alertEmails")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
            MinTasks = Number("minTasks", 2),
            MaxTasks = Number("maxTasks", 10),
            TaskCpu = Number("taskCpu", 1024),
            TaskMemoryMiB = Number("taskMemoryMiB", 2048),
            RedisNodeType = Text("redisNodeType") ?? "cache.t4g.small",
            AllowedCidr = Text("allowedCidr") ?? "10.0.0.0/8",
        }.Validate();
    }

    /// <summary>
    /// Stops synth on settings that would deploy something broken only found afterwards, naming the setting to fix.
    /// The stack calls it too, for settings built without <see cref="FromContext"/>.
    /// </summary>
    public InfraSettings Validate()
    {
        switch (Domain, CertificateArn)
        {
            case ({ } domain, null):
                throw new ArgumentException(
                    $"domain '{domain}' needs certificateArn: the web app's URL is then https://{domain} (Cognito's callback, the Agent Workspace), " +
                    "but without a certificate the load balancer listens on http only. Add -c certificateArn=arn:aws:acm:... (a certificate for that name) or leave out domain.");
            case (null, { }):
                throw new ArgumentException(
                    "certificateArn is given without domain: the certificate is for the web app's host name, and without domain the app's URL is the " +
                    "load balancer's own name over http. Add -c domain=<the certificate's host name> or leave out certificateArn.");
            case ({ } domain, _) when Uri.CheckHostName(domain) != UriHostNameType.Dns:
                throw new ArgumentException($"domain '{domain}' is not a host name; give the name alone, such as -c domain=flowconfigs.example.com.");
        }
        // A name, so the grant on it names exactly this stack's account and region.
        if (EventBusName is { } busName && !System.Text.RegularExpressions.Regex.IsMatch(busName, "^[A-Za-z0-9._-]{1,256}$"))
            throw new ArgumentException($"eventBusName '{busName}' is not an event bus name (letters, digits, '.', '-', '_'; not an ARN).");
        if (ConnectInstanceUrl is { } url && OriginOf(url) is null)
            throw new ArgumentException(
                $"connectInstanceUrl '{url}' is not a Connect instance's access URL; give https and the host alone, such as -c connectInstanceUrl=https://mycenter.my.connect.aws.");
        return this;
    }

    /// <summary><see cref="ConnectInstanceUrl"/> as the origin a <c>frame-ancestors</c> source names.</summary>
    public string? ConnectInstanceOrigin => ConnectInstanceUrl is { } url ? OriginOf(url) : null;

    /// <summary>The origin of an https URL that is a host alone (no path, query, port or user), else null.</summary>
    private static string? OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.HostNameType == UriHostNameType.Dns
        && uri.IsDefaultPort && uri.UserInfo.Length == 0 && uri.PathAndQuery == "/" && uri.Fragment.Length == 0 && !url.EndsWith('?') && !url.EndsWith('#')
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
