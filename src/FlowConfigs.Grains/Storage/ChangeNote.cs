using System.Text.Json.Nodes;

namespace FlowConfigs.Grains.Storage;

/// <summary>
/// What a write tells besides its document: the audit line (always) and, for a change that goes live, the change
/// event. Both are stored in the write's own durable step, so neither exists without the change nor the change
/// without them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChangeNote([property: Id(0)] string By, [property: Id(1)] DateTimeOffset At, [property: Id(2)] string Action)
{
    /// <summary>Whether the change alters what is served (a config, settings, a calendar): it then yields a change event.</summary>
    [Id(3)] public bool Live { get; init; } = true;
    [Id(4)] public IReadOnlyList<string>? ApprovedBy { get; init; }
    [Id(5)] public string? EmergencyReason { get; init; }
    [Id(6)] public string? Comment { get; init; }
    /// <summary>A sentence for the audit log (what a scheduled publish found, how many items an import had).</summary>
    [Id(7)] public string? Detail { get; init; }

    /// <summary>The flags a revision keeps for history: approvers and an emergency's reason.</summary>
    public JsonObject? RevisionDetails()
    {
        if (ApprovedBy is null && EmergencyReason is null) return null;
        var details = new JsonObject();
        if (ApprovedBy is { } approvers) details["approvedBy"] = new JsonArray([.. approvers.Select(a => (JsonNode)a)]);
        if (EmergencyReason is { } reason) details["emergency"] = new JsonObject { ["reason"] = reason };
        return details;
    }

    public AuditRecord Audit(DocumentKey key, long version)
    {
        var details = RevisionDetails() ?? [];
        if (Comment is { } comment) details["comment"] = comment;
        if (Detail is { } detail) details["detail"] = detail;
        return new AuditRecord(At, By, key.Kind, key.Id, version, Action, details.Count == 0 ? null : details);
    }

    /// <summary>The change event, for a live change; its body is what subscribers receive.</summary>
    public OutboxEvent? Event(DocumentKey key, long version)
    {
        if (!Live) return null;
        var eventId = Guid.NewGuid().ToString("N");
        var body = new JsonObject
        {
            ["eventId"] = eventId,
            ["type"] = key.Kind + ".changed",
            ["id"] = key.Id,
            ["version"] = version,
            ["action"] = Action,
            ["by"] = By,
            ["at"] = At.ToUniversalTime().ToString("O"),
        };
        if (ApprovedBy is { } approvers) body["approvedBy"] = new JsonArray([.. approvers.Select(a => (JsonNode)a)]);
        if (EmergencyReason is { } reason) body["emergency"] = new JsonObject { ["reason"] = reason };
        return new OutboxEvent(eventId, At, $"{key.Kind}/{key.Id}", body);
    }
}
