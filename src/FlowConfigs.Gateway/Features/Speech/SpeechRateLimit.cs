using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>
/// One limit on speech previews across all callers: each synthesis costs a process and up to a minute of audio in
/// memory, and that budget is the machine's, not a user's. Past the running and waiting slots: 429 with Retry-After.
/// </summary>
internal sealed class SpeechRateLimit(IOptions<SpeechOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "speech";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(Policy, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrentSyntheses,
            QueueLimit = options.Value.MaxQueuedSyntheses,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, _) =>
    {
        // A preview takes a second or two; a concurrency lease carries no retry hint of its own.
        rejected.HttpContext.Response.Headers.RetryAfter = "1";
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many speech previews",
                detail: "Other prompts are being synthesized right now; try again in a moment.")
            .ExecuteAsync(rejected.HttpContext);
    };
}
