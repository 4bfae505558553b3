using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Configs;

namespace FlowConfigs.Gateway.Features.ChangeControl;

/// <summary>
/// The emergency path: <c>"emergency": { "reason": "..." }</c> takes a direct change live on a config that needs
/// approval. Only Full users may use it, and only with a reason, which history, the audit log and events carry.
/// </summary>
internal static class EmergencyRequest
{
    public const string Field = "emergency";
    public const int MaxReasonLength = 1000;
    private const int MaxBodyBytes = 8 * 1024;

    /// <summary>The reason in an <c>emergency</c> value, or the errors naming <c>emergency.reason</c>.</summary>
    public static string? ReadReason(JsonElement emergency, FieldErrors errors)
    {
        if (emergency.ValueKind != JsonValueKind.Object || !emergency.TryGetProperty("reason", out var reason) || reason.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(reason.GetString()))
        {
            errors.Add("emergency.reason", "Say why this change cannot wait for approval: the reason is kept in history and the audit log.");
            return null;
        }
        foreach (var property in emergency.EnumerateObject())
            if (property.Name != "reason")
                errors.Add($"emergency.{property.Name}", $"An emergency has no field called '{property.Name}'.");
        var text = reason.GetString()!.Trim();
        if (text.Length > MaxReasonLength)
            errors.Add("emergency.reason", $"Shorten the reason to {MaxReasonLength} characters or fewer (it has {text.Length}).");
        return errors.IsEmpty ? text : null;
    }

    /// <summary>
    /// A save body with its <c>emergency</c> taken out (the config document must not carry it), and the reason; the
    /// body as it was when it has none.
    /// </summary>
    public static (JsonDocument Document, string? Reason, FieldErrors? Errors) Split(JsonDocument body)
    {
        if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty(Field, out var emergency))
            return (body, null, null);
        var errors = new FieldErrors();
        var reason = ReadReason(emergency, errors);
        var rest = JsonNode.Parse(body.RootElement.GetRawText())!.AsObject();
        rest.Remove(Field);
        return (JsonDocument.Parse(rest.ToJsonString()), reason, errors.IsEmpty ? null : errors);
    }

    /// <summary>The optional body of a delete or rollback: nothing, or <c>{ "emergency": { "reason" } }</c>.</summary>
    public static async Task<(string? Reason, BodyProblem? Problem)> ReadOptionalBodyAsync(HttpRequest request)
    {
        if (JsonBody.IsAbsent(request))
            return (null, null);
        var (body, problem) = await JsonBody.ReadAsync(request, MaxBodyBytes);
        if (problem is not null) return (null, problem);
        using var _ = body;
        var root = body!.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return (null, Problems.Body("body", "Send nothing, or a JSON object with an emergency reason."));
        var errors = new FieldErrors();
        string? reason = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == Field) reason = ReadReason(property.Value, errors);
            else errors.Add(property.Name, $"Unknown field '{property.Name}'.");
        }
        return errors.IsEmpty ? (reason, null) : (null, Problems.BodyFields(errors));
    }

    /// <summary>Only Full users may take a change live without its approvals.</summary>
    public static ForbiddenProblem? RequireFull(string id, string? reason, AccessLevel level) =>
        reason is not null && level < AccessLevel.Full
            ? Problems.ForbiddenField(Field, $"An emergency change to {id} needs Full access on it; save a draft and submit it for review instead.")
            : null;

    public static ChangeOptions? Options(string? reason, string? action = null) =>
        reason is null && action is null ? null : new ChangeOptions(reason, action);
}
