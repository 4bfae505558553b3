using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowConfigs.Gateway.Tests.Http;

/// <summary>
/// What counts as "behind the gateway": the exceptions Orleans hands a caller when a task is lost answer 503 with
/// Retry-After, and anything else (our own bugs) is left to the default 500.
/// </summary>
public sealed class BackendUnavailableHandlerTests
{
    private static async Task<(bool Handled, HttpContext Context, JsonObject? Problem)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Request.Path = "/internal/config/lost%2F17";
        context.Response.Body = new MemoryStream();
        context.Features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(context.Response.Body));
        var handler = new BackendUnavailableHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<BackendUnavailableHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (handled, context, body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject);
    }

    [Fact]
    public async Task An_activation_ended_by_a_cancellation_nobody_asked_for_is_a_503_with_Retry_After()
    {
        // What a caller queued on an activation receives when its directory registration was cancelled mid-failover.
        var (handled, context, problem) = await HandleAsync(new TaskCanceledException("A task was canceled."));

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal(503, problem?["status"]?.GetValue<int>());
    }

    [Fact]
    public async Task A_timeout_behind_the_gateway_is_a_503()
    {
        var (handled, context, _) = await HandleAsync(new TimeoutException("Response did not arrive on time."));

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
    }

    [Fact]
    public async Task Our_own_bugs_are_left_to_the_500()
    {
        var (handled, context, problem) = await HandleAsync(new InvalidOperationException("a bug"));

        Assert.False(handled);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Null(problem);
    }
}
