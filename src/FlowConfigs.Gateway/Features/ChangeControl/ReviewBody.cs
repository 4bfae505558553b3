using System.Text.Json;
using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Http;

namespace FlowConfigs.Gateway.Features.ChangeControl;

/// <summary>The small bodies of review and publish requests: <c>{ "comment" }</c> and <c>{ "at" }</c>, each optional, read strictly.</summary>
internal static class ReviewBody
{
    private const int MaxBytes = 16 * 1024;

    /// <summary>The named string fields of an optional JSON object body (absent body: none), or the problem naming the field.</summary>
    public static async Task<(Dictionary<string, string?> Fields, BodyProblem? Problem)> ReadAsync(HttpRequest request, params string[] names)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (JsonBody.IsAbsent(request))
            return (fields, null);
        var (body, problem) = await JsonBody.ReadAsync(request, MaxBytes);
        if (problem is not null) return (fields, problem);
        using var _ = body;
        if (body!.RootElement.ValueKind != JsonValueKind.Object)
            return (fields, Problems.Body("body", $"Send a JSON object with {string.Join(" or ", names)}."));
        var errors = new FieldErrors();
        foreach (var property in body.RootElement.EnumerateObject())
        {
            if (!names.Contains(property.Name))
                errors.Add(property.Name, $"Unknown field '{property.Name}'.");
            else if (property.Value.ValueKind == JsonValueKind.String)
                fields[property.Name] = property.Value.GetString();
            else if (property.Value.ValueKind != JsonValueKind.Null)
                errors.Add(property.Name, $"'{property.Name}' must be a string.");
        }
        if (fields.TryGetValue("comment", out var comment) && comment?.Length > DraftReview.MaxCommentLength)
            errors.Add("comment", $"Shorten the comment to {DraftReview.MaxCommentLength} characters or fewer (it has {comment.Length}).");
        return errors.IsEmpty ? (fields, null) : (fields, Problems.BodyFields(errors));
    }
}
