using System.Text;

namespace FlowConfigs.Domain.Resolution;

/// <summary>Speech markup as text channels need it.</summary>
public static class Ssml
{
    /// <summary>Drops tags, decodes XML entities (named and numeric), collapses whitespace runs to one space and trims.</summary>
    public static string ToPlainText(string voice)
    {
        var text = new StringBuilder(voice.Length);
        var pendingSpace = false;
        for (var i = 0; i < voice.Length; i++)
        {
            var c = voice[i];
            if (c == '<' && voice.IndexOf('>', i + 1) is var close and > 0)
            {
                // A pause or paragraph break separates words when spoken; an <emphasis> around a word does not.
                if (IsBoundaryTag(voice.AsSpan(i + 1, close - i - 1)))
                    pendingSpace = true;
                i = close;
                continue;
            }
            if (c == '&' && TryDecodeEntity(voice, i, out var decoded, out var end))
            {
                c = decoded;
                i = end;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && text.Length > 0)
                text.Append(' ');
            pendingSpace = false;
            text.Append(c);
        }
        return text.ToString();
    }

    private static bool IsBoundaryTag(ReadOnlySpan<char> tag)
    {
        tag = tag.TrimStart('/');
        var nameEnd = tag.IndexOfAny(" \t\r\n/");
        var name = nameEnd < 0 ? tag : tag[..nameEnd];
        return name is "break" or "p" or "s" or "speak";
    }

    /// <summary>The five XML entities and numeric references; anything else stays as written.</summary>
    private static bool TryDecodeEntity(string text, int start, out char decoded, out int end)
    {
        decoded = default;
        end = text.IndexOf(';', start + 1);
        if (end < 0 || end - start > 10) return false;
        var name = text.AsSpan(start + 1, end - start - 1);
        switch (name)
        {
            case "amp": decoded = '&'; return true;
            case "lt": decoded = '<'; return true;
            case "gt": decoded = '>'; return true;
            case "quot": decoded = '"'; return true;
            case "apos": decoded = '\''; return true;
        }
        if (name.Length < 2 || name[0] != '#') return false;
        var isHex = name[1] is 'x' or 'X';
        var digits = isHex ? name[2..] : name[1..];
        var style = isHex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None;
        if (!int.TryParse(digits, style, System.Globalization.CultureInfo.InvariantCulture, out var code) || code is <= 0 or > 0xFFFF || char.IsSurrogate((char)code))
            return false;
        decoded = (char)code;
        return true;
    }
}
