namespace FlowConfigs.Domain.Access;

/// <summary>Tag patterns: <c>*</c> matches any run of characters (including none); everything else matches itself, case-sensitively.</summary>
public static class IdPattern
{
    public static bool Matches(string pattern, string id) => throw new NotImplementedException();
}
