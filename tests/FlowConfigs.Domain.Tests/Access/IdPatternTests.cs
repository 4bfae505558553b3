using System.Text.Json.Nodes;
using FlowConfigs.Domain.Access;

namespace FlowConfigs.Domain.Tests.Access;

/// <summary>
/// tests/fixtures/id-patterns/cases.json is the one table of cases; the web app's Vitest (approvalRules.test.ts) reads
/// it too, so the page decides "needs approval" exactly as the server does.
/// </summary>
public sealed class IdPatternTests
{
    public static TheoryData<string, string, bool> SharedCases()
    {
        var data = new TheoryData<string, string, bool>();
        var rows = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "id-patterns", "cases.json")))!.AsArray();
        foreach (var row in rows)
            data.Add(row!["pattern"]!.GetValue<string>(), row["id"]!.GetValue<string>(), row["matches"]!.GetValue<bool>());
        return data;
    }

    [Theory]
    [MemberData(nameof(SharedCases))]
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
