using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Schedules;

/// <summary>Names of schedule entries and calendar events: free text people read in lists and timelines.</summary>
internal static class EventNames
{
    public const int MaxLength = 128;

    /// <summary>Null when <paramref name="name"/> is usable, else a sentence saying why not.</summary>
    public static string? Problem(string name)
    {
        if (name.Trim().Length == 0 || name.Length > MaxLength)
            return $"a name must be 1 to {MaxLength} characters long (not counting surrounding spaces).";
        if (StrictJson.HasControlCharacters(name))
            return "the name must not contain control characters.";
        if (StrictJson.FindDeceptiveCharacter(name) is { } codePoint)
            return $"the name contains {codePoint}, an invisible or text-direction character that makes it display differently from what it holds.";
        return null;
    }
}
