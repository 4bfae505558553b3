using FlowConfigs.GetConfig;

// The custom runtime loop: init once, then next → handle → respond, forever. Lambda freezes the process between
// invocations, so the gateway connection pool and the last good answers survive from one call to the next.
var runtimeHost = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrEmpty(runtimeHost))
{
    Console.Error.WriteLine("AWS_LAMBDA_RUNTIME_API is not set: this program runs as a Lambda custom runtime (bootstrap).");
    return 1;
}
var runtime = RuntimeApi.Create(runtimeHost);

GetConfigFunction function;
try
{
    var options = FunctionOptions.FromEnvironment(Environment.GetEnvironmentVariable);
    var gateway = GetConfigFunction.CreateGatewayClient(options);
    function = new GetConfigFunction(gateway, options, Console.Out);
    await WarmAsync(gateway);
}
catch (InvalidOperationException exception)
{
    await runtime.FailInitAsync("Runtime.InvalidConfiguration", exception.Message, CancellationToken.None);
    return 1;
}

while (true)
{
    var invocation = await runtime.NextAsync(CancellationToken.None);
    if (invocation.TraceId is not null) Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
    switch (await function.HandleAsync(invocation, DateTimeOffset.UtcNow))
    {
        case Outcome.Answer answer:
            await runtime.RespondAsync(invocation.RequestId, answer.Json, CancellationToken.None);
            break;
        case Outcome.Failure failure:
            await Console.Out.WriteLineAsync($"ERROR {invocation.RequestId} {failure.ErrorType}: {failure.Message}");
            await runtime.FailAsync(invocation.RequestId, failure.ErrorType, failure.Message, CancellationToken.None);
            break;
    }
}

// Opens the keep-alive connection during init (not billed per invocation, not on a caller's time); a gateway that is
// down now is not an init failure, the first invocation will say so.
static async Task WarmAsync(HttpClient gateway)
{
    try
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        using var _ = await gateway.GetAsync("health/live", timeout.Token);
    }
    catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
    {
        await Console.Out.WriteLineAsync("WARN the gateway did not answer during init: " + exception.Message);
    }
}
