using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Tests.Configs;

public sealed class FlowConfigIdTests
{
    [Theory]
    [InlineData("branch-office-austin")]
    [InlineData("+18005551234")]
    [InlineData("queue/technical-support")]
    [InlineData("team-a/sub.x:y@z_1")]
    [InlineData("a")]
    [InlineData("..a")]
    [InlineData("a/.b/c.")]
    public void Accepts_valid_ids(string id) => Assert.Null(FlowConfigId.Validate(id));

    [Fact]
    public void Accepts_exactly_128_characters() => Assert.Null(FlowConfigId.Validate(new string('a', 128)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("a/../b")]
    [InlineData("./x")]
    [InlineData("x/.")]
    [InlineData("..")]
    [InlineData("/x")]
    [InlineData("x/")]
    [InlineData("a//b")]
    [InlineData("a b")]
    [InlineData("a%2Fb")]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    [InlineData("a\u0000b")]
    [InlineData("café")]
    [InlineData("<script>")]
    [InlineData("application-settings")]
    [InlineData("preview")]
    [InlineData("export")]
    [InlineData("import")]
    public void Rejects_hostile_and_reserved_ids(string? id) => Assert.NotNull(FlowConfigId.Validate(id));

    [Fact]
    public void Rejects_129_characters_and_says_how_long() =>
        Assert.Contains("129", FlowConfigId.Validate(new string('a', 129)));

    [Fact]
    public void Control_characters_are_named_by_code_point() =>
        Assert.Contains("U+0007", FlowConfigId.Validate("a\u0007b"));

    [Fact]
    public void Ids_are_case_sensitive_but_reserved_words_are_exact() =>
        Assert.Null(FlowConfigId.Validate("Preview"));
}
