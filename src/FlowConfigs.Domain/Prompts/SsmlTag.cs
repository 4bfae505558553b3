namespace FlowConfigs.Domain.Prompts;

/// <summary>One element Amazon Polly documents, with the attributes it documents for that element.</summary>
internal sealed class SsmlTag(string name, string[] attributes, string[]? required = null, bool isEmpty = false)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Attributes { get; } = attributes;
    public IReadOnlyList<string> Required { get; } = required ?? [];

    /// <summary>Takes no content: a pause, a marker, a breath.</summary>
    public bool IsEmpty { get; } = isEmpty;

    /// <summary>The elements Amazon Connect speaks through Polly. Anything else (audio, voice, ...) is refused.</summary>
    public static readonly IReadOnlyDictionary<string, SsmlTag> All = new SsmlTag[]
    {
        new("speak", []),
        new("break", ["strength", "time"], isEmpty: true),
        new("emphasis", ["level"]),
        new("lang", ["xml:lang", "onlangfailure"], required: ["xml:lang"]),
        new("mark", ["name"], required: ["name"], isEmpty: true),
        new("p", []),
        new("phoneme", ["alphabet", "ph"], required: ["ph"]),
        new("prosody", ["volume", "rate", "pitch", "amazon:max-duration"]),
        new("s", []),
        new("say-as", ["interpret-as", "format"], required: ["interpret-as"]),
        new("sub", ["alias"], required: ["alias"]),
        new("w", ["role"], required: ["role"]),
        new("amazon:auto-breaths", ["volume", "frequency", "duration"]),
        new("amazon:breath", ["duration", "volume"], isEmpty: true),
        new("amazon:domain", ["name"], required: ["name"]),
        new("amazon:effect", ["name", "phonation", "vocal-tract-length"]),
        new("amazon:emotion", ["name", "intensity"], required: ["name", "intensity"]),
    }.ToDictionary(tag => tag.Name, StringComparer.Ordinal);
}
