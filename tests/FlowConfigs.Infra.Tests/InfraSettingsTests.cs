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

    private static InfraSettings Direct(string? domain, string? certificateArn, string? connectInstanceUrl = null) => new()
    {
        ConnectInstanceArn = SynthesizedStack.ConnectInstanceArn, Domain = domain, CertificateArn = certificateArn, ConnectInstanceUrl = connectInstanceUrl,
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

    [Theory]
    [InlineData("https://mycenter.my.connect.aws", "https://mycenter.my.connect.aws")]
    [InlineData("https://MyCenter.my.connect.aws/", "https://mycenter.my.connect.aws")]
    [InlineData("https://mycenter.awsapps.com", "https://mycenter.awsapps.com")]
    public void The_connect_instance_url_is_read_from_context_as_its_origin(string url, string origin)
    {
        var settings = InfraSettings.FromContext(Context(("connectInstanceUrl", url)));
        Assert.Equal(url, settings.ConnectInstanceUrl);
        Assert.Equal(origin, settings.ConnectInstanceOrigin);
        Assert.Null(InfraSettings.FromContext(Context()).ConnectInstanceOrigin);
    }

    [Theory]
    [InlineData("http://mycenter.my.connect.aws")]
    [InlineData("mycenter.my.connect.aws")]
    [InlineData("https://mycenter.my.connect.aws/agent-app-v2/")]
    [InlineData("https://mycenter.my.connect.aws/connect")]
    [InlineData("https://mycenter.my.connect.aws?x=1")]
    [InlineData("https://mycenter.my.connect.aws#top")]
    [InlineData("https://mycenter.my.connect.aws:8443")]
    [InlineData("https://admin@mycenter.my.connect.aws")]
    [InlineData("https://*.my.connect.aws")]
    [InlineData("https://10.0.0.1")]
    public void A_connect_instance_url_that_is_not_an_https_host_alone_is_refused_naming_the_setting(string url)
    {
        var message = Refused(Context(("connectInstanceUrl", url)), Direct(null, null, url));
        Assert.Equal(
            $"connectInstanceUrl '{url}' is not a Connect instance's access URL; give https and the host alone, such as -c connectInstanceUrl=https://mycenter.my.connect.aws.",
            message);
    }
}
