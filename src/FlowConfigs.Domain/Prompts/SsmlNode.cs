namespace FlowConfigs.Domain.Prompts;

/// <summary>A piece of SSML that <see cref="SsmlPolicy"/> admitted: an element or the text around elements.</summary>
public abstract record SsmlNode;

/// <summary>Text as it is spoken: entities and character references already decoded.</summary>
public sealed record SsmlText(string Text) : SsmlNode;

/// <summary>
/// An allow-listed element with the attributes the allow-list admits for it, names as written
/// (<c>say-as</c>, <c>amazon:effect</c>, <c>xml:lang</c>).
/// </summary>
public sealed record SsmlElement(string Name, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<SsmlNode> Children) : SsmlNode
{
    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);
}
