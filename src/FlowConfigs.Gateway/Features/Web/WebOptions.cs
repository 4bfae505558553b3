namespace FlowConfigs.Gateway.Features.Web;

/// <summary>The web app: where its built files are and who may frame it.</summary>
public sealed class WebOptions
{
    public const string Section = "FlowConfigs:Web";

    /// <summary>The Vite build, copied beside the gateway at build time.</summary>
    public string RootPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "web");

    /// <summary>Every Amazon Connect instance's Agent Workspace: who may frame the app when no origins are configured.</summary>
    public static readonly IReadOnlyList<string> AnyConnectInstance = ["https://*.my.connect.aws", "https://*.awsapps.com"];

    /// <summary>
    /// Origins allowed to embed the app (<c>Content-Security-Policy: frame-ancestors</c>) besides the app itself; configured,
    /// they replace <see cref="AnyConnectInstance"/>, so a deployment can admit only its own instance. Empty rather than
    /// the default because the configuration binder appends to an array's initial items instead of replacing them.
    /// </summary>
    public string[] FrameAncestors { get; set; } = [];

    /// <summary>The origins <c>frame-ancestors</c> admits besides the app's own.</summary>
    public IReadOnlyList<string> FramingOrigins => FrameAncestors.Length > 0 ? FrameAncestors : AnyConnectInstance;
}
