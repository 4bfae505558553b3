using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace FlowConfigs.Domain.Prompts;

/// <summary>
/// Which SSML a prompt may hold: the elements and attributes Amazon Connect speaks through Amazon Polly, nothing else.
/// Stored prompts and the speech preview both go through here, so markup that a speech engine would act on in other
/// ways (<c>&lt;audio src&gt;</c> reads files, a DTD expands entities) never gets past the door.
/// </summary>
public static partial class SsmlPolicy
{
    /// <summary>Far beyond what Polly speaks in one request (6,000 characters); a bound on parsing work, not a product rule.</summary>
    public const int MaxCharacters = 64 * 1024;

    public const int MaxDepth = 32;

    /// <summary>Polly's longest pause; a longer <c>&lt;break time&gt;</c> is spoken as this.</summary>
    public static readonly TimeSpan MaxBreak = TimeSpan.FromSeconds(10);

    public static readonly IReadOnlyList<string> BreakStrengths = ["none", "x-weak", "weak", "medium", "strong", "x-strong"];

    /// <summary>The allow-listed element names, amazon:* included.</summary>
    public static IEnumerable<string> Elements => SsmlTag.All.Keys;

    private const string AmazonNamespace = "https://aws.amazon.com/polly/ssml";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = MaxCharacters,
        IgnoreComments = true,
        CloseInput = true,
    };

    /// <summary>
    /// Voice text that opens with markup is SSML to Connect and Polly; anything else ("Press &lt;1&gt; &amp; hold") is
    /// plain text and spoken as written.
    /// </summary>
    public static bool IsMarkup(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length >= 2 && trimmed[0] == '<' && (char.IsAsciiLetter(trimmed[1]) || trimmed[1] is '!' or '?');
    }

    /// <summary>The first thing wrong with <paramref name="voice"/> as a sentence, or null when it is plain text or allowed SSML.</summary>
    public static string? Problem(string voice) => IsMarkup(voice) ? Read(voice).Problem : null;

    /// <summary>Parses SSML into the allow-listed tree, or says the first thing that is not allowed.</summary>
    public static SsmlReading Read(string ssml)
    {
        if (ssml.Length > MaxCharacters)
            return Refuse($"The SSML is {ssml.Length:N0} characters long; at most {MaxCharacters:N0} are allowed.");
        try
        {
            // Polly's amazon:* elements come without a namespace declaration; declaring the prefix here lets them parse.
            var names = new NameTable();
            var namespaces = new XmlNamespaceManager(names);
            namespaces.AddNamespace("amazon", AmazonNamespace);
            using var reader = XmlReader.Create(new StringReader(ssml), Settings, new XmlParserContext(names, namespaces, null, XmlSpace.None));
            return Read(reader);
        }
        catch (XmlException) when (ssml.Contains("<!DOCTYPE", StringComparison.Ordinal))
        {
            // The reader's own words ("For security reasons DTD is prohibited ... set DtdProcessing") address a programmer.
            return Refuse("SSML must not contain a document type declaration (<!DOCTYPE ...>).");
        }
        catch (XmlException e)
        {
            return Refuse($"The SSML is not well-formed: {e.Message}");
        }
    }

    /// <summary>
    /// A <c>&lt;break time&gt;</c> value ("500ms", "2s", "1.5s") as Polly speaks it: at most <see cref="MaxBreak"/>.
    /// </summary>
    public static bool TryReadBreakTime(string value, out TimeSpan time)
    {
        time = default;
        var match = BreakTime().Match(value);
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return false;
        var milliseconds = match.Groups["unit"].Value == "s" ? number * 1000 : number;
        time = TimeSpan.FromMilliseconds(Math.Min(milliseconds, MaxBreak.TotalMilliseconds));
        return true;
    }

    private static SsmlReading Read(XmlReader reader)
    {
        var open = new Stack<Open>();
        SsmlElement? root = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                {
                    var name = reader.Name;
                    if (open.Count == 0 && name != "speak")
                        return Refuse("SSML must have <speak> as its root element.");
                    if (open.Count > 0 && name == "speak")
                        return Refuse("<speak> may appear only once, around the whole prompt.");
                    if (!SsmlTag.All.TryGetValue(name, out var tag))
                        return Refuse(NotAllowed(name));
                    if (open.TryPeek(out var parent) && parent.Tag.IsEmpty)
                        return Refuse($"<{parent.Tag.Name}> must be empty.");
                    if (open.Count >= MaxDepth)
                        return Refuse($"The SSML nests elements more than {MaxDepth} deep.");
                    var (attributes, problem) = ReadAttributes(reader, tag);
                    if (problem is not null)
                        return Refuse(problem);
                    var element = new Open(tag, attributes!);
                    if (!reader.IsEmptyElement)
                        open.Push(element);
                    else if (Close(element, open) is var empty && open.Count == 0)
                        root = empty;
                    break;
                }
                case XmlNodeType.EndElement:
                    var closed = Close(open.Pop(), open);
                    if (open.Count == 0)
                        root = closed;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (open.TryPeek(out var container))
                    {
                        if (container.Tag.IsEmpty && !string.IsNullOrWhiteSpace(reader.Value))
                            return Refuse($"<{container.Tag.Name}> must be empty.");
                        container.Children.Add(new SsmlText(reader.Value));
                    }
                    break;
                case XmlNodeType.ProcessingInstruction:
                    return Refuse($"Processing instructions (<?{reader.Name} ...?>) are not SSML.");
            }
        }
        return root is null ? Refuse("SSML must have <speak> as its root element.") : new SsmlReading(root, null);
    }

    private static (Dictionary<string, string>? Attributes, string? Problem) ReadAttributes(XmlReader reader, SsmlTag tag)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            if (!tag.Attributes.Contains(reader.Name))
            {
                var allowed = tag.Attributes.Count == 0 ? "it takes none" : $"it takes {string.Join(", ", tag.Attributes)}";
                return (null, $"<{tag.Name}> has no attribute '{reader.Name}'; {allowed}.");
            }
            attributes[reader.Name] = reader.Value;
        }
        reader.MoveToElement();

        foreach (var required in tag.Required)
            if (!attributes.ContainsKey(required))
                return (null, $"<{tag.Name}> needs a '{required}' attribute.");
        if (tag.Name == "break")
        {
            if (attributes.TryGetValue("time", out var time) && !TryReadBreakTime(time, out _))
                return (null, $"<break time=\"{time}\"> must be a duration such as 500ms or 2s.");
            if (attributes.TryGetValue("strength", out var strength) && !BreakStrengths.Contains(strength))
                return (null, $"<break strength=\"{strength}\"> must be one of {string.Join(", ", BreakStrengths)}.");
        }
        return (attributes, null);
    }

    private static SsmlElement Close(Open element, Stack<Open> open)
    {
        var closed = new SsmlElement(element.Tag.Name, element.Attributes, element.Children);
        if (open.TryPeek(out var parent))
            parent.Children.Add(closed);
        return closed;
    }

    private static string NotAllowed(string name)
    {
        var allowed = $"use {string.Join(", ", SsmlTag.All.Keys)}";
        return name == "audio"
            ? $"<audio> is not allowed: a prompt cannot play audio files from SSML; {allowed}."
            : $"<{name}> is not SSML that Amazon Connect speaks; {allowed}.";
    }

    private static SsmlReading Refuse(string problem) => new(null, problem);

    private sealed record Open(SsmlTag Tag, Dictionary<string, string> Attributes)
    {
        public List<SsmlNode> Children { get; } = [];
    }

    [GeneratedRegex(@"^(?<number>\d{1,9}(\.\d{1,6})?|\.\d{1,6})(?<unit>ms|s)$")]
    private static partial Regex BreakTime();
}

/// <summary>The allow-listed tree of a prompt's SSML, or the first problem with it as a sentence.</summary>
public sealed record SsmlReading(SsmlElement? Root, string? Problem);
