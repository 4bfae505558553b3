using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Storage;
using Microsoft.AspNetCore.Mvc;

namespace FlowConfigs.Gateway.Http;

/// <summary>RFC 7807 answers that name the field or rule a request broke, typed by what they can be.</summary>
internal static class Problems
{
    public static BadRequestProblem Field(string field, string message) => new(Validation(field, message, StatusCodes.Status400BadRequest));

    public static BadRequestProblem Fields(FieldErrors errors) => new(Validation(errors.ToDictionary(), errors.ToString(), StatusCodes.Status400BadRequest));

    public static BadRequestProblem Fields(IDictionary<string, string[]> errors, string detail) => new(Validation(errors, detail, StatusCodes.Status400BadRequest));

    /// <summary>The body as a whole is refused: not JSON, too large, not readable.</summary>
    public static BodyProblem Body(string field, string message, int status = StatusCodes.Status400BadRequest) =>
        new(Validation(field, message, status));

    public static BodyProblem BodyFields(FieldErrors errors) => BodyFields(errors.ToDictionary(), errors.ToString());

    public static BodyProblem BodyFields(IDictionary<string, string[]> errors, string detail) => new(Validation(errors, detail, StatusCodes.Status400BadRequest));

    public static BodyProblem UnsupportedMediaType(string detail) =>
        new(new ProblemDetails { Status = StatusCodes.Status415UnsupportedMediaType, Title = "Unsupported media type", Detail = detail });

    public static ForbiddenProblem Forbidden(string detail) =>
        new(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = detail });

    /// <summary>A 403 whose <paramref name="type"/> says which rule refused (<c>/problems/approver-is-author</c>).</summary>
    public static ForbiddenProblem ForbiddenType(string type, string detail) =>
        new(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Type = "/problems/" + type, Title = "Forbidden", Detail = detail });

    public static ForbiddenProblem ForbiddenField(string field, string message) => new(Validation(field, message, StatusCodes.Status403Forbidden));

    public static NotFoundProblem NotFound(string detail) =>
        new(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail });

    public static NotFoundProblem ConfigNotFound(string id) => NotFound($"Flow config with id {id} not found");

    /// <summary>A 409 whose <paramref name="type"/> (a relative URI, <c>/problems/draft-required</c>) lets a client tell conflicts apart.</summary>
    public static ConflictProblem Conflict(string type, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var details = new ProblemDetails { Status = StatusCodes.Status409Conflict, Type = "/problems/" + type, Title = title, Detail = detail };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
            details.Extensions[name] = value;
        return new ConflictProblem(details);
    }

    /// <summary>A direct change to a config that goes live only with approvals.</summary>
    public static ConflictProblem DraftRequired(string id, int approvals) => Conflict("draft-required", "A draft is needed",
        $"Flow config {id} needs {(approvals == 1 ? "1 approval" : $"{approvals} approvals")} before a change goes live: save it as a draft and submit it for review. " +
        "In an emergency, a user with Full access can make the change with a reason; it is flagged in history, the audit log and change events.",
        new Dictionary<string, object?> { ["approvalsRequired"] = approvals });

    public static PreconditionFailedProblem PreconditionFailed(string detail) =>
        new(new ProblemDetails { Status = StatusCodes.Status412PreconditionFailed, Title = "Changed by someone else", Detail = detail });

    public static PreconditionFailedProblem VersionConflict(long current) =>
        PreconditionFailed(current == 0
            ? "The precondition failed: the config does not exist."
            : $"The precondition failed: the current version is {current}. Reload, reapply your change and save again.");

    public static UnavailableProblem Unavailable(string title, string detail, TimeSpan? retryAfter = null) =>
        new(new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail }, retryAfter ?? TimeSpan.FromSeconds(1));

    /// <summary>A grain's word that storage could not do it: what happened, in its own sentence, and when to try again.</summary>
    public static UnavailableProblem Storage(StorageFault fault) => Unavailable("Storage unavailable", fault.Detail, fault.RetryAfter);

    /// <summary>A <c>Retry-After</c> value: whole seconds, at least one.</summary>
    public static string Seconds(TimeSpan wait) =>
        ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static HttpValidationProblemDetails Validation(string field, string message, int status) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, message, status);

    private static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors, string detail, int status) =>
        new(errors) { Status = status, Title = TitleFor(status), Detail = detail };

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Invalid request",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status413PayloadTooLarge => "Too large",
        _ => "Request failed",
    };
}
