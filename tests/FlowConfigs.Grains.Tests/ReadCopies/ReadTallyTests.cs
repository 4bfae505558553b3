using FlowConfigs.Grains.ReadCopies;

namespace FlowConfigs.Grains.Tests.ReadCopies;

public sealed class ReadTallyTests
{
    [Fact]
    public async Task Counts_from_many_threads_at_once_add_up_exactly()
    {
        var tally = new ReadTally();
        const int Threads = 8, Each = 50_000;
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < Each; i++)
            {
                tally.Hit();
                if (i % 5 == t % 5) tally.Miss();
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(((long)Threads * Each, (long)Threads * Each / 5), tally.Totals());
    }

    [Fact]
    public void A_new_tally_is_zero() => Assert.Equal((0L, 0L), new ReadTally().Totals());
}
