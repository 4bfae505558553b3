namespace FlowConfigs.Grains.Storage;

/// <summary>
/// Why storage could not do what a grain call asked, in words for the person who asked, and when trying again makes
/// sense. Grains answer it instead of throwing storage errors, so callers map it to a 503 without knowing storage.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StorageFault([property: Id(0)] string Detail, [property: Id(1)] TimeSpan RetryAfter)
{
    public static readonly TimeSpan Shortly = TimeSpan.FromSeconds(1);
}

/// <summary>
/// A grain read that cannot be answered from storage (it did not answer while the grain activated, or the stored
/// document cannot be read). An <see cref="OrleansException"/>, so every caller treats it as the backend being
/// unavailable: a 503, never a 500.
/// </summary>
[GenerateSerializer]
public sealed class StorageFaultException : OrleansException
{
    public StorageFaultException(StorageFault fault) : base(fault.Detail) => Fault = fault;

    [Id(0)]
    public StorageFault Fault { get; }
}
