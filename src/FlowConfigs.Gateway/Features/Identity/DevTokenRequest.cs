using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Gateway.Features.Identity;

/// <summary>Body of <c>POST /api/dev/token</c>: <c>{ username, groups: [], tags: { FlowConfigFull: "a*,b" } }</c>.</summary>
public sealed record DevTokenRequest(string Username, IReadOnlyList<string> Groups, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>Tag names in the body and the claims they become.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagClaims = new Dictionary<string, string>
    {
        ["FlowConfigFull"] = "custom:FlowConfigFull",
        ["FlowConfigEdit"] = "custom:FlowConfigEdit",
        ["FlowConfigRead"] = "custom:FlowConfigRead",
    };

    public static ReadResult<DevTokenRequest> Read(JsonElement body)
    {
        var errors = new FieldErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "The body must be a JSON object.");
            return ReadResult<DevTokenRequest>.Fail(errors);
        }
        string? username = null;
        var groups = new List<string>();
        var tags = new Dictionary<string, string>();
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "username":
                    username = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    if (username is null || username.Length is 0 or > 128 || username.Any(char.IsControl))
                    {
                        errors.Add("username", "'username' must be a string of 1 to 128 printable characters.");
                        username = null;
                    }
                    break;
                case "groups":
                    if (property.Value.ValueKind != JsonValueKind.Array
                        || property.Value.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.String || g.GetString()!.Length is 0 or > 128))
                        errors.Add("groups", "'groups' must be an array of group names.");
                    else
                        groups.AddRange(property.Value.EnumerateArray().Select(g => g.GetString()!));
                    break;
                case "tags":
                    ReadTags(property.Value, tags, errors);
                    break;
                default:
                    errors.Add(property.Name, $"Unknown field '{property.Name}'.");
                    break;
            }
        }
        if (username is null && !errors.ToDictionary().ContainsKey("username"))
            errors.Add("username", "'username' is required.");
        return errors.IsEmpty
            ? ReadResult<DevTokenRequest>.Ok(new DevTokenRequest(username!, groups, tags))
            : ReadResult<DevTokenRequest>.Fail(errors);
    }

    private static void ReadTags(JsonElement value, Dictionary<string, string> tags, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add("tags", "'tags' must be an object such as { \"FlowConfigFull\": \"team-a/*\" }.");
            return;
        }
        foreach (var tag in value.EnumerateObject())
        {
            if (!TagClaims.TryGetValue(tag.Name, out var claim))
                errors.Add($"tags.{tag.Name}", $"Unknown tag '{tag.Name}'; use FlowConfigFull, FlowConfigEdit or FlowConfigRead.");
            else if (tag.Value.ValueKind == JsonValueKind.Null)
                continue;
            else if (tag.Value.ValueKind != JsonValueKind.String || tag.Value.GetString()!.Length > 2048)
                errors.Add($"tags.{tag.Name}", "A tag is a comma-separated string of id patterns (at most 2048 characters).");
            else if (tag.Value.GetString() is { Length: > 0 } patterns)
                tags[claim] = patterns;
        }
    }
}
