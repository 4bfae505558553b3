namespace FlowConfigs.Domain.Resolution;

/// <summary>Speech markup as text channels need it.</summary>
public static class Ssml
{
    /// <summary>Drops tags, decodes XML entities (named and numeric), collapses whitespace runs to one space and trims.</summary>
    public static string ToPlainText(string voice) => throw new NotImplementedException();
}
