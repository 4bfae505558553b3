namespace FlowConfigs.Grains.Storage.DynamoDb;

/// <summary>
/// Turns (kind, id) into the item id of the shared table and back, from <see cref="DynamoDbStorageOptions.ItemIds"/>:
/// <c>prefix{id}</c> formats, fixed ids, and <c>{kind}#{id}</c> for kinds not configured.
/// </summary>
internal sealed class ItemIdMap(IReadOnlyDictionary<string, string> formats)
{
    private const string Placeholder = "{id}";

    private readonly HashSet<string> _fixedIds = formats.Values.Where(f => !f.Contains(Placeholder, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

    public string ItemId(DocumentKey key)
    {
        var format = Format(key.Kind);
        return format.EndsWith(Placeholder, StringComparison.Ordinal) ? format[..^Placeholder.Length] + key.Id : format;
    }

    /// <summary>What every item id of <paramref name="kind"/> starts with (empty for ids kept as they are).</summary>
    public string Prefix(string kind)
    {
        var format = Format(kind);
        return format.EndsWith(Placeholder, StringComparison.Ordinal) ? format[..^Placeholder.Length] : format;
    }

    /// <summary>The document id an item of <paramref name="kind"/> stands for, or null when the item belongs to another kind.</summary>
    public string? DocumentId(string kind, string itemId)
    {
        var format = Format(kind);
        if (!format.EndsWith(Placeholder, StringComparison.Ordinal))
            return itemId == format ? itemId : null;
        var prefix = Prefix(kind);
        if (!itemId.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        // A kind keeping ids as they are shares the table with every other kind: their items carry a '#' or are fixed.
        if (prefix.Length == 0 && (itemId.Contains('#', StringComparison.Ordinal) || _fixedIds.Contains(itemId)))
            return null;
        return itemId[prefix.Length..];
    }

    private string Format(string kind) => formats.TryGetValue(kind, out var format) ? format : kind + "#" + Placeholder;
}
