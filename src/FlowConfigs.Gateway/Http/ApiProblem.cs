using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace FlowConfigs.Gateway.Http;

/// <summary>
/// A problem+json answer whose type says which statuses it can carry. Handlers return these inside
/// <c>Results&lt;…&gt;</c>, so the OpenAPI document lists every problem an endpoint can answer from the handler's own
/// signature, the way <c>Ok&lt;T&gt;</c> lists its success.
/// </summary>
public abstract class ApiProblem : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    public const string ContentTypeName = "application/problem+json";
    private readonly ProblemHttpResult _result;

    private protected ApiProblem(ProblemDetails details) => _result = TypedResults.Problem(details);

    public ProblemDetails ProblemDetails => _result.ProblemDetails;

    public int StatusCode => _result.StatusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    object? IValueHttpResult.Value => ProblemDetails;

    ProblemDetails? IValueHttpResult<ProblemDetails>.Value => ProblemDetails;

    public string ContentType => _result.ContentType;

    public virtual Task ExecuteAsync(HttpContext httpContext) => _result.ExecuteAsync(httpContext);

    /// <summary>Adds <paramref name="statuses"/> as problem+json responses to an endpoint's metadata.</summary>
    public static void Declare(EndpointBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            var type = status is StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge
                ? typeof(HttpValidationProblemDetails)
                : typeof(ProblemDetails);
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, type, [ContentTypeName]));
        }
    }
}

/// <summary>400: a field or header broke a rule.</summary>
public sealed class BadRequestProblem : ApiProblem, IEndpointMetadataProvider
{
    internal BadRequestProblem(ProblemDetails details) : base(details) { }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status400BadRequest);
}

/// <summary>400, 408, 413 or 415: the request body is not what the endpoint reads (not JSON, too slow, too large, broken, invalid).</summary>
public sealed class BodyProblem : ApiProblem, IEndpointMetadataProvider
{
    internal BodyProblem(ProblemDetails details) : base(details) { }

    /// <summary>A header problem answered by a handler whose signature has room for one kind of 400 only.</summary>
    public static implicit operator BodyProblem(BadRequestProblem problem) => new(problem.ProblemDetails);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status400BadRequest, StatusCodes.Status408RequestTimeout, StatusCodes.Status413PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType);
}

/// <summary>403: the caller may not do this.</summary>
public sealed class ForbiddenProblem : ApiProblem, IEndpointMetadataProvider
{
    internal ForbiddenProblem(ProblemDetails details) : base(details) { }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status403Forbidden);
}

/// <summary>404: the config (or revision) does not exist.</summary>
public sealed class NotFoundProblem : ApiProblem, IEndpointMetadataProvider
{
    internal NotFoundProblem(ProblemDetails details) : base(details) { }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status404NotFound);
}

/// <summary>
/// 409 or 412: the change conflicts with the state of the config (it needs a draft, the draft is out of date or not
/// approved) or with the version the caller read.
/// </summary>
public sealed class ConflictProblem : ApiProblem, IEndpointMetadataProvider
{
    internal ConflictProblem(ProblemDetails details) : base(details) { }

    /// <summary>A failed precondition answered by a handler that can also answer 409 (a signature holds six results at most).</summary>
    public static implicit operator ConflictProblem(PreconditionFailedProblem problem) => new(problem.ProblemDetails);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}

/// <summary>412: someone else changed it since the caller read it (If-Match, If-None-Match).</summary>
public sealed class PreconditionFailedProblem : ApiProblem, IEndpointMetadataProvider
{
    internal PreconditionFailedProblem(ProblemDetails details) : base(details) { }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status412PreconditionFailed);
}

/// <summary>503 with <c>Retry-After</c>: something behind the gateway cannot answer now.</summary>
public sealed class UnavailableProblem : ApiProblem, IEndpointMetadataProvider
{
    private readonly TimeSpan _retryAfter;

    internal UnavailableProblem(ProblemDetails details, TimeSpan retryAfter) : base(details) => _retryAfter = retryAfter;

    public override Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = Problems.Seconds(_retryAfter);
        return base.ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status503ServiceUnavailable);
}
