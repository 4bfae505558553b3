using FlowConfigs.Grains.Events;

namespace FlowConfigs.Grains.Tests.Events;

public sealed class RetryDelayTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void The_wait_doubles_with_each_failure_in_a_row_up_to_the_max(int failuresInARow, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ChangeEventDispatcherGrain.RetryDelay(failuresInARow, new ChangeEventDeliveryOptions()));
}
