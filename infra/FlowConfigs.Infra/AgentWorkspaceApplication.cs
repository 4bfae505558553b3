using Amazon.CDK.AWS.AppIntegrations;
using Amazon.CDK.AWS.Connect;
using Constructs;

namespace FlowConfigs.Infra;

/// <summary>
/// The web app as a third-party application of the Connect instance, so agents and supervisors whose security
/// profile grants it open FlowConfigs from the Agent Workspace's app launcher.
/// </summary>
/// <remarks>
/// The workspace frames the app's URL; the gateway's default <c>frame-ancestors</c> already admit every Connect
/// instance's origins (<c>https://*.my.connect.aws</c>, <c>https://*.awsapps.com</c>), and with
/// <see cref="InfraSettings.ConnectInstanceUrl"/> the stack narrows them to this instance's.
/// </remarks>
internal sealed class AgentWorkspaceApplication : Construct
{
    public CfnApplication Application { get; }

    /// <param name="appUrl">The web app's https origin, which the workspace loads and accepts messages from.</param>
    public AgentWorkspaceApplication(Construct scope, string id, InfraSettings settings, string appUrl) : base(scope, id)
    {
        Application = new CfnApplication(this, "Application", new CfnApplicationProps
        {
            Name = $"FlowConfigs-{settings.EnvironmentName}",
            Namespace = $"flowconfigs-{settings.EnvironmentName}",
            Description = "FlowConfigs: the variables and prompts contact flows read",
            ApplicationSourceConfig = new CfnApplication.ApplicationSourceConfigProperty
            {
                ExternalUrlConfig = new CfnApplication.ExternalUrlConfigProperty { AccessUrl = appUrl, ApprovedOrigins = [appUrl] },
            },
        });
        _ = new CfnIntegrationAssociation(this, "Association", new CfnIntegrationAssociationProps
        {
            InstanceId = settings.ConnectInstanceArn,
            IntegrationType = "APPLICATION",
            IntegrationArn = Application.AttrApplicationArn,
        });
    }
}
