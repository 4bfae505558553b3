using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Tests.Configs;

/// <summary>
/// The web app repeats the id, name, language, description and SSML rules so people see problems as they type.
/// tests/fixtures/validation/cases.json is the one table of cases; this test and the web app's Vitest
/// (validation.cases.test.ts) read it and must reach the same verdicts.
/// </summary>
public sealed class SharedValidationCasesTests
{
    public static TheoryData<int, string, string, bool> Cases()
    {
        var data = new TheoryData<int, string, string, bool>();
        var rows = JsonNode.Parse(File.ReadAllText(CasesPath()))!.AsArray();
        for (var i = 0; i < rows.Count; i++)
            data.Add(i, rows[i]!["rule"]!.GetValue<string>(), rows[i]!["value"]!.GetValue<string>(), rows[i]!["valid"]!.GetValue<bool>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_domain_reaches_the_tables_verdict(int row, string rule, string value, bool valid)
    {
        var problem = Check(rule, value);
        Assert.True(valid == (problem is null),
            $"row {row} ({rule} {JsonSerializer.Serialize(value)}): the table says {(valid ? "valid" : "invalid")}, the domain says {problem ?? "valid"}");
    }

    [Fact]
    public void The_table_covers_every_rule_both_ways()
    {
        var rows = Cases().Select(c => ((string)c[1], (bool)c[3])).ToHashSet();
        foreach (var rule in new[] { "id", "name", "language", "description", "ssml" })
        {
            Assert.Contains((rule, true), rows);
            Assert.Contains((rule, false), rows);
        }
    }

    private static string? Check(string rule, string value) => rule switch
    {
        "id" => FlowConfigId.Validate(value),
        "name" => FlowConfigDocument.ValidateName(value),
        "language" => LanguageCode.IsValid(value) ? null : LanguageCode.Expected,
        "description" => FlowConfigDocument.ValidateDescription(value),
        "ssml" => VoiceProblem(value),
        _ => throw new ArgumentException($"Unknown rule '{rule}' in the shared cases."),
    };

    /// <summary>The SSML rule as a save applies it: the voice text of one prompt in an otherwise valid document.</summary>
    private static string? VoiceProblem(string voice)
    {
        var document = new JsonObject
        {
            ["description"] = "d",
            ["variables"] = new JsonObject(),
            ["prompts"] = new JsonObject { ["p"] = new JsonObject { ["en-US"] = new JsonObject { ["voice"] = voice } } },
        };
        var read = FlowConfigDocument.Read(JsonDocument.Parse(document.ToJsonString()).RootElement, "x");
        if (read.IsValid) return null;
        var errors = read.Errors.ToDictionary();
        Assert.True(errors.Keys.SequenceEqual(["prompts.p.en-US.voice"]), $"only the voice should be in question: {read.Errors}");
        return errors["prompts.p.en-US.voice"][0];
    }

    private static string CasesPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FlowConfigs.sln")))
                return Path.Combine(dir.FullName, "tests", "fixtures", "validation", "cases.json");
        throw new DirectoryNotFoundException("FlowConfigs.sln not found above " + AppContext.BaseDirectory);
    }
}
