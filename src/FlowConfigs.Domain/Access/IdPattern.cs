namespace FlowConfigs.Domain.Access;

/// <summary>Tag patterns: <c>*</c> matches any run of characters (including none); everything else matches itself, case-sensitively.</summary>
public static class IdPattern
{
    /// <summary>
    /// Greedy wildcard matching with one backtrack point: linear in practice and never exponential, so a hostile
    /// pattern such as <c>*a*a*a*a*b</c> cannot stall a request.
    /// </summary>
    public static bool Matches(string pattern, string id)
    {
        int p = 0, i = 0, starAt = -1, resumeAt = 0;
        while (i < id.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starAt = p++;
                resumeAt = i;
            }
            else if (p < pattern.Length && pattern[p] == id[i])
            {
                p++;
                i++;
            }
            else if (starAt >= 0)
            {
                p = starAt + 1;
                i = ++resumeAt;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
