using Amazon.CDK;
using Amazon.CDK.Assertions;
using System.Text.Json.Nodes;

namespace FlowConfigs.Infra.Tests;

/// <summary>
/// <c>cdk synth</c> of the app, once per test class, through the JSII runtime (Node) as the CDK CLI runs it: the
/// gateway image asset is staged, the GetConfig Lambda's bootstrap is published Native AOT by the local bundler.
/// </summary>
public class SynthesizedStack : IDisposable
{
    public const string ConnectInstanceArn = "arn:aws:connect:us-east-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa";
    public const string AlertEmails = "a@x.com, b@y.org";
    public const string ConnectInstanceUrl = "https://MyCenter.my.connect.aws/";
    private readonly string _outdir = Path.Combine(Path.GetTempPath(), "flowconfigs-cdk-" + Guid.NewGuid().ToString("N"));

    public Template Template { get; }
    public JsonObject Json { get; }
    public string Outdir => _outdir;

    public SynthesizedStack() : this(settings => settings)
    {
    }

    /// <param name="vary">Changes the test settings, for a stack that differs from the common one.</param>
    protected SynthesizedStack(Func<InfraSettings, InfraSettings> vary)
    {
        var app = new App(new AppProps { Outdir = _outdir });
        var stack = FlowConfigsStack.Create(app, vary(new InfraSettings
        {
            EnvironmentName = "test",
            ConnectInstanceArn = ConnectInstanceArn,
            Domain = "flowconfigs.example.com",
            CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555",
            ConnectInstanceUrl = ConnectInstanceUrl,
            AlertEmails = InfraSettings.FromContext(new App(new AppProps
            {
                Context = new Dictionary<string, object> { ["connectInstanceArn"] = ConnectInstanceArn, ["alertEmails"] = AlertEmails },
            })).AlertEmails,
        }));
        Template = Template.FromStack(stack);
        Json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Template.ToJSON()))!.AsObject();
    }

    /// <summary>One container of the gateway's task definition.</summary>
    public JsonNode Container(string name) => Resources("AWS::ECS::TaskDefinition").Single().Properties["ContainerDefinitions"]!.AsArray()
        .Single(c => c!["Name"]!.GetValue<string>() == name)!;

    /// <summary>The ADOT sidecar's configuration, from its container environment, parsed as the YAML it is.</summary>
    public JsonObject AdotConfig()
    {
        var content = Container("adot")["Environment"]!.AsArray().Single(e => e!["Name"]!.GetValue<string>() == "AOT_CONFIG_CONTENT")!["Value"]!.GetValue<string>();
        var file = Path.Combine(_outdir, "adot-config.yaml");
        File.WriteAllText(file, content);
        return Repository.Yaml(file);
    }

    /// <summary>Resources of one CloudFormation type, with their logical ids.</summary>
    public IEnumerable<(string Id, JsonObject Properties)> Resources(string type) =>
        Json["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!["Properties"] as JsonObject ?? new JsonObject()));

    public void Dispose()
    {
        try { Directory.Delete(_outdir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// Classes that synthesize run one at a time: two syntheses at once share the JSII runtime's unpacked assets and
/// trip over each other's files.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SynthesisCollection
{
    public const string Name = "Synthesis";
}
