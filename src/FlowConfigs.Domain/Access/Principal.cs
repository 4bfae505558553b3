namespace FlowConfigs.Domain.Access;

/// <summary>
/// Who is asking, as their token says: groups (FlowConfigAdmin, FlowConfigEdit, FlowConfigRead) and, per level,
/// id patterns from the custom:FlowConfigFull/Edit/Read claims where <c>*</c> matches any run of characters.
/// </summary>
public sealed record Principal(
    string Username,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> FullPatterns,
    IReadOnlyList<string> EditPatterns,
    IReadOnlyList<string> ReadPatterns)
{
    public const string AdminGroup = "FlowConfigAdmin";
    public const string EditGroup = "FlowConfigEdit";
    public const string ReadGroup = "FlowConfigRead";

    /// <summary>
    /// Builds a principal from raw claim values: each group value may itself be a comma-separated list (Cognito
    /// sends an array, some IdPs a comma string); tag values are comma-separated patterns. Blank entries are dropped,
    /// entries trimmed.
    /// </summary>
    public static Principal FromClaims(string username, IEnumerable<string> groupValues, string? fullTag, string? editTag, string? readTag) =>
        new(username, [.. groupValues.SelectMany(Split).Distinct(StringComparer.Ordinal)], Split(fullTag), Split(editTag), Split(readTag));

    private static string[] Split(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
