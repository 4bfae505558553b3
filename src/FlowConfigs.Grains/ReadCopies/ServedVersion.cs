namespace FlowConfigs.Grains.ReadCopies;

/// <summary>
/// Which state of a config a grain serves: the config's stored version, then the sum of the stored versions of the
/// calendars its schedule references. A calendar change alters what is served without a config write, so copies
/// must see it as newer. Ordered by config version first: while that is unchanged the set of calendars is too, and
/// each calendar's version only grows (a deleted one keeps counting), so the sum only grows.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct ServedVersion([property: Id(0)] long Config, [property: Id(1)] long Calendars) : IComparable<ServedVersion>
{
    /// <summary>What a silo holding no copy asks with; no config has it.</summary>
    public static readonly ServedVersion NothingHeld = new(-1, 0);

    public static ServedVersion Of(long config) => new(config, 0);

    public int CompareTo(ServedVersion other) =>
        Config != other.Config ? Config.CompareTo(other.Config) : Calendars.CompareTo(other.Calendars);

    public static bool operator <(ServedVersion left, ServedVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(ServedVersion left, ServedVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(ServedVersion left, ServedVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(ServedVersion left, ServedVersion right) => left.CompareTo(right) >= 0;

    public static ServedVersion Max(ServedVersion a, ServedVersion b) => a >= b ? a : b;

    public override string ToString() => Calendars == 0 ? Config.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Config}+{Calendars}";
}
