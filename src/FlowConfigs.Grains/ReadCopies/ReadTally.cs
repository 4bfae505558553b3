using System.Numerics;
using System.Runtime.CompilerServices;

namespace FlowConfigs.Grains.ReadCopies;

/// <summary>
/// Reads answered from memory (hits) and by a grain call (misses), counted on the GetConfig path without a lock or an
/// allocation. One shared counter would have every core write the same cache line on every read; instead each
/// processor counts in its own stripe and a report adds the stripes up. A thread that moves to another processor
/// mid-increment only lands in a neighbour's stripe, so the increments stay atomic and the sum exact.
/// </summary>
public sealed class ReadTally
{
    /// <summary>128 bytes per stripe: x64 prefetches cache lines in pairs, so 64 bytes apart would still be shared.</summary>
    private const int Stride = 16;
    private const int MaxStripes = 64;
    private readonly long[] _cells;
    private readonly int _mask;

    public ReadTally()
    {
        var stripes = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, MaxStripes));
        _mask = stripes - 1;
        // One stripe more than needed: stripe 0 would share its line with the array's header.
        _cells = new long[(stripes + 1) * Stride];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Hit() => Interlocked.Increment(ref _cells[Stripe()]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Miss() => Interlocked.Increment(ref _cells[Stripe() + 1]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Stripe() => ((Thread.GetCurrentProcessorId() & _mask) + 1) * Stride;

    /// <summary>Totals since the silo started; a read racing this may or may not be in them.</summary>
    public (long Hits, long Misses) Totals()
    {
        long hits = 0, misses = 0;
        for (var i = Stride; i < _cells.Length; i += Stride)
        {
            hits += Volatile.Read(ref _cells[i]);
            misses += Volatile.Read(ref _cells[i + 1]);
        }
        return (hits, misses);
    }
}
