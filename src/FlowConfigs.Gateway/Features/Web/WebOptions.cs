namespace FlowConfigs.Gateway.Features.Web;

/// <summary>The web app: where its built files are and who may frame it.</summary>
public sealed class WebOptions
{
    public const string Section = "FlowConfigs:Web";

    /// <summary>The Vite build, copied beside the gateway at build time.</summary>
    public string RootPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "web");

    /// <summary>
    /// Origins allowed to embed the app (<c>Content-Security-Policy: frame-ancestors</c>): the Amazon Connect Agent
    /// Workspace by default, plus the app itself.
    /// </summary>
    public string[] FrameAncestors { get; set; } = ["https://*.my.connect.aws", "https://*.awsapps.com"];
}
