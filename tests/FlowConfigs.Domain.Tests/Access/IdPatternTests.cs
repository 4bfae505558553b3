using FlowConfigs.Domain.Access;

namespace FlowConfigs.Domain.Tests.Access;

public sealed class IdPatternTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything/at/all", true)]
    [InlineData("team-a/*", "team-a/x", true)]
    [InlineData("team-a/*", "team-a/", true)]
    [InlineData("team-a/*", "team-ab/x", false)]
    [InlineData("team-a/*", "Team-a/x", false)]
    [InlineData("*-austin", "branch-office-austin", true)]
    [InlineData("*-austin", "branch-office-austin2", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXcYYb", false)]
    [InlineData("a**b", "ab", true)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    [InlineData("+1800*", "+18005551234", true)]
    [InlineData("a.b", "aXb", false)]
    [InlineData("?", "x", false)]
    public void Star_is_the_only_wildcard(string pattern, string id, bool expected) =>
        Assert.Equal(expected, IdPattern.Matches(pattern, id));

    [Fact]
    public void Adversarial_patterns_do_not_backtrack_exponentially()
    {
        // Exponential backtracking would take effectively forever here; linear matching returns at once.
        var pattern = string.Concat(Enumerable.Repeat("*a", 60)) + "*b";
        Assert.False(IdPattern.Matches(pattern, new string('a', 128)));
    }
}
