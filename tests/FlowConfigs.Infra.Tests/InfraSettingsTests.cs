using Amazon.CDK;

namespace FlowConfigs.Infra.Tests;

/// <summary>
/// Settings that would deploy something broken, found only afterwards, stop synth with a sentence naming the setting:
/// from context, and for settings a caller builds itself, before the stack builds anything.
/// </summary>
[Collection(SynthesisCollection.Name)]
public sealed class InfraSettingsTests
{
    private const string CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

    private static App Context(params (string Key, string Value)[] values) => new(new AppProps
    {
        Context = values.Append((Key: "connectInstanceArn", Value: SynthesizedStack.ConnectInstanceArn)).ToDictionary(v => v.Key, object (v) => v.Value),
    });

    private static InfraSettings Direct(string? domain, string? certificateArn) => new()
    {
        ConnectInstanceArn = SynthesizedStack.ConnectInstanceArn, Domain = domain, CertificateArn = certificateArn,
    };

    /// <summary>Every way in refuses the settings with the same message.</summary>
    private static string Refused(App context, InfraSettings direct)
    {
        var fromContext = Assert.Throws<ArgumentException>(() => InfraSettings.FromContext(context)).Message;
        Assert.Equal(fromContext, Assert.Throws<ArgumentException>(() => direct.Validate()).Message);
        Assert.Equal(fromContext, Assert.Throws<ArgumentException>(() => FlowConfigsStack.Create(new App(), direct)).Message);
        return fromContext;
    }

    [Fact]
    public void A_domain_without_a_certificate_is_refused_naming_both()
    {
        // The app's URL would be https://<domain> while the load balancer listens on http only.
        var message = Refused(Context(("domain", "flowconfigs.example.com")), Direct("flowconfigs.example.com", null));
        Assert.Contains("domain 'flowconfigs.example.com' needs certificateArn", message);
        Assert.Contains("-c certificateArn=", message);
    }

    [Fact]
    public void A_certificate_without_a_domain_is_refused_naming_both()
    {
        var message = Refused(Context(("certificateArn", CertificateArn)), Direct(null, CertificateArn));
        Assert.Contains("certificateArn is given without domain", message);
        Assert.Contains("-c domain=", message);
    }

    [Fact]
    public void A_domain_that_is_not_a_host_name_is_refused()
    {
        var message = Refused(Context(("domain", "https://flowconfigs.example.com"), ("certificateArn", CertificateArn)),
            Direct("https://flowconfigs.example.com", CertificateArn));
        Assert.Contains("domain 'https://flowconfigs.example.com' is not a host name", message);
    }

    [Fact]
    public void Both_or_neither_of_domain_and_certificate_are_accepted()
    {
        var both = InfraSettings.FromContext(Context(("domain", "flowconfigs.example.com"), ("certificateArn", CertificateArn)));
        Assert.Equal(("flowconfigs.example.com", CertificateArn), (both.Domain, both.CertificateArn));
        var neither = InfraSettings.FromContext(Context());
        Assert.Null(neither.Domain);
        Assert.Null(neither.CertificateArn);
        Assert.Same(both, both.Validate());
    }
}
