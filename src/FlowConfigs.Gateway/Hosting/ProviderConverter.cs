using System.ComponentModel;
using System.Globalization;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// Binds a provider setting by name only, so a wrong value stops start-up with the allowed names. The framework's enum
/// converter also takes numbers (<c>7</c>) and flag lists (<c>Sqlite, DynamoDB</c>), which would quietly start an
/// undefined provider or the wrong one. The configuration binder wraps the error with the setting's path and value.
/// </summary>
internal sealed class ProviderConverter<TProvider>() : EnumConverter(typeof(TProvider)) where TProvider : struct, Enum
{
    public static string Allowed => string.Join(" or ", Enum.GetNames<TProvider>().Select(name => $"'{name}'"));

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text) return base.ConvertFrom(context, culture, value);
        foreach (var name in Enum.GetNames<TProvider>())
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
                return Enum.Parse<TProvider>(name);
        throw new FormatException($"'{text}' is not a {typeof(TProvider).Name}; use {Allowed}.");
    }
}
