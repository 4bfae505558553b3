namespace FlowConfigs.Domain.Access;

/// <summary>Ordered: a higher level includes everything a lower one may do.</summary>
public enum AccessLevel { None = 0, Read = 1, Edit = 2, Full = 3 }
