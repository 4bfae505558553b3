using System.Net.Mail;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace FlowConfigs.Infra;

/// <summary>
/// The topic every alarm in the stack notifies, both when it goes off and when it clears, with the on-call addresses
/// from <see cref="InfraSettings.AlertEmails"/> subscribed by e-mail.
/// </summary>
internal sealed class OnCallAlerts : Construct
{
    public Topic Topic { get; }

    public OnCallAlerts(Construct scope, string id, InfraSettings settings) : base(scope, id)
    {
        // Checked before anything else is built: the GetConfig bundle is published while the stack is constructed,
        // and a typo should not cost that wait.
        foreach (var address in settings.AlertEmails)
            if (!IsAddress(address))
                throw new ArgumentException(
                    $"alertEmails '{address}' is not an e-mail address; give addresses separated by commas, such as -c alertEmails=oncall@example.com,ops@example.com.");

        // The topic's own key: an AWS-managed SNS key cannot be used by CloudWatch, so alarms could not publish to a
        // topic encrypted with it. Only messages in flight are ever encrypted with this key, so it goes with the stack.
        var key = new Key(this, "Key", new KeyProps
        {
            Description = $"FlowConfigs-{settings.EnvironmentName} alarm notifications",
            EnableKeyRotation = true,
            PendingWindow = Duration.Days(7),
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchAlarmsPublish",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resources = ["*"],
        }));
        Topic = new Topic(this, "Topic", new TopicProps
        {
            TopicName = $"FlowConfigs-{settings.EnvironmentName}-alarms",
            DisplayName = $"FlowConfigs {settings.EnvironmentName} alarms",
            // No EnforceSSL: its topic policy would replace the default one CloudWatch alarms publish through.
            MasterKey = key,
        });
        foreach (var address in settings.AlertEmails)
            Topic.AddSubscription(new EmailSubscription(address));

        // An aspect rather than a call per alarm, so an alarm added to the stack later cannot be forgotten.
        Aspects.Of(Stack.Of(this)).Add(new NotifyTopic(new SnsAction(Topic)));
    }

    /// <summary>A bare address (no display name, no angle brackets) with a dotted domain, as SNS e-mail endpoints take.</summary>
    private static bool IsAddress(string value) =>
        MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && parsed.Host.Contains('.');

    /// <summary>A DeputyBase so the JSII runtime can call back into it while the CDK's Node side synthesizes.</summary>
    private sealed class NotifyTopic(IAlarmAction action) : DeputyBase, IAspect
    {
        public void Visit(IConstruct node)
        {
            if (node is not Alarm alarm) return;
            alarm.AddAlarmAction(action);
            alarm.AddOkAction(action);
        }
    }
}
