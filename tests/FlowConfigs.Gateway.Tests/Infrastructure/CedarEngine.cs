using System.Diagnostics;
using FlowConfigs.Grains.Tests.Storage;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>
/// The official Cedar engine (npm @cedar-policy/cedar-wasm, run by Node through tests/tools/cedar-avp.mjs) behind a
/// loopback Verified Permissions endpoint: BatchIsAuthorized bodies exactly as the gateway sends them are decided by
/// Cedar with the repository's policies/ and schema. GetPolicyStore answers for the configured store id only.
/// </summary>
public sealed class CedarEngine : IAsyncLifetime
{
    public const string PolicyStoreId = "PSEXAMPLEabcdefg111111";
    private readonly object _gate = new();
    private Process? _node;

    public LoopbackAwsEndpoint Endpoint { get; } = new();

    /// <summary>When set, answers instead of Cedar (errors, throttling).</summary>
    public Func<LoopbackAwsEndpoint.Received, LoopbackAwsEndpoint.Reply?>? Override { get; set; }

    public async Task InitializeAsync()
    {
        var root = DynaliteFixture.RepositoryRoot();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(root, "tests", "tools"),
        };
        start.ArgumentList.Add("cedar-avp.mjs");
        start.ArgumentList.Add(Path.Combine(root, "policies"));
        _node = Process.Start(start)!;
        Endpoint.Respond = Answer;
        await Endpoint.InitializeAsync();
    }

    private LoopbackAwsEndpoint.Reply Answer(LoopbackAwsEndpoint.Received request)
    {
        if (Override?.Invoke(request) is { } replaced) return replaced;
        var target = request.Headers.GetValueOrDefault("x-amz-target");
        if (target == "VerifiedPermissions.GetPolicyStore")
        {
            return request.BodyText.Contains(PolicyStoreId)
                ? LoopbackAwsEndpoint.Reply.Json($$$"""{"policyStoreId":"{{{PolicyStoreId}}}","arn":"arn:aws:verifiedpermissions::123456789012:policy-store/{{{PolicyStoreId}}}","validationSettings":{"mode":"STRICT"}}""")
                : LoopbackAwsEndpoint.Reply.Json("""{"__type":"ResourceNotFoundException","message":"The policy store was not found"}""", 404);
        }
        if (target != "VerifiedPermissions.BatchIsAuthorized")
            return LoopbackAwsEndpoint.Reply.Json($$"""{"__type":"UnknownOperationException","message":"{{target}}"}""", 400);
        lock (_gate)
        {
            _node!.StandardInput.WriteLine(request.BodyText.ReplaceLineEndings(" "));
            _node.StandardInput.Flush();
            var line = _node.StandardOutput.ReadLine()
                ?? throw new InvalidOperationException("cedar-avp.mjs exited: " + _node.StandardError.ReadToEnd());
            return LoopbackAwsEndpoint.Reply.Json(line);
        }
    }

    public async Task DisposeAsync()
    {
        await Endpoint.DisposeAsync();
        if (_node is { HasExited: false }) _node.Kill();
        _node?.Dispose();
    }
}
