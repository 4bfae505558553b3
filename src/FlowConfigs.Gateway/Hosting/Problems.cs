using FlowConfigs.Domain.Configs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>RFC 7807 answers that name the field or rule a request broke.</summary>
internal static class Problems
{
    public static ProblemHttpResult Field(string field, string message, int status = StatusCodes.Status400BadRequest) =>
        Fields(new Dictionary<string, string[]> { [field] = [message] }, message, status);

    public static ProblemHttpResult Fields(FieldErrors errors, int status = StatusCodes.Status400BadRequest) =>
        Fields(errors.ToDictionary(), errors.ToString(), status);

    public static ProblemHttpResult Fields(IDictionary<string, string[]> errors, string detail, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = TitleFor(status),
            Detail = detail,
        });

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

    public static ProblemHttpResult ConfigNotFound(string id) =>
        Status(StatusCodes.Status404NotFound, "Not found", $"Flow config with id {id} not found");

    public static ProblemHttpResult Forbidden(string detail) =>
        Status(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult VersionConflict(long current) =>
        Status(StatusCodes.Status412PreconditionFailed, "Changed by someone else",
            current == 0
                ? "The precondition failed: the config does not exist."
                : $"The precondition failed: the current version is {current}. Reload, reapply your change and save again.");

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Invalid request",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status413PayloadTooLarge => "Too large",
        _ => "Request failed",
    };
}
