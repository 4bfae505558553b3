using System.Text.Json.Nodes;
using FlowConfigs.Domain.Access;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>
/// How a question about access is put to Cedar (policies/*.cedar and their schema), in Verified Permissions' wire
/// format. The caller is a <c>User</c> whose parents are their groups and whose attributes are their tag patterns
/// per level. Cedar's <c>like</c> cannot take a pattern from an attribute, so the resource carries
/// <c>matchingTags</c>: the caller's patterns that match its id. The policies decide what groups and matched
/// patterns grant.
/// </summary>
internal static class CedarModel
{
    public const string Namespace = "FlowConfigs";
    public const string ReadConfig = "ReadConfig";
    public const string EditConfig = "EditConfig";
    public const string ManageConfig = "ManageConfig";
    public const string ManageSettings = "ManageSettings";
    public const string SettingsId = "application-settings";
    public const string ManageCalendars = "ManageCalendars";
    /// <summary>Calendar management is one decision for all calendars, asked of one resource.</summary>
    public const string CalendarsId = "calendars";
    /// <summary>Asked of a FlowConfig that carries its draft's authors; 09-approver-not-author.cedar forbids them.</summary>
    public const string ApproveDraft = "ApproveDraft";
    public const string ViewAudit = "ViewAudit";
    /// <summary>The audit log is one resource: reading it is one decision.</summary>
    public const string AuditId = "audit";
    public const string ViewOperations = "ViewOperations";
    /// <summary>The cluster view is one resource: seeing it is one decision.</summary>
    public const string OperationsId = "operations";

    /// <summary>The actions asked per config, lowest first; the highest allowed one gives the level.</summary>
    public static readonly (string Action, AccessLevel Level)[] ConfigActions =
        [(ReadConfig, AccessLevel.Read), (EditConfig, AccessLevel.Edit), (ManageConfig, AccessLevel.Full)];

    /// <summary>The caller's patterns, of any level, that match <paramref name="id"/>, each once, in a stable order.</summary>
    public static string[] MatchingTags(Principal principal, string id) =>
        principal.FullPatterns.Concat(principal.EditPatterns).Concat(principal.ReadPatterns)
            .Where(pattern => IdPattern.Matches(pattern, id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public static JsonObject Identifier(string type, string id) => new() { ["entityType"] = $"{Namespace}::{type}", ["entityId"] = id };

    public static JsonObject User(Principal principal) => new()
    {
        ["identifier"] = Identifier("User", principal.Username),
        ["attributes"] = new JsonObject
        {
            ["fullTags"] = StringSet(principal.FullPatterns),
            ["editTags"] = StringSet(principal.EditPatterns),
            ["readTags"] = StringSet(principal.ReadPatterns),
        },
        ["parents"] = new JsonArray([.. principal.Groups.Select(group => (JsonNode)Identifier("Group", group))]),
    };

    public static JsonObject Resource(string type, string id, IEnumerable<string> matchingTags) => new()
    {
        ["identifier"] = Identifier(type, id),
        ["attributes"] = new JsonObject { ["matchingTags"] = StringSet(matchingTags) },
    };

    /// <summary>
    /// A config whose draft is being reviewed: its authors as <c>User</c> references, so the policies compare them
    /// with the principal as entities (the schema makes the attribute optional; the other config actions omit it).
    /// </summary>
    public static JsonObject DraftResource(string id, IEnumerable<string> matchingTags, IEnumerable<string> draftAuthors)
    {
        var resource = Resource("FlowConfig", id, matchingTags);
        resource["attributes"]!["draftAuthors"] = new JsonObject
        {
            ["set"] = new JsonArray([.. draftAuthors.Select(author => (JsonNode)new JsonObject { ["entityIdentifier"] = Identifier("User", author) })]),
        };
        return resource;
    }

    public static JsonObject Request(Principal principal, string action, string resourceType, string resourceId) => new()
    {
        ["principal"] = Identifier("User", principal.Username),
        ["action"] = new JsonObject { ["actionType"] = $"{Namespace}::Action", ["actionId"] = action },
        ["resource"] = Identifier(resourceType, resourceId),
        ["context"] = new JsonObject { ["contextMap"] = new JsonObject() },
    };

    private static JsonObject StringSet(IEnumerable<string> values) =>
        new() { ["set"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["string"] = v })]) };
}
