using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using FlowConfigs.Domain.Prompts;

namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>
/// The only markup espeak-ng ever reads: written here from the allow-listed tree, never passed through. espeak-ng has
/// its own forgiving tag reader that acts on things Polly never would (<c>&lt;audio src&gt;</c> opens server files and
/// runs sox through a shell, <c>xml:base</c> redirects it), so every element and attribute it sees is one we chose and
/// every attribute value is one we computed. Elements it cannot render are unwrapped to their text.
/// </summary>
internal static partial class EspeakMarkup
{
    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Document,
        Indent = false,
    };

    /// <summary>Plain text as SSML, so it is spoken as written: "&lt;audio src=...&gt;" typed as text stays text.</summary>
    public static string FromPlainText(string text) => Write(writer =>
    {
        writer.WriteStartElement("speak");
        writer.WriteString(XmlSafe(text));
        writer.WriteEndElement();
    });

    /// <param name="speak">The root of an SSML prompt that <see cref="SsmlPolicy"/> admitted.</param>
    /// <param name="voiceFor">The installed espeak-ng voice for a Polly language code (for &lt;lang&gt;), or null.</param>
    public static string FromSsml(SsmlElement speak, Func<string, string?> voiceFor) => Write(writer =>
    {
        writer.WriteStartElement("speak");
        WriteChildren(writer, speak, voiceFor);
        writer.WriteEndElement();
    });

    private static string Write(Action<XmlWriter> write)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, Settings))
            write(writer);
        return text.ToString();
    }

    private static void WriteChildren(XmlWriter writer, SsmlElement element, Func<string, string?> voiceFor)
    {
        foreach (var child in element.Children)
        {
            if (child is SsmlText text)
                writer.WriteString(text.Text);
            else if (child is SsmlElement inner)
                WriteElement(writer, inner, voiceFor);
        }
    }

    private static void WriteElement(XmlWriter writer, SsmlElement element, Func<string, string?> voiceFor)
    {
        switch (element.Name)
        {
            case "p" or "s":
                writer.WriteStartElement(element.Name);
                WriteChildren(writer, element, voiceFor);
                writer.WriteEndElement();
                break;
            case "break":
                WriteBreak(writer, element);
                break;
            case "emphasis":
                writer.WriteStartElement("emphasis");
                if (element.Attribute("level") is "strong" or "moderate" or "reduced")
                    writer.WriteAttributeString("level", element.Attribute("level"));
                WriteChildren(writer, element, voiceFor);
                writer.WriteEndElement();
                break;
            case "prosody":
                writer.WriteStartElement("prosody");
                foreach (var name in (string[])["rate", "pitch", "volume"])
                    if (element.Attribute(name) is { } value && Prosody(name, value) is { } espeakValue)
                        writer.WriteAttributeString(name, espeakValue);
                WriteChildren(writer, element, voiceFor);
                writer.WriteEndElement();
                break;
            case "say-as" when SayAs(element.Attribute("interpret-as")) is { } interpretAs:
                writer.WriteStartElement("say-as");
                writer.WriteAttributeString("interpret-as", interpretAs);
                WriteChildren(writer, element, voiceFor);
                writer.WriteEndElement();
                break;
            case "sub":
                // espeak-ng would copy the alias itself; speaking it as our own text keeps attribute values away from it.
                writer.WriteString(element.Attribute("alias"));
                break;
            case "lang" when voiceFor(element.Attribute("xml:lang") ?? "") is { } voice:
                writer.WriteStartElement("voice");
                writer.WriteAttributeString("xml", "lang", null, voice);
                WriteChildren(writer, element, voiceFor);
                writer.WriteEndElement();
                break;
            case "mark" or "amazon:breath":
                break; // Silent: a marker for speech-mark events, a breath espeak-ng cannot take.
            default:
                // phoneme (Polly's IPA/X-SAMPA mean nothing to espeak-ng), w, other say-as, lang without a voice, amazon:*.
                WriteChildren(writer, element, voiceFor);
                break;
        }
    }

    /// <summary>Time wins over strength, as in SSML; both mapped to what Polly would pause.</summary>
    private static void WriteBreak(XmlWriter writer, SsmlElement element)
    {
        writer.WriteStartElement("break");
        if (element.Attribute("time") is { } time && SsmlPolicy.TryReadBreakTime(time, out var pause))
            writer.WriteAttributeString("time", ((int)Math.Round(pause.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms");
        else if (element.Attribute("strength") is { } strength)
            writer.WriteAttributeString("strength", strength switch
            {
                // Polly: x-weak is no pause, like none; weak and medium are a comma's pause.
                "none" or "x-weak" => "none",
                "strong" => "strong",
                "x-strong" => "x-strong",
                _ => "medium",
            });
        writer.WriteEndElement();
    }

    private static string? SayAs(string? interpretAs) => interpretAs switch
    {
        "characters" or "spell-out" => "characters",
        "telephone" => "telephone",
        "digits" => "tts:digits",
        _ => null, // numbers, dates, units...: espeak-ng reads them as written.
    };

    /// <summary>Polly's prosody values in espeak-ng's terms, rebuilt from the number so nothing else gets through.</summary>
    internal static string? Prosody(string attribute, string value)
    {
        value = value.Trim();
        if (Names(attribute).Contains(value))
            return value;
        var match = ProsodyNumber().Match(value);
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return null;
        var sign = match.Groups["sign"].Value;
        var unit = match.Groups["unit"].Value;
        return (attribute, unit) switch
        {
            // Polly's rate range is 20% to 200% of the voice's own.
            ("rate", "%") when sign == "" => Percent(Math.Clamp(number, 20, 200)),
            ("pitch", "%") when sign != "" => sign + Percent(Math.Min(number, 100)),
            // Decibels as espeak-ng's amplitude percentage: +6dB doubles it.
            ("volume", "dB") when sign != "" => Percent(Math.Clamp(100 * Math.Pow(10, (sign == "-" ? -number : number) / 20), 0, 400)),
            _ => null,
        };
    }

    private static string Percent(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture) + "%";

    private static string[] Names(string attribute) => attribute switch
    {
        "rate" => ["default", "x-slow", "slow", "medium", "fast", "x-fast"],
        "pitch" => ["default", "x-low", "low", "medium", "high", "x-high"],
        _ => ["default", "silent", "x-soft", "soft", "medium", "loud", "x-loud"],
    };

    /// <summary>Characters XML cannot carry (control codes) become spaces; espeak-ng would not speak them anyway.</summary>
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                safe.Append(text[i]).Append(text[++i]);
            else
                safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : ' ');
        }
        return safe.ToString();
    }

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<number>\d{1,4}(\.\d{1,3})?)(?<unit>%|dB)$")]
    private static partial Regex ProsodyNumber();
}
